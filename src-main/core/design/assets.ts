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
