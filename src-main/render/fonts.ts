// The bundled fonts (assets/fonts/manifest.json), registered with @napi-rs/canvas once per thread,
// imported fonts (the library's font assets a design uses) registered on demand, and the font files
// the print PDF embeds (WOFF2 decoded to TrueType first: PDF embeds TrueType/OpenType only).
import { GlobalFonts } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findBundledDir } from './bundled';

export interface FontManifest {
  version: number;
  families: { family: string; license: string; licenseFile: string; source: string; faces: { file: string; weight: number; style: string }[] }[];
}

import type { FontFile } from './font-files';

export type { FontFile } from './font-files';

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

export { fontFileFor, sfntBytes } from './font-files';
