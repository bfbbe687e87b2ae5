// The print PDF, read back with poppler (pdftotext, pdffonts, pdfimages) as a printer or a reader
// would: text is text in embedded subset fonts, shapes and icons are vectors (no picture), a photo
// is the library's original at full resolution, an imported font is embedded under its own name.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { iconToPath } from '../../../src-main/core/design/icon-path';
import { parseDesign, type ElementInput } from '../../../src-main/core/design';
import { libraryAssetResolver, renderPdf } from '../../../src-main/render';
import { fontFilesFor } from '../../../src-main/services/design-fonts';
import { testAtelier } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';

const FONTS = path.resolve('assets/fonts');
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'; // fonts-dejavu-core, installed by .ci/run
let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

function design(elements: ElementInput[]) {
  return parseDesign({ schemaVersion: 3, id: 'd1', name: 'Print', preset: 'instagram-square', width: 1080, height: 1080, pages: [{ id: 'p1', background: { type: 'color', color: '#fff7ed' }, elements }] });
}

function poppler(tool: string, pdf: Buffer, args: string[] = []): string {
  const dir = tempDir('atelier-pdf-');
  cleanup.push(dir.cleanup);
  const file = path.join(dir.dir, 'out.pdf');
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

describe('print PDF', () => {
  it('writes text as text in embedded subset fonts and shapes and icons as vectors', async () => {
    const heart = iconToPath([['path', { d: 'M2 9.5a5.5 5.5 0 0 1 9.591-3.676.56.56 0 0 0 .818 0A5.49 5.49 0 0 1 22 9.5c0 2.29-1.5 4-3 5.5l-5.492 5.313a2 2 0 0 1-3 .019L5 15c-1.5-1.5-3-3.2-3-5.5' }]]);
    const doc = design([
      { id: 'r', type: 'rect', x: 60, y: 60, width: 400, height: 200, fill: '#e11d48', cornerRadius: 24 },
      { id: 's', type: 'star', x: 700, y: 80, width: 240, height: 240, fill: '#f59e0b' },
      { id: 'a', type: 'arrow', x: 80, y: 900, width: 400, height: 0, points: [0, 0, 400, 0], stroke: '#111111', strokeWidth: 8 },
      { id: 'i', type: 'path', x: 800, y: 800, width: 160, height: 160, data: heart, viewBox: { width: 24, height: 24 } },
      { id: 't', type: 'text', x: 100, y: 400, width: 880, height: 100, text: 'Été en boutique : -30 %', fontFamily: 'Playfair Display', fontSize: 72, fontWeight: 700, align: 'center' },
      { id: 'b', type: 'text', x: 100, y: 560, width: 880, height: 60, text: 'Du lundi au samedi', fontFamily: 'Inter', fontSize: 40, fontStyle: 'italic' },
    ]);
    const pdf = await renderPdf(doc, { fontsDir: FONTS });
    const loaded = await PDFDocument.load(pdf);
    expect(loaded.getPage(0).getSize()).toEqual({ width: 810, height: 810 });
    const text = poppler('pdftotext', pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Été en boutique : -30 %');
    expect(text).toContain('Du lundi au samedi');
    const fonts = poppler('pdffonts', pdf).trim().split('\n').slice(2);
    expect(fonts.map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['Inter-400Italic', 'PlayfairDisplay-700']);
    for (const line of fonts) expect(line).toMatch(/yes\s+yes\s+yes/); // embedded, subset, with a Unicode map
    // Nothing was drawn as a picture: no image in the PDF at all.
    expect(poppler('pdfimages', pdf, ['-list']).trim().split('\n').slice(2)).toEqual([]);
  });

  it('embeds a photo at its full resolution and an imported font under its own name', async () => {
    const ctx = testAtelier();
    cleanup.push(() => ctx.cleanup());
    const { atelier } = ctx;
    const big = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40, g: 120, b: 200 } } }).jpeg({ quality: 80 }).toBuffer();
    const photo = await atelier.services.assets.importBytes(big, 'big.jpg');
    const font = await atelier.services.assets.importBytes(readFileSync(DEJAVU), 'DejaVuSerif.ttf');
    expect(font.asset.fontFamily).toBe('DejaVu Serif');
    const doc = design([
      { id: 'p', type: 'image', x: 40, y: 40, width: 600, height: 600, assetId: photo.asset.id, crop: { x: 0.25, y: 0, width: 2 / 3, height: 1 } },
      { id: 't', type: 'text', x: 40, y: 700, width: 1000, height: 80, text: 'Pain au levain', fontFamily: 'DejaVu Serif', fontSize: 60 },
    ]);
    const fonts = fontFilesFor(atelier.library, doc);
    expect(fonts.map((f) => f.family)).toEqual(['DejaVu Serif']);
    const pdf = await renderPdf(doc, { fontsDir: FONTS, fonts, assetResolver: libraryAssetResolver(atelier.paths.assets) });
    // The original JPEG, uncropped and not resampled (the crop is a clip).
    const images = poppler('pdfimages', pdf, ['-list']).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]!.trim().split(/\s+/).slice(2, 6)).toEqual(['image', '3000', '2000', 'rgb']);
    expect(images[0]).toMatch(/\bjpeg\b/);
    expect(poppler('pdffonts', pdf)).toMatch(/[A-Z]{6}\+DejaVuSerif-400\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(poppler('pdftotext', pdf)).toContain('Pain au levain');
  });
});
