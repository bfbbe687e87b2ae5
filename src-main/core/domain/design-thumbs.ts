// Design thumbnail URLs: `/media/designs/<designId>/<page>/<revision>` (small, for calendar cards) and
// `…/<revision>/large` (the composer's gallery and network previews). The revision changes whenever
// the design is saved, so each URL names one rendering and can be cached for ever.

const DESIGN_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const THUMB_REVISION = /^[0-9a-z]+-[0-9a-z]+-[0-9a-z]+$/;

export const THUMB_SIZES = ['small', 'large'] as const;
export type ThumbSize = (typeof THUMB_SIZES)[number];

export function designThumbPath(designId: string, page: number, revision: string, size: ThumbSize = 'small'): string {
  return `/media/designs/${designId}/${page}/${revision}${size === 'large' ? '/large' : ''}`;
}

/** A design thumbnail URL path → its parts; anything else (or anything odd) → null. */
export function parseDesignThumbPath(pathname: string): { designId: string; page: number; revision: string; size: ThumbSize } | null {
  const match = /^\/media\/designs\/([^/]+)\/(\d{1,3})\/([^/]+?)(\/large)?$/.exec(pathname);
  if (!match || !DESIGN_ID.test(match[1]!) || !THUMB_REVISION.test(match[3]!)) return null;
  return { designId: match[1]!, page: Number(match[2]), revision: match[3]!, size: match[4] ? 'large' : 'small' };
}

export function isDesignId(id: string): boolean {
  return DESIGN_ID.test(id);
}
