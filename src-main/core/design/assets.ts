// Which library assets a design uses (image elements, at any depth of grouping), so the library
// can show "where used", refuse to delete what is in use, and keep its files from collection.
import type { DesignDocument, Element } from './schema';

export function designAssetIds(doc: Pick<DesignDocument, 'pages'>): string[] {
  const ids = new Set<string>();
  const walk = (elements: readonly Element[]) => {
    for (const el of elements) {
      if (el.type === 'image' && el.assetId) ids.add(el.assetId);
      if (el.type === 'group') walk(el.elements);
    }
  };
  for (const page of doc.pages) walk(page.elements);
  return [...ids];
}

/**
 * The document with its asset references renamed (image elements at any depth and page
 * backgrounds); ids the map does not name stay. Used when a file given away is rewritten (a content
 * pack strips photo metadata, which changes the file's hash and so its id).
 */
export function remapAssetIds<T extends Pick<DesignDocument, 'pages'>>(doc: T, ids: ReadonlyMap<string, string>): T {
  const element = (el: Element): Element => {
    if (el.type === 'image') return ids.has(el.assetId) ? { ...el, assetId: ids.get(el.assetId)! } : el;
    if (el.type === 'group') return { ...el, elements: el.elements.map(element) };
    return el;
  };
  return {
    ...doc,
    pages: doc.pages.map((page) => ({
      ...page,
      background: page.background.type === 'image' && ids.has(page.background.assetId) ? { ...page.background, assetId: ids.get(page.background.assetId)! } : page.background,
      elements: page.elements.map(element),
    })),
  };
}
