// Fonts are validated by parsing them (fontkit reads TTF, OTF, WOFF and WOFF2), so a file that only
// starts like a font is refused; the family name comes from the font's own name table.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as Fontkit from 'fontkit';

export interface FontInfo {
  family: string;
  fullName: string;
  style: string;
  glyphs: number;
}

let fontkitLoaded: Promise<typeof Fontkit> | null = null;

/** Parses a font; returns its names or throws with a reason a person can read. */
export async function inspectFont(bytes: Buffer): Promise<FontInfo> {
  // fontkit (with the Brotli dictionary and Unicode tables it builds as it loads) comes with the
  // first font read, not with the services: most CLI commands and app starts read none.
  const fontkit = await (fontkitLoaded ??= import('fontkit'));
  let font: Fontkit.Font;
  try {
    const created = fontkit.create(bytes);
    if ('fonts' in created) throw new Error('font collections are not supported');
    font = created as Fontkit.Font;
  } catch (error) {
    throw new Error(`it could not be read as a font (${(error as Error).message})`);
  }
  let family = '';
  let glyphs = 0;
  let fullName = '';
  let style = '';
  try {
    family = (font.familyName ?? '').trim();
    fullName = (font.fullName ?? '').trim();
    style = (font.subfamilyName ?? '').trim();
    glyphs = font.numGlyphs;
    // Touch the character map: a font without one cannot draw text.
    if (!font.characterSet || font.characterSet.length === 0) throw new Error('it maps no characters');
  } catch (error) {
    throw new Error(`its tables are damaged (${(error as Error).message})`);
  }
  if (!family) throw new Error('it has no family name');
  if (glyphs <= 0) throw new Error('it has no glyphs');
  return { family, fullName: fullName || family, style: style || 'Regular', glyphs };
}

export interface BundledFont extends FontInfo {
  file: string;
}

const FONT_FILE = /\.(ttf|otf|woff2?)$/i;

/**
 * The fonts shipped with Atelier: every font file under `dir` (recursively). If the folder holds a
 * `manifest.json` written by the editor's font registration (`[{ family, file, ... }]`), its entries
 * are used for names instead of parsing each file.
 */
export async function listBundledFonts(dir: string): Promise<BundledFont[]> {
  const manifest = readManifest(dir);
  if (manifest) return manifest;
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return [];
  }
  const fonts: BundledFont[] = [];
  for (const rel of entries.filter((e) => FONT_FILE.test(e)).sort()) {
    const file = path.join(dir, rel);
    try {
      if (!statSync(file).isFile()) continue;
      fonts.push({ ...(await inspectFont(readFileSync(file))), file: rel.split(path.sep).join('/') });
    } catch {
      // A broken bundled file is skipped here; the editor's registration reports it.
    }
  }
  return fonts;
}

function readManifest(dir: string): BundledFont[] | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  // Either a flat list of { family, file } or the editor's { families: [{ family, faces: [{ file, weight, style }] }] }.
  const root = raw as { families?: unknown; fonts?: unknown };
  const list: unknown[] = Array.isArray(raw) ? raw : Array.isArray(root?.families) ? root.families : Array.isArray(root?.fonts) ? root.fonts : [];
  if (list.length === 0) return null;
  const fonts: BundledFont[] = [];
  for (const entry of list) {
    const e = entry as Record<string, unknown>;
    if (typeof e.family !== 'string') continue;
    const faces = Array.isArray(e.faces) ? (e.faces as Record<string, unknown>[]) : [e];
    for (const face of faces) {
      if (typeof face.file !== 'string') continue;
      const weight = typeof face.weight === 'number' ? String(face.weight) : '';
      const style = [weight, typeof face.style === 'string' ? face.style : ''].filter(Boolean).join(' ') || 'Regular';
      fonts.push({ family: e.family, fullName: `${e.family} ${style}`, style, glyphs: 0, file: face.file });
    }
  }
  return fonts;
}

/** Finds `assets/fonts` by walking up from `start` (source tree, out/ bundles and packaged app alike). */
export function findBundledFontsDir(start: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.ATELIER_FONTS_DIR) return env.ATELIER_FONTS_DIR;
  let dir = path.resolve(start);
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'assets', 'fonts');
    try {
      if (statSync(candidate).isDirectory()) return candidate;
    } catch {
      // keep walking
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}
