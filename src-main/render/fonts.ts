// The bundled fonts (assets/fonts/manifest.json), registered with @napi-rs/canvas once per thread,
// imported fonts (the library's font assets a design uses) registered on demand, and the font files
// the print PDF embeds (WOFF2 decoded to TrueType first: PDF embeds TrueType/OpenType only).
import { GlobalFonts } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findBundledDir } from '../services/bundled';

export interface FontManifest {
  version: number;
  families: { family: string; license: string; licenseFile: string; source: string; faces: { file: string; weight: number; style: string }[] }[];
}

/** An imported font a render needs: its family name and the file in the library's store. */
export interface FontFile {
  family: string;
  file: string;
}

/** assets/fonts next to the code. */
export function findFontsDir(): string {
  return findBundledDir('fonts');
}

let registered: Set<string> | null = null;
let manifest: { dir: string; data: FontManifest } | null = null;
const registeredFiles = new Set<string>();

function readManifest(fontsDir: string): FontManifest {
  if (manifest?.dir !== fontsDir) manifest = { dir: fontsDir, data: JSON.parse(readFileSync(path.join(fontsDir, 'manifest.json'), 'utf8')) as FontManifest };
  return manifest.data;
}

/** Registers every bundled face under its family name; returns the family names. */
export function registerBundledFonts(fontsDir = findFontsDir()): Set<string> {
  if (registered) return registered;
  const families = new Set<string>();
  for (const fam of readManifest(fontsDir).families) {
    for (const face of fam.faces) GlobalFonts.registerFromPath(path.join(fontsDir, face.file), fam.family);
    families.add(fam.family);
  }
  registered = families;
  return families;
}

/** Extra (brand or user) fonts from files, registered under the given family. */
export function registerFontFile(file: string, family: string): void {
  if (registeredFiles.has(`${family}\u0000${file}`)) return;
  GlobalFonts.registerFromPath(file, family);
  registeredFiles.add(`${family}\u0000${file}`);
  registered?.add(family);
}

export function registerFontFiles(files: readonly FontFile[] | undefined): void {
  for (const f of files ?? []) registerFontFile(f.file, f.family);
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
  const fontsDir = where.fontsDir ?? findFontsDir();
  const fam = readManifest(fontsDir).families.find((f) => f.family === family);
  if (!fam) return null;
  const style = italic ? 'italic' : 'normal';
  const faces = [...fam.faces].sort((a, b) => Number(a.style !== style) - Number(b.style !== style) || Math.abs(a.weight - weight) - Math.abs(b.weight - weight));
  const face = faces.find((f) => !f.file.endsWith('.ttf') || fam.family !== 'Noto Color Emoji');
  return face ? sfntBytes(await readFile(path.join(fontsDir, face.file))) : null;
}
