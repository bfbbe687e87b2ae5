// Fonts for the report PDF: the brand kit's heading and body fonts when they can be embedded (a
// bundled family, or an imported TTF/OTF/WOFF/WOFF2), else the bundled Inter. WOFF2 files are
// unpacked to TrueType first (pdf-lib's font engine subsets TrueType, not WOFF2).
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

interface Face {
  file: string;
  weight: number;
  style: string;
}

function bundledFaces(fontsDir: string | null, family: string): Face[] {
  if (!fontsDir) return [];
  try {
    const manifest = JSON.parse(readFileSync(path.join(fontsDir, 'manifest.json'), 'utf8')) as { families: { family: string; faces: Face[] }[] };
    return manifest.families.find((f) => f.family.toLowerCase() === family.toLowerCase())?.faces.filter((f) => f.style === 'normal') ?? [];
  } catch {
    return [];
  }
}

export async function fontBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const isWoff2 = bytes[0] === 0x77 && bytes[1] === 0x4f && bytes[2] === 0x46 && bytes[3] === 0x32;
  if (!isWoff2) return bytes;
  // Loaded on first use: its WebAssembly is only needed when a report embeds a WOFF2 font.
  const { default: decompress } = await import('wawoff2/decompress.js');
  return decompress(bytes);
}

export interface ReportFonts {
  regular: PDFFont;
  bold: PDFFont;
  heading: PDFFont;
  /** Text the font can draw: characters it lacks become spaces (no-break spaces) or are dropped (emoji). */
  clean(text: string, font?: PDFFont): string;
}

export interface FontChoice {
  family: string;
  /** An imported font file, when the kit's font is one. */
  file: string | null;
}

export async function loadReportFonts(doc: PDFDocument, options: { fontsDir: string | null; heading: FontChoice | null; body: FontChoice | null }): Promise<{ fonts: ReportFonts; warnings: string[] }> {
  doc.registerFontkit(fontkit);
  const warnings: string[] = [];
  const embed = async (bytes: Uint8Array) => doc.embedFont(await fontBytes(bytes), { subset: true });
  const fromBundled = async (family: string, weight: number): Promise<PDFFont | null> => {
    const faces = bundledFaces(options.fontsDir, family);
    const face = faces.sort((a, b) => Math.abs(a.weight - weight) - Math.abs(b.weight - weight))[0];
    if (!face) return null;
    return embed(readFileSync(path.join(options.fontsDir!, face.file)));
  };
  const choose = async (choice: FontChoice | null, weight: number): Promise<PDFFont | null> => {
    if (!choice) return null;
    try {
      if (choice.file) return await embed(readFileSync(choice.file));
      return await fromBundled(choice.family, weight);
    } catch (error) {
      warnings.push(`The font "${choice.family}" could not be embedded (${(error as Error).message}); Inter is used instead.`);
      return null;
    }
  };
  const inter = await fromBundled('Inter', 400);
  const interBold = await fromBundled('Inter', 700);
  if (!inter || !interBold) throw new Error(`The bundled Inter font was not found in ${options.fontsDir ?? '(no fonts folder)'}`);
  const regular = (await choose(options.body, 400)) ?? inter;
  const bold = (options.body && !options.body.file ? await choose(options.body, 700) : null) ?? interBold;
  const heading = (await choose(options.heading, 700)) ?? bold;
  const cache = new Map<PDFFont, Set<number>>();
  const charset = (font: PDFFont) => {
    let set = cache.get(font);
    if (!set) {
      set = new Set(font.getCharacterSet());
      cache.set(font, set);
    }
    return set;
  };
  const clean = (text: string, font: PDFFont = regular) => {
    const set = charset(font);
    let out = '';
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      if (set.has(cp)) out += ch;
      else if (/\s/.test(ch)) out += ' ';
      else if (ch === '’' && set.has(39)) out += "'";
      else if (ch === '−' && set.has(45)) out += '-';
    }
    return out;
  };
  return { fonts: { regular, bold, heading, clean }, warnings };
}
