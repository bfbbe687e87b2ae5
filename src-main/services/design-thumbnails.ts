// Small PNG thumbnails of designs for calendar cards. Each is rendered headlessly once per design
// revision and kept in `<library>/cache/design-thumbs/<designId>/<page>-<revision>.png`. The revision
// (from the design's updated_at and stored size) is part of the URL, so a saved design gets a new URL,
// browsers may cache every URL for ever, and the previous file is removed when the next one is made.
// The cache is disposable: deleting the folder only means thumbnails are rendered again.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pageAssetIds, parseDesign } from '../core/design';
import { designThumbPath, isDesignId, THUMB_REVISION, type ThumbSize } from '../core/domain/design-thumbs';
import type { BackgroundRenderer } from '../render/background';
import { fontFilesFor } from './design-fonts';
import type { Library } from './library';
import { settled } from '../core/promises';

/** Longest side in pixels: cards show 18–32 px, so this is sharp at 2× and 3× too. */
export const THUMB_SIZE = 96;
/** Longest side of a large thumbnail: the composer's previews show up to ~320 px wide. */
export const LARGE_THUMB_SIZE = 640;
/** Part of every revision: bump it to render every thumbnail again (a change in how they look). */
const THUMB_VERSION = 1;

/** The revision part of a thumbnail URL for a design row: its save time and stored size. */
export function thumbnailRevision(row: { updated_at: number; size: number }): string {
  return `${THUMB_VERSION}-${row.updated_at.toString(36)}-${row.size.toString(36)}`;
}

export interface ThumbnailSource {
  id: string;
  variants: readonly { designId: string | null; pageIndex: number | null }[];
}

export interface DesignThumbnailOptions {
  /** Draws off the main thread (a worker started on demand). */
  renderer: BackgroundRenderer;
  /** A smaller copy of an image asset to draw from (the library's preview); null draws the original. */
  previewFile?: (assetId: string) => Promise<string | null>;
  fontsDir?: string;
  /** The cache folder (default `<library>/cache/design-thumbs`). */
  dir?: string;
}

/**
 * Thumbnail URL paths for posts whose variants use a design: the first variant with one, at the page
 * it uses (the first when unset). Posts without a design are left out. Needs the database only, so
 * the calendar's change records carry the paths too.
 */
