// `npm run screenshots`: README screenshots from the demo library, in Chromium, so they stay current.
// Builds when out/ is stale, seeds the demo library in a temp folder, starts the web host on it,
// captures the calendar (month and week), the post composer, editor, caption writer, library and pack preview into
// assets/screenshots/, and prints the Markdown block for the README.
//
//   npm run screenshots                  README set (1440×900, light, English)
//   npm run screenshots -- --check DIR   every screen (and the calendar's week and day views), welcome,
//                                        palette and cheat sheet at 1024×700 in light and dark into DIR,
//                                        and a report of horizontal overflow
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { buildIsStale } from './freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'out', 'cli', 'index.js');
const args = process.argv.slice(2);
const checkIndex = args.indexOf('--check');
const checkDir = checkIndex >= 0 ? path.resolve(args[checkIndex + 1] ?? path.join(os.tmpdir(), 'atelier-check')) : null;
const NAV = ['calendar', 'editor', 'captions', 'library', 'packs', 'clients', 'insights', 'settings'];

if (buildIsStale(root)) {
  console.error('[screenshots] Building…');
  const built = spawnSync(process.execPath, [path.join(root, 'build/scripts/build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error('[screenshots] Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}

function atelier(dataDir, cliArgs) {
  const r = spawnSync(process.execPath, [cli, '--data-dir', dataDir, ...cliArgs], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`atelier ${cliArgs.join(' ')} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

async function serve(dataDir) {
  const child = spawn(process.execPath, [cli, '--data-dir', dataDir, '--json', 'serve', '--no-open', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += String(c)));
  const info = await new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`atelier serve did not start: ${stderr}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const line = buffer.split('\n').find((l) => l.trim().startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    });
    child.once('exit', (code) => reject(new Error(`atelier serve exited with ${code}: ${stderr}`)));
  });
  return {
    url: info.url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

async function gotoScreen(page, screen) {
  await page.getByRole('navigation').first().getByRole('button').nth(NAV.indexOf(screen)).click();
  await page.locator('main h1, main [role="toolbar"]').first().waitFor();
  await page.waitForTimeout(300);
}

/** The demo's month of posts starts today: late in a month, most of it shows on the next one. */
async function showBusiestMonth(page) {
  const cards = () => page.locator('.month-grid [data-post-id]').count();
  await page.locator('.month-grid').waitFor();
  await page.waitForTimeout(300);
  const here = await cards();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForTimeout(500);
  if ((await cards()) < here) await page.getByRole('button', { name: 'Previous' }).click();
  await page.waitForTimeout(500); // thumbnails arrive
}

/** The week view on the demo's busiest week (this one or one of the next two), scrolled to its first post. */
async function showBusiestWeek(page) {
  await page.locator('main h1').click();
  await page.keyboard.press('w');
  await page.keyboard.press('t');
  const cards = () => page.locator('.hour-grid [data-post-id]').count();
  await page.locator('.hour-grid').waitFor();
  await page.waitForTimeout(400);
  const counts = [await cards()];
  for (let i = 1; i < 3; i++) {
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForTimeout(400);
    counts.push(await cards());
  }
  const best = counts.indexOf(Math.max(...counts));
  for (let i = 2; i > best; i--) await page.getByRole('button', { name: 'Previous' }).click();
  await page.waitForTimeout(600); // thumbnails arrive
}

/** One client's busiest week (the README's week view), then back to all clients for the other shots. */
async function showClientWeek(page) {
  await page.locator('.switcher select').selectOption({ index: 1 });
  await page.waitForTimeout(300);
  await showBusiestWeek(page);
}

/** The composer on a post that has a picture: the first month card with a thumbnail, double-clicked. */
async function openComposerOnPost(page) {
  const clients = await page.locator('.switcher select option').count();
  for (let i = 1; i < clients; i++) {
    await page.locator('.switcher select').selectOption({ index: i });
    await page.locator('main h1').click();
    await page.keyboard.press('m');
    await showBusiestMonth(page);
    const withPicture = page.locator('.month-grid .post-card.with-thumb');
    if ((await withPicture.count()) === 0) continue;
    await withPicture.first().dblclick();
    await page.getByRole('dialog', { name: 'Edit post' }).waitFor();
    await page.waitForTimeout(1000); // previews and thumbnails arrive
    return;
  }
  throw new Error('No demo post with a picture to open in the composer.');
}

async function closeComposer(page) {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Edit post' }).waitFor({ state: 'detached' });
}

/** Opens the first design through the command palette (stable whatever the editor's start view looks like). */
async function openFirstDesign(page) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.waitFor();
  await palette.locator('.palette-item', { has: page.locator('.palette-kind', { hasText: /^Design$/ }) }).first().click();
  await page.getByRole('toolbar').first().waitFor();
  await page.waitForTimeout(800); // fonts and images settle
}

/** Horizontal overflow anywhere a user would have to scroll sideways to reach a control. */
/* global document, window -- this function runs in the page */
function overflowReport(page) {
  return page.evaluate(() => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) out.push(`page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
    const main = document.querySelector('main');
    if (main && main.scrollWidth > main.clientWidth + 1) out.push(`main content is ${main.scrollWidth}px wide in ${main.clientWidth}px`);
    return out;
  });
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'atelier-screenshots-'));
const dataDir = path.join(temp, 'library');
let server;
let browser;
try {
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  if (checkDir) {
    mkdirSync(checkDir, { recursive: true });
    const problems = [];
    for (const theme of ['light', 'dark']) {
      rmSync(dataDir, { recursive: true, force: true });
      server = await serve(dataDir);
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 700 }, colorScheme: theme });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Welcome to Atelier' }).waitFor();
      const shot = async (name) => {
        await page.screenshot({ path: path.join(checkDir, `${name}-${theme}.png`) });
        for (const p of await overflowReport(page)) problems.push(`${name} (${theme}): ${p}`);
      };
      await shot('welcome');
      await page.getByRole('button', { name: 'Try the demo' }).click();
      await page.getByRole('list', { name: 'Client list' }).waitFor();
      for (const screen of NAV) {
        await gotoScreen(page, screen);
        await shot(screen);
      }
      // The calendar's hour grid: the week and day views.
      await gotoScreen(page, 'calendar');
      await showBusiestWeek(page);
      await shot('calendar-week');
      await page.keyboard.press('d');
      await page.locator('.hour-grid-day').waitFor();
      await shot('calendar-day');
      await page.keyboard.press('w');
      await page.locator('.hour-grid .post-card').first().dblclick();
      await page.getByRole('dialog', { name: 'Edit post' }).waitFor();
      await page.waitForTimeout(800);
      await shot('composer');
      await closeComposer(page);
      await page.keyboard.press('m');
      await openFirstDesign(page);
      await shot('editor-workspace');
      await gotoScreen(page, 'clients');
      await page.keyboard.press('Control+k');
      await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
      await shot('palette');
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await shot('cheat-sheet');
      await context.close();
      await server.stop();
      server = undefined;
    }
    console.log(problems.length ? `Overflow at 1024×700:\n  ${problems.join('\n  ')}` : 'No horizontal overflow at 1024×700.');
    console.log(`Screenshots in ${checkDir}`);
    process.exitCode = problems.length ? 1 : 0;
  } else {
    atelier(dataDir, ['demo']);
    server = await serve(dataDir);
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('navigation').first().waitFor();
    const out = path.join(root, 'assets', 'screenshots');
    mkdirSync(out, { recursive: true });
    const shots = [
      { file: 'calendar.png', screen: 'calendar', alt: 'The calendar: a client’s month of posts in its own time zone', open: showBusiestMonth },
      { file: 'calendar-week.png', screen: 'calendar', alt: 'The week view: a client’s posts at their time in its own zone', open: showClientWeek },
      { file: 'composer.png', screen: 'calendar', alt: 'The post composer: title, networks, date and time in the client’s zone, a picture and a caption per network, a live preview', open: openComposerOnPost, close: closeComposer },
      { file: 'editor.png', screen: 'editor', alt: 'The editor: a demo design on the canvas with layers and properties', open: openFirstDesign },
      { file: 'captions.png', screen: 'captions', alt: 'The caption writer: one caption, a variant per network' },
      { file: 'library.png', screen: 'library', alt: 'The media library: photos, logos and fonts' },
      { file: 'pack-preview.png', screen: 'packs', alt: 'A content pack ready to hand over to the client' },
    ];
    const lines = [];
    for (const s of shots) {
      await gotoScreen(page, s.screen);
      if (s.open) await s.open(page);
      await page.screenshot({ path: path.join(out, s.file) });
      lines.push(`![${s.alt}](assets/screenshots/${s.file})`);
      if (s.close) await s.close(page);
      await page.locator('.switcher select').selectOption({ index: 0 });
    }
    await context.close();
    console.log('<!-- screenshots: generated by `npm run screenshots` from the demo library -->');
    console.log(lines.join('\n'));
  }
} finally {
  await browser?.close();
  await server?.stop();
  rmSync(temp, { recursive: true, force: true });
}
