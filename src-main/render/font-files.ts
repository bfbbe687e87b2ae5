// Font files as PDF embeds them (TrueType/OpenType): an imported font of the family, or the bundled
// face with the same style and the nearest weight; WOFF2 decoded first. No native code here, so the
// services can hand these bytes to the editor's own PDF export too.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findBundledDir } from './bundled';

/** An imported font a render needs: its family name and the file in the library's store. */
export interface FontFile {
  family: string;
  file: string;
}

interface Manifest {
  families: { family: string; faces: { file: string; weight: number; style: string }[] }[];
}

const manifests = new Map<string, Manifest>();
function manifestOf(fontsDir: string): Manifest {
  let m = manifests.get(fontsDir);
  if (!m) manifests.set(fontsDir, (m = JSON.parse(readFileSync(path.join(fontsDir, 'manifest.json'), 'utf8')) as Manifest));
  return m;
}

let woff2: Promise<(bytes: Uint8Array) => Promise<Uint8Array>> | null = null;

/** TrueType/OpenType bytes of a font file; WOFF2 is decoded (wawoff2, the reference decoder in WebAssembly). */
export async function sfntBytes(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] === 0x77 && bytes[1] === 0x4f && bytes[2] === 0x46 && bytes[3] === 0x32) {
    woff2 ??= import('wawoff2/decompress.js').then((m) => m.default);
    return (await woff2)(bytes);
  }
  return bytes;
}

/**
 * The file of the face closest to what a text asks for: an imported font of that family, or the
 * bundled face with the same style and the nearest weight. Null when the family is unknown.
 */
export async function fontFileFor(family: string, weight: number, italic: boolean, where: { fontsDir?: string; fonts?: readonly FontFile[] } = {}): Promise<Uint8Array | null> {
  const imported = where.fonts?.find((f) => f.family.toLowerCase() === family.toLowerCase());
  if (imported) return sfntBytes(await readFile(imported.file));
  const fontsDir = where.fontsDir ?? findBundledDir('fonts');
  const fam = manifestOf(fontsDir).families.find((f) => f.family === family);
  if (!fam) return null;
  const style = italic ? 'italic' : 'normal';
  const faces = [...fam.faces].sort((a, b) => Number(a.style !== style) - Number(b.style !== style) || Math.abs(a.weight - weight) - Math.abs(b.weight - weight));
  // Colour emoji (bitmap glyphs) cannot be embedded as PDF text: text needing it is drawn as a picture.
  const face = fam.family === 'Noto Color Emoji' ? undefined : faces[0];
  return face ? sfntBytes(await readFile(path.join(fontsDir, face.file))) : null;
}