export function createThumbnailPaths(lib: Library): (posts: readonly ThumbnailSource[]) => Record<string, string> {
  const revisions = lib.db.prepare<[string], { id: string; updated_at: number; size: number }>(
    `SELECT id, updated_at, length(document) AS size FROM designs
     WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
  );
  return (posts) => {
    const wanted: { postId: string; designId: string; page: number }[] = [];
    for (const post of posts) {
      const variant = post.variants.find((v) => v.designId);
      if (variant) wanted.push({ postId: post.id, designId: variant.designId!, page: variant.pageIndex ?? 0 });
    }
    if (wanted.length === 0) return {};
    const current = new Map(revisions.all(JSON.stringify([...new Set(wanted.map((w) => w.designId))])).map((r) => [r.id, thumbnailRevision(r)]));
    const out: Record<string, string> = {};
    for (const w of wanted) {
      const revision = current.get(w.designId);
      if (revision) out[w.postId] = designThumbPath(w.designId, w.page, revision);
    }
    return out;
  };
}

export function createDesignThumbnails(lib: Library, options: DesignThumbnailOptions) {
  const dir = options.dir ?? path.join(lib.paths.dataDir, 'cache', 'design-thumbs');
  const pathsFor = createThumbnailPaths(lib);
  const revisions = lib.db.prepare<[string], { id: string; updated_at: number; size: number }>(
    `SELECT id, updated_at, length(document) AS size FROM designs
     WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
  );
  const pageCounts = lib.db.prepare<[string], { id: string; updated_at: number; size: number; pages: number }>(
    `SELECT id, updated_at, length(document) AS size, coalesce(json_array_length(document, '$.pages'), 1) AS pages FROM designs
     WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
  );
  const revisionOf = thumbnailRevision;
  // One render at a time, so a month of new thumbnails does not hold the host's event loop for long.
  let queue: Promise<unknown> = Promise.resolve();
  const inFlight = new Map<string, Promise<string | null>>();

  /** The cached file's name: `<page>-<revision>.png`, or `<page>-l-<revision>.png` for a large one. */
  const fileName = (page: number, revision: string, size: ThumbSize) => `${page}-${size === 'large' ? 'l-' : ''}${revision}.png`;

  async function render(designId: string, page: number, file: string, size: ThumbSize): Promise<string | null> {
    const row = lib.designs.get(designId);
    if (!row || row.deleted_at !== null) return null;
    const doc = parseDesign(JSON.parse(row.document));
    if (!doc.pages[page]) return null;
    const scale = Math.min(1, (size === 'large' ? LARGE_THUMB_SIZE : THUMB_SIZE) / Math.max(doc.width, doc.height));
    // Photos are drawn from their preview-size copies: a 96 px thumbnail never needs 12 MP decoded.
    const assetFiles: Record<string, string> = {};
    for (const id of new Set(pageAssetIds(doc.pages[page]!))) {
      const preview = await options.previewFile?.(id).catch(() => null);
      if (preview) assetFiles[id] = preview;
    }
    const [rendered] = await options.renderer.run({ doc, page, scale, format: 'png', assetsDir: lib.paths.assets, assetFiles, fontsDir: options.fontsDir, fonts: fontFilesFor(lib, doc) });
    const buffer = rendered!.bytes;
    const folder = path.dirname(file);
    await mkdir(folder, { recursive: true });
    const temp = `${file}.${process.pid}.part`;
    await writeFile(temp, buffer);
    await rename(temp, file);
    // Earlier revisions of this page at this size are stale now.
    const prefix = size === 'large' ? `${page}-l-` : `${page}-`;
    for (const name of await readdir(folder)) {
      const sameSize = name.startsWith(prefix) && (size === 'large' || !name.startsWith(`${page}-l-`));
      if (sameSize && name !== path.basename(file) && !name.endsWith('.part')) await rm(path.join(folder, name), { force: true });
    }
    return file;
  }

  return {
    dir,
    /**
     * Thumbnail URL paths for posts whose variants use a design: the first variant with one, at the
     * page it uses (the first when unset). Posts without a design are left out.
     */
    pathsFor,
    /** Thumbnail URL paths of designs, one per page (for galleries and previews); deleted designs are left out. */
    pagesFor(designIds: readonly string[], size: ThumbSize): Record<string, string[]> {
      const out: Record<string, string[]> = {};
      for (const row of pageCounts.all(JSON.stringify([...new Set(designIds)]))) {
        const revision = revisionOf(row);
        out[row.id] = Array.from({ length: Math.max(1, row.pages) }, (_, page) => designThumbPath(row.id, page, revision, size));
      }
      return out;
    },
    /**
     * The PNG for a thumbnail URL, rendered on first use. An out-of-date revision gets the current
     * design's thumbnail; a deleted design, or a page it does not have, gets null.
     */
    async file(designId: string, page: number, revision: string, size: ThumbSize = 'small'): Promise<{ file: string; mime: string } | null> {
      if (!isDesignId(designId) || !THUMB_REVISION.test(revision)) return null;
      const row = revisions.all(JSON.stringify([designId]))[0];
      if (!row) return null;
      const current = revisionOf(row);
      const file = path.join(dir, designId, fileName(page, current, size));
      if (existsSync(file)) return { file, mime: 'image/png' };
      let job = inFlight.get(file);
      if (!job) {
        job = queue.then(() => render(designId, page, file, size)).finally(() => inFlight.delete(file));
        inFlight.set(file, job);
        queue = settled(job); // a failed render reaches its caller through `job`; the next one still runs
      }
      const made = await job;
      return made ? { file: made, mime: 'image/png' } : null;
    },
    /** The PNG bytes (tests and the CLI): null when there is no thumbnail. */
    async bytes(designId: string, page: number, revision: string, size: ThumbSize = 'small'): Promise<Buffer | null> {
      const found = await this.file(designId, page, revision, size);
      return found ? readFile(found.file) : null;
    },
  };
}

export type DesignThumbnails = ReturnType<typeof createDesignThumbnails>;
