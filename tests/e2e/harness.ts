// Shared e2e plumbing: the built web host on a temp library, Debian Chromium through
// playwright-core, and the built CLI — the real bundles a user runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../build/scripts/chromium.mjs';
import { tempDir } from '../helpers/temp';
import { runCliInProcess } from './cli-in-process';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'out', 'cli', 'index.js');

export function assertBuilt(): void {
  if (!existsSync(CLI) || !existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('The e2e tests drive the built app: run `npm run build` first (npm test does).');
  }
}

export interface Studio {
  url: string;
  origin: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `atelier serve` on a library folder (a fresh temp one unless given), as a child process. */
export async function startStudio(options: { dataDir?: string; env?: NodeJS.ProcessEnv; port?: number } = {}): Promise<Studio> {
  assertBuilt();
  const temp = options.dataDir ? null : tempDir('atelier-e2e-');
  const dataDir = options.dataDir ?? temp!.dir;
  const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, '--json', 'serve', '--no-open', '--port', String(options.port ?? 0)], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const info = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`atelier serve did not start: ${stderr}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      buffer += String(chunk);
      const line = buffer.split('\n').find((l) => l.trim().startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string; port: number });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`atelier serve exited with ${code}: ${stderr}`));
    });
  });
  const origin = new URL(info.url).origin;
  return {
    url: info.url,
    origin,
    port: info.port,
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      temp?.cleanup();
    },
  };
}

/** Runs the built CLI against a library; returns its exit code and output. */
export function runCli(dataDir: string, args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * An `atelier --json …` command on a library, for seeding and checking: run by the CLI's own code in
 * this process (cli-in-process.ts), not by a new Node process per call as runCli does; parses its
 * answer, and a failure throws with its stderr. Tests of the CLI itself use runCli.
 */
export function cliJson<T>(dataDir: string, args: readonly string[]): T {
  // The built CLI as a process only while the in-process one is still loading (the first call or two).
  const result = runCliInProcess(['--data-dir', dataDir, '--json', ...args]) ?? runCli(dataDir, ['--json', ...args]);
  if (result.code !== 0) throw new Error(`atelier ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** `YYYY-MM-DD` of day `d` of next month (UTC): calendar tests plan there, so nothing is due or missed meanwhile. */
export function dayOfNextMonth(d: number): string {
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, d));
  return next.toISOString().slice(0, 10);
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export interface PageOptions {
  locale?: string;
  viewport?: { width: number; height: number };
  beforeOpen?: (page: Page) => void;
}

export interface StudioPage {
  context: BrowserContext;
  page: Page;
  foreignRequests: string[];
  pageErrors: string[];
}

/** A page with the language pinned and every request outside the studio recorded. */
export async function openStudioPage(browser: Browser, studio: Studio, options: PageOptions = {}): Promise<StudioPage> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-US', viewport: options.viewport ?? { width: 1280, height: 800 } });
  // The editor's automation hooks exist only when a harness asks for them before the page loads.
  await context.addInitScript(() => {
    window.atelierTestHooks = true;
  });
  const page = await context.newPage();
  // Listeners that must see the page from its first request (its WebSocket, say).
  options.beforeOpen?.(page);
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(studio.origin) && !url.startsWith(studio.origin.replace('http', 'ws')) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreignRequests.push(url);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(studio.url);
  return { context, page, foreignRequests, pageErrors };
}

/**
 * Opens a day of the week view in the day view (its header's button) and waits until that day's posts
 * have arrived and the view has scrolled to them, so a card is where a drag then finds it.
 */
export async function openDayView(page: Page, date: string): Promise<void> {
  await page.locator(`.hour-head[data-day="${date}"]`).getByRole('button').click();
  await page.locator(`.hour-grid-day[aria-busy="false"] .hour-day[data-date="${date}"]`).waitFor();
}

/** Chromium for the tests of a file (or describe block): launched before them, closed after them. */
export function setupChromium(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is launched in beforeAll: use it inside a test or a hook.');
      return browser;
    },
  };
}

