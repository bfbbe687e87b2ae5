// The real desktop app, driven through Playwright's Electron launcher: runs wherever the Electron
// binary exists (`npm run electron:install` with internet), and says why when it is skipped.
// It drives the unpackaged build (out/, via `npm run build`): Playwright needs --inspect, which
// the hardened fuses of a packaged app refuse (see the fuse caveat in the architecture notes).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findElectron, hasDisplay } from '../../build/scripts/electron-binary.mjs';
import { tempDir } from '../helpers/temp';
import { assertBuilt, ROOT } from './harness';

const electron = findElectron();

function which(command: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

const xvfb = hasDisplay() ? null : which('Xvfb');
const skipReason = !electron.path
  ? electron.reason
  : !hasDisplay() && !xvfb
    ? 'there is no display (DISPLAY is unset) and Xvfb is not installed (apt-get install xvfb)'
    : null;
if (skipReason) console.warn(`[e2e:electron] SKIPPED: the Electron end-to-end suite did not run: ${skipReason}.`);

/** A private X server when there is no display: `Xvfb -displayfd` picks a free display number. */
async function startXvfb(binary: string): Promise<{ display: string; process: ChildProcess }> {
  const child = spawn(binary, ['-displayfd', '3', '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const display = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start')), 15_000);
    child.stdio[3]!.on('data', (chunk) => {
      buffer += String(chunk);
      if (buffer.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${buffer.trim()}`);
      }
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return { display, process: child };
}

describe.skipIf(skipReason !== null)('Electron desktop app', () => {
  let display: { display: string; process: ChildProcess } | null = null;
  const securityWarnings: string[] = [];
  const open: ElectronApplication[] = [];
  const temps: { cleanup(): void }[] = [];

  function env(dataDir: string): Record<string, string> {
    const inherited = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
    return {
      ...inherited,
      ...(display ? { DISPLAY: display.display } : {}),
      ATELIER_DATA_DIR: dataDir,
      ELECTRON_ENABLE_SECURITY_WARNINGS: 'true',
      LANG: 'en_US.UTF-8',
    };
  }

  function library(): string {
    const temp = tempDir('atelier-electron-');
    temps.push(temp);
    return temp.dir;
  }

  async function launch(dataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
    const app = await _electron.launch({ executablePath: electron.path!, args: [ROOT, '--lang=en-US'], env: env(dataDir), cwd: ROOT, timeout: 30_000 });
    open.push(app);
    const page = await app.firstWindow();
    page.on('console', (message) => {
      if (message.text().includes('Electron Security Warning')) securityWarnings.push(message.text());
    });
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    return { app, page };
  }

  async function quit(app: ElectronApplication): Promise<void> {
    await app.close();
    open.splice(open.indexOf(app), 1);
  }

  beforeAll(async () => {
    assertBuilt();
    if (!existsSync(path.join(ROOT, 'out', 'preload', 'index.cjs'))) throw new Error('out/preload is missing: run `npm run build` first.');
    if (xvfb) display = await startXvfb(xvfb);
  });
  afterEach(async () => {
    for (const app of open.splice(0)) await app.close().catch(() => undefined);
  });
  afterAll(() => {
    display?.process.kill();
    for (const temp of temps) temp.cleanup();
  });

  it('opens the studio on the chosen library, keeps a new client across a restart', async () => {
    const dataDir = library();
    const first = await launch(dataDir);
    expect(first.page.url()).toBe('atelier://app/index.html');
    const info = (await first.page.evaluate(() => (window as unknown as { atelier: { invoke(m: string, i: unknown): Promise<unknown> } }).atelier.invoke('app.info', {}))) as {
      ok: boolean;
      result: { dataDir: string; host: string };
    };
    expect(info.result).toMatchObject({ dataDir, host: 'electron' });

    await first.page.getByRole('button', { name: 'New client' }).first().click();
    await first.page.getByLabel('Name', { exact: true }).fill('Maison Lumière');
    await first.page.getByLabel('Time zone').fill('Europe/Paris');
    await first.page.getByRole('button', { name: 'Create client' }).click();
    await first.page.getByRole('list', { name: 'Client list' }).getByText('Maison Lumière').waitFor();
    await quit(first.app);

    const second = await launch(dataDir);
    const kept = second.page.getByRole('list', { name: 'Client list' }).getByText('Maison Lumière');
    await kept.waitFor();
    expect(await kept.count()).toBe(1);
    await quit(second.app);
  });

  it('blocks navigation to another origin', async () => {
    const { app, page } = await launch(library());
    await app.evaluate(({ BrowserWindow }) => {
      const seen: string[] = [];
      (globalThis as unknown as { seenNavigations: string[] }).seenNavigations = seen;
      BrowserWindow.getAllWindows()[0]!.webContents.on('will-navigate', (_event, url) => seen.push(url));
    });
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('atelier://')) foreign.push(request.url());
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { seenNavigations: string[] }).seenNavigations))
      .toContain('https://example.com/');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL())).toBe('atelier://app/index.html');
    expect(page.url()).toBe('atelier://app/index.html');
    expect(foreign).toEqual([]);
  });

  it('denies window.open', async () => {
    const { app, page } = await launch(library());
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(await page.evaluate(() => window.open('atelier://app/index.html') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(app.windows()).toHaveLength(1);
  });

  it('gives the page no Node: require and process are undefined, window.atelier is invoke/on/version', async () => {
    const { page } = await launch(library());
    const probe = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      module: typeof (window as unknown as { module?: unknown }).module,
      bridge: Object.keys((window as unknown as { atelier: object }).atelier).sort(),
    }));
    expect(probe).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridge: ['invoke', 'on', 'version'] });
  });

  it('a second launch on the same library focuses the first window and exits', async () => {
    const dataDir = library();
    const { app } = await launch(dataDir);
    await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const counter = { secondInstances: 0 };
      (globalThis as unknown as { counter: typeof counter }).counter = counter;
      electronApp.on('second-instance', () => counter.secondInstances++);
      BrowserWindow.getAllWindows()[0]!.minimize();
    });
    const args = [ROOT, '--lang=en-US', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
    const second = spawn(electron.path!, args, { cwd: ROOT, env: env(dataDir), stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as { counter: { secondInstances: number } }).counter.secondInstances)).toBe(1);
    const state = await app.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      return { count: windows.length, minimized: windows[0]!.isMinimized(), visible: windows[0]!.isVisible() };
    });
    expect(state).toEqual({ count: 1, minimized: false, visible: true });
  });

  it('Electron printed no security warning in any window', () => {
    expect(securityWarnings).toEqual([]);
  });
});
