// File names inside a pack: `<yyyy-mm-dd>_<slug>_<network>[_<page>].png`, readable in any file
// manager, unique within the pack, safe on every OS.

/** ASCII, lowercase, dashes; accents folded (é → e); never empty. */
export function slugify(text: string, maxLength = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug || 'post';
}

export interface ImageNameParts {
  /** The client's local date, `YYYY-MM-DD`, or null for an unscheduled post. */
  localDate: string | null;
  title: string;
  network: string;
  /** 1-based page number, only for carousels. */
  page?: number;
}

export function imageBaseName(parts: ImageNameParts): string {
  const date = parts.localDate ?? 'unscheduled';
  const page = parts.page !== undefined ? `_${parts.page}` : '';
  return `${date}_${slugify(parts.title)}_${parts.network}${page}`;
}

/** Hands out names, adding `-2`, `-3`… when two posts would collide (same day, same title). */
export function uniqueNamer() {
  const used = new Set<string>();
  return (base: string, extension: string): string => {
    let name = `${base}.${extension}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.${extension}`;
    used.add(name.toLowerCase());
    return name;
  };
}

/**
 * Which pages of its design a variant publishes: the one it points at, or every page (a carousel).
 * Null when it points at a page the design does not have.
 */
export function variantPages(pageCount: number, pageIndex: number | null | undefined): number[] | null {
  if (pageIndex === null || pageIndex === undefined) return Array.from({ length: pageCount }, (_, i) => i);
  return pageIndex < pageCount ? [pageIndex] : null;
}