export interface StudioSetup {
  /**
   * Before the studio starts: seed its library (`dataDir`, an empty folder inside `root`), or put
   * files beside it in `root`, a temp folder removed after the tests.
   */
  prepare?: (folders: { root: string; dataDir: string }) => void | Promise<void>;
  /** The port to serve on (a random free one unless given). */
  port?: () => number | Promise<number>;
  /** Once the studio is up, before the shared page opens: seed it through the CLI, say. */
  seed?: (studio: Studio) => void | Promise<void>;
  /** One page shared by the tests, opened with these options after `seed`. */
  page?: PageOptions | true;
}

export interface UsedStudio {
  readonly studio: Studio;
  readonly browser: Browser;
  /** The studio's library folder. */
  readonly dataDir: string;
  /** The temp folder holding the library (`studio.dataDir`) and whatever `prepare` put beside it. */
  readonly root: string;
  /** The shared page, with its errors and foreign requests (only with `page`). */
  readonly page: Page;
  readonly shared: StudioPage;
  /** A page of its own for one test; close its context when done. */
  open(options?: PageOptions): Promise<StudioPage>;
  /** Stops the studio and serves the same library again on the same port. */
  restart(): Promise<Studio>;
  /** The CLI on the studio's library, with --json (in-process, as cliJson): its parsed answer (a failure throws). */
  cli<T>(args: readonly string[]): T;
  /** A post's wall-clock time in its client's zone, as `atelier posts list` says it. */
  localTime(postId: string): string | null;
}

/**
 * The built web host on a temp library and Chromium, for the tests of a file (or describe block):
 * registers the beforeAll that starts them (and opens the shared page) and the afterAll that closes
 * them and removes the library. Returns getters, valid inside tests and hooks.
 */
export function setupStudio(setup: StudioSetup = {}): UsedStudio {
  let temp: ReturnType<typeof tempDir> | undefined;
  let studio: Studio | undefined;
  let browser: Browser | undefined;
  let shared: StudioPage | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is ready only inside a test or a hook (after setupStudio's beforeAll).`);
    return value;
  };

  beforeAll(async () => {
    assertBuilt();
    temp = tempDir('atelier-e2e-');
    // A subfolder (files put beside the library stay outside it), named with a word every language
    // shows as it is: the path appears on screens whose words the i18n test checks.
    const dataDir = path.join(temp.dir, 'atelier');
    mkdirSync(dataDir);
    await setup.prepare?.({ root: temp.dir, dataDir });
    studio = await startStudio({ dataDir, port: await setup.port?.() });
    await setup.seed?.(studio);
    browser = await launchChromium();
    if (setup.page) shared = await openStudioPage(browser, studio, setup.page === true ? {} : setup.page);
  });

  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
    temp?.cleanup();
  });

  return {
    get studio() {
      return ready(studio, 'The studio');
    },
    get browser() {
      return ready(browser, 'Chromium');
    },
    get dataDir() {
      return ready(studio, 'The studio').dataDir;
    },
    get root() {
      return ready(temp, 'The temp folder').dir;
    },
    get page() {
      return ready(shared, 'The shared page (setupStudio({ page }))').page;
    },
    get shared() {
      return ready(shared, 'The shared page (setupStudio({ page }))');
    },
    open(options) {
      return openStudioPage(ready(browser, 'Chromium'), ready(studio, 'The studio'), options);
    },
    cli<T>(args: readonly string[]) {
      return cliJson<T>(ready(studio, 'The studio').dataDir, args);
    },
    localTime(postId) {
      const post = cliJson<{ id: string; localTime: string | null }[]>(ready(studio, 'The studio').dataDir, ['posts', 'list']).find((p) => p.id === postId);
      if (!post) throw new Error(`atelier posts list has no post ${postId}`);
      return post.localTime;
    },
    async restart() {
      const { dataDir, port } = ready(studio, 'The studio');
      await studio!.stop();
      studio = await startStudio({ dataDir, port });
      return studio;
    },
  };
}
