// SVG is refused when it carries anything active or anything from outside (script, event handlers,
// external references, entities), and otherwise rasterised to PNG by sharp (librsvg) at import.
// The library then only ever holds raster pixels: nothing in it can run script when displayed.

/** Largest SVG source accepted, in bytes. */
export const MAX_SVG_BYTES = 10 * 1024 * 1024;

/** Why an SVG is refused, in words for the error message; null when it is acceptable. */
export function svgProblem(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_SVG_BYTES) return `it is larger than ${MAX_SVG_BYTES / 1024 / 1024} MB of SVG text`;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'it is not valid UTF-8 text';
  }
  if (/<!ENTITY/i.test(text)) return 'it declares XML entities (a common way to hide an expansion bomb or read local files)';
  if (/<script[\s>/]/i.test(text) || /<[a-z0-9_-]+:script[\s>/]/i.test(text)) return 'it contains a script';
  if (/[\s/"']on[a-z]+\s*=/i.test(text)) return 'it contains event handlers (on… attributes that run script)';
  if (/javascript:/i.test(text)) return 'it contains a javascript: link';
  if (/<foreignObject[\s>/]/i.test(text)) return 'it embeds foreign (HTML) content';
  if (/<(iframe|embed|object|audio|video)[\s>/]/i.test(text)) return 'it embeds active content';
  // href / xlink:href / src / url(...) must stay inside the document (fragments) or be inline data images.
  const refs = [...text.matchAll(/(?:href|src)\s*=\s*("([^"]*)"|'([^']*)')/gi)].map((m) => (m[2] ?? m[3] ?? '').trim());
  const urls = [...text.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)].map((m) => (m[2] ?? '').trim());
  for (const ref of [...refs, ...urls]) {
    if (ref === '' || ref.startsWith('#')) continue;
    if (/^data:image\/(png|jpeg|gif|webp);base64,/i.test(ref)) continue;
    return `it references an external file or address (${ref.slice(0, 60)})`;
  }
  if (/@import/i.test(text)) return 'its styles import an external file';
  return null;
}
