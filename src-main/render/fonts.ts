// The bundled fonts (assets/fonts/manifest.json), registered with @napi-rs/canvas once per thread.
import { GlobalFonts } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findBundledDir } from '../services/bundled';

export interface FontManifest {
  version: number;
  families: { family: string; license: string; licenseFile: string; source: string; faces: { file: string; weight: number; style: string }[] }[];
}

/** assets/fonts next to the code. */
export function findFontsDir(): string {
  return findBundledDir('fonts');
}

let registered: Set<string> | null = null;

/** Registers every bundled face under its family name; returns the family names. */
export function registerBundledFonts(fontsDir = findFontsDir()): Set<string> {
  if (registered) return registered;
  const manifest = JSON.parse(readFileSync(path.join(fontsDir, 'manifest.json'), 'utf8')) as FontManifest;
  const families = new Set<string>();
  for (const fam of manifest.families) {
    for (const face of fam.faces) GlobalFonts.registerFromPath(path.join(fontsDir, face.file), fam.family);
    families.add(fam.family);
  }
  registered = families;
  return families;
}

/** Extra (brand or user) fonts from files, registered under the given family. */
export function registerFontFile(file: string, family: string): void {
  GlobalFonts.registerFromPath(file, family);
  registered?.add(family);
}
