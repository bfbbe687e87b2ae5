// The built desktop bundles (out/main, out/preload, out/renderer) pass Electronegativity with no
// finding at medium severity or above, unless the finding's source line carries an inline
// `eng-disable CHECK_ID: reason`. Also: the preload is one self-contained sandbox-safe file, and
// package.json's main exists after the build. Builds first when out/ is missing or stale.
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIsStale } from '../../../build/scripts/freshness.mjs';
import { tempDir } from '../../helpers/temp';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const OUT = path.join(ROOT, 'out');
const require = createRequire(import.meta.url);

interface EngIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { value: number; name: string };
  sample?: string;
}
interface EngResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: EngIssue[];
}

const MEDIUM = 2;

/**
 * Electronegativity fetches its translations with `got` at start-up (1 s timeout) and the
 * AVAILABLE_SECURITY_FIXES global check downloads Electron's release list. The tests never touch
 * the network: `got` is replaced by one that fails at once (the English strings ship with it).
 */
function loadElectronegativity(): (options: Record<string, unknown>) => Promise<EngResult> {
  const engMain = require.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(engMain).resolve('got');
  if (!require.cache[gotPath]) {
    const offline = new Module(gotPath);
    offline.exports = () => Promise.reject(new Error('offline: Atelier tests do not use the network'));
    offline.loaded = true;
    require.cache[gotPath] = offline;
  }
  return require(engMain) as (options: Record<string, unknown>) => Promise<EngResult>;
}

/** Electronegativity reads only .js/.jsx/.ts/.tsx/.html files: stage a copy with .cjs renamed. */
function stageForScan(dir: string): void {
  for (const part of ['main', 'preload', 'renderer']) cpSync(path.join(OUT, part), path.join(dir, part), { recursive: true });
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cjs')) renameSync(full, full.replace(/\.cjs$/, '.js'));
    }
  };
  walk(dir);
}

/** `// eng-disable CHECK_ID: why` (or with a dash) on the finding's line; null when absent or without a reason. */
export function suppressionReason(sourceLine: string, checkId: string): string | null {
  const match = /(?:\/\/|\/\*)\s*eng-disable\s+([A-Z_]+(?:[\s,]+[A-Z_]+)*)\s*(?::|—|-)\s*(.+?)\s*(?:\*\/)?$/.exec(sourceLine);
  if (!match || !match[1]!.split(/[\s,]+/).includes(checkId)) return null;
  return match[2]!.trim().length >= 10 ? match[2]!.trim() : null;
}

/** Maps a finding in a bundle back to the source line through the bundle's source map. */
function sourceLineOf(issue: EngIssue): { where: string; line: string } | null {
  const bundle = path.join(OUT, issue.file.replace(/\.js$/, '.cjs'));
  const mapFile = `${bundle}.map`;
  if (!existsSync(mapFile)) return null;
  const map = new TraceMap(readFileSync(mapFile, 'utf8'));
  const pos = originalPositionFor(map, { line: issue.location.line, column: issue.location.column });
  if (!pos.source || pos.line === null) return null;
  const source = path.resolve(path.dirname(mapFile), pos.source);
  return { where: `${path.relative(ROOT, source)}:${pos.line}`, line: readFileSync(source, 'utf8').split('\n')[pos.line - 1] ?? '' };
}

async function scan(input: string): Promise<EngResult> {
  const electronVersion = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  const run = loadElectronegativity();
  return run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    // Needs the network (downloads Electron's release notes); the Electron version is checked on the release machine.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
}

describe('suppressionReason', () => {
  it.each([
    ['x(); // eng-disable OPEN_EXTERNAL_JS_CHECK: only allow-listed https links get here', 'OPEN_EXTERNAL_JS_CHECK', 'only allow-listed https links get here'],
    ['x(); /* eng-disable OPEN_EXTERNAL_JS_CHECK — checked by isSafeExternalUrl first */', 'OPEN_EXTERNAL_JS_CHECK', 'checked by isSafeExternalUrl first'],
    ['x(); // eng-disable OPEN_EXTERNAL_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK', null],
    ['x(); // eng-disable OPEN_EXTERNAL_JS_CHECK: ok', 'OPEN_EXTERNAL_JS_CHECK', null],
    ['x(); // eng-disable SANDBOX_JS_CHECK: a different check entirely', 'OPEN_EXTERNAL_JS_CHECK', null],
    ['x();', 'OPEN_EXTERNAL_JS_CHECK', null],
  ])('%s → %s', (line, id, reason) => {
    expect(suppressionReason(line, id)).toBe(reason);
  });
});

describe('the built desktop app', () => {
  beforeAll(() => {
    if (!existsSync(path.join(OUT, 'main', 'index.cjs')) || buildIsStale(ROOT)) {
      const result = spawnSync(process.execPath, [path.join(ROOT, 'build/scripts/build.mjs'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stderr}`);
    }
  }, 180_000);

  it("has package.json's main", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(existsSync(path.join(ROOT, pkg.main))).toBe(true);
  });

  it('has one self-contained preload that requires nothing but electron (sandbox-compatible)', () => {
    const preload = readFileSync(path.join(OUT, 'preload', 'index.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/\bzod\b|node:/);
  });

  it('passes Electronegativity: nothing at medium or above unless suppressed inline with a reason', async () => {
    const temp = tempDir('atelier-eng-');
    try {
      const staged = path.join(temp.dir, 'app');
      mkdirSync(staged);
      stageForScan(staged);
      expect(existsSync(path.join(staged, 'main', 'index.js')) && existsSync(path.join(staged, 'preload', 'index.js'))).toBe(true);
      const result = await scan(staged);
      expect(result.atomicChecks).toBeGreaterThan(20);
      expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
      const serious = result.issues.filter((i) => i.severity.value >= MEDIUM);
      const unsuppressed = serious
        .map((issue) => {
          const source = sourceLineOf(issue);
          const reason = source ? suppressionReason(source.line, issue.id) : null;
          if (reason) console.log(`[electronegativity] ${issue.id} at ${source!.where} suppressed: ${reason}`);
          return reason ? null : `${issue.id} (${issue.severity.name}) at ${source?.where ?? `${issue.file}:${issue.location.line}`}`;
        })
        .filter((x): x is string => x !== null);
      expect(unsuppressed).toEqual([]);
    } finally {
      temp.cleanup();
    }
  }, 120_000);

  it('would catch an insecure main process: the same scan flags a window without isolation or sandbox, and missing guards', async () => {
    const temp = tempDir('atelier-eng-bad-');
    try {
      mkdirSync(path.join(temp.dir, 'main'));
      const bad = "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n";
      cpSync(path.join(OUT, 'renderer'), path.join(temp.dir, 'renderer'), { recursive: true });
      writeFileSync(path.join(temp.dir, 'main', 'index.js'), bad);
      const result = await scan(temp.dir);
      const ids = result.issues.filter((i) => i.severity.value >= MEDIUM).map((i) => i.id);
      expect(ids).toEqual(
        expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']),
      );
    } finally {
      rmSync(temp.dir, { recursive: true, force: true });
    }
  }, 120_000);
});
