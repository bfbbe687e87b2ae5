// Draws Atelier's app icon (a drafting "A" over a canvas-corner on an indigo tile) with
// @napi-rs/canvas, and writes build/resources/icon.png (1024 px; electron-builder converts it for
// macOS and Windows) plus build/resources/icons/<N>x<N>.png for Linux. The PNGs are committed;
// run `node build/scripts/make-icons.mjs` again only when the design changes.
import { createCanvas } from '@napi-rs/canvas';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resources = path.join(root, 'build', 'resources');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

function draw(size) {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  const u = size / 1024;
  // Tile: rounded square with the macOS-style margin, indigo gradient.
  const margin = 100 * u;
  const side = size - 2 * margin;
  const radius = 185 * u;
  const gradient = ctx.createLinearGradient(0, margin, 0, margin + side);
  gradient.addColorStop(0, '#6366f1');
  gradient.addColorStop(1, '#3730a3');
  ctx.fillStyle = gradient;
  ctx.beginPath();
  ctx.roundRect(margin, margin, side, side, radius);
  ctx.fill();
  // A paper sheet, slightly turned: the canvas the studio designs on.
  ctx.save();
  ctx.translate(size / 2, size / 2);
  ctx.rotate(-0.08);
  ctx.fillStyle = '#f8fafc';
  ctx.beginPath();
  ctx.roundRect(-250 * u, -300 * u, 500 * u, 600 * u, 36 * u);
  ctx.fill();
  ctx.restore();
  // The "A": two strokes and a bar, drawn as paths (no font needed).
  ctx.strokeStyle = '#312e81';
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 78 * u;
  ctx.beginPath();
  ctx.moveTo(340 * u, 700 * u);
  ctx.lineTo(512 * u, 300 * u);
  ctx.lineTo(684 * u, 700 * u);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(405 * u, 565 * u);
  ctx.lineTo(619 * u, 565 * u);
  ctx.stroke();
  // A coral dot: the brush.
  ctx.fillStyle = '#f97316';
  ctx.beginPath();
  ctx.arc(690 * u, 330 * u, 58 * u, 0, Math.PI * 2);
  ctx.fill();
  return canvas.toBuffer('image/png');
}

mkdirSync(path.join(resources, 'icons'), { recursive: true });
writeFileSync(path.join(resources, 'icon.png'), draw(1024));
for (const size of LINUX_SIZES) writeFileSync(path.join(resources, 'icons', `${size}x${size}.png`), draw(size));
console.log(`[atelier] wrote build/resources/icon.png and ${LINUX_SIZES.length} Linux sizes`);
