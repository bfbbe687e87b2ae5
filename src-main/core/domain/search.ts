// Search as people type it: case and accents do not matter ("ete" finds "Été"), and every word
// must appear somewhere. One rule for the designs gallery, the photo panel and the CLI.

/** Lower-case without diacritics (NFD, combining marks removed); œ and æ spelled out. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** Does `haystack` contain every word of `query` (accent- and case-insensitive)? An empty query matches. */
export function matchesQuery(haystack: string, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = foldText(haystack);
  return words.every((w) => text.includes(w));
}
