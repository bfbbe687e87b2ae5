// The architecture's import rules, checked on every source file (VS Code's layering, as a test).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Static imports, re-exports, dynamic imports and requires. */
export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /(?:^|[\s;])import\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]/g,
    /(?:^|[\s;])export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*(?:as\s+\w+\s+)?from\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) specifiers.push(m[1]!);
  return specifiers;
}

function resolveTarget(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.normalize(path.join(path.dirname(file), specifier)) : specifier;
}

const isNodeBuiltin = (s: string) => s.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'stream', 'events', 'util', 'zlib', 'net', 'module'].includes(s);

function violations(files: string[], rule: (file: string, target: string, specifier: string) => string | null): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const specifier of importsOf(readFileSync(path.join(ROOT, file), 'utf8'))) {
      const problem = rule(file, resolveTarget(file, specifier), specifier);
      if (problem) found.push(`${file}: ${problem} (${specifier})`);
    }
  }
  return found;
}

describe('layering', () => {
  const main = sourceFiles('src-main');
  const renderer = sourceFiles('src-renderer');

  it('finds the sources it checks', () => {
    expect(main.length).toBeGreaterThan(20);
    expect(renderer.length).toBeGreaterThan(5);
  });

  it("imports 'electron' only in src-main/host/electron", () => {
    const outside = [...main, ...renderer].filter((f) => !f.startsWith(path.join('src-main', 'host', 'electron')));
    expect(violations(outside, (_f, _t, s) => (s === 'electron' || s.startsWith('electron/') ? 'imports electron' : null))).toEqual([]);
  });

  it('keeps core pure: no node, sqlite, electron or React, and nothing outside core', () => {
    const core = main.filter((f) => f.startsWith(path.join('src-main', 'core')));
    expect(core.length).toBeGreaterThan(0);
    expect(
      violations(core, (_file, target, specifier) => {
        if (isNodeBuiltin(specifier)) return 'imports a Node built-in';
        if (/^(better-sqlite3|electron|react|react-dom|ws)(\/|$)/.test(specifier)) return 'imports a platform package';
        if (specifier.startsWith('.') && !target.startsWith(path.join('src-main', 'core'))) return 'reaches outside core';
        return null;
      }),
    ).toEqual([]);
  });

  it('keeps the contract to zod and core', () => {
    const contract = main.filter((f) => f.startsWith(path.join('src-main', 'contract')));
    expect(
      violations(contract, (_file, target, specifier) => {
        if (!specifier.startsWith('.')) return specifier === 'zod' ? null : 'imports a package other than zod';
        return target.startsWith(path.join('src-main', 'core')) || target.startsWith(path.join('src-main', 'contract')) ? null : 'reaches beyond core/contract';
      }),
    ).toEqual([]);
  });

  it('lets the renderer import only core and contract from src-main', () => {
    expect(
      violations(renderer, (_file, target) => {
        if (!target.startsWith('src-main')) return null;
        return target.startsWith(path.join('src-main', 'core')) || target.startsWith(path.join('src-main', 'contract')) ? null : 'reaches into src-main';
      }),
    ).toEqual([]);
  });

  it('keeps services and db free of host code', () => {
    const inner = main.filter((f) => /^src-main[\\/](services|db)[\\/]/.test(f));
    expect(violations(inner, (_file, target) => (target.startsWith(path.join('src-main', 'host')) || target.startsWith(path.join('src-main', 'cli')) ? 'imports a host' : null))).toEqual([]);
  });

  it('catches a violation when there is one (the scanner works)', () => {
    expect(importsOf("import { app } from 'electron';\nexport * from './x';\nconst y = require('fs');\nawait import('../z');")).toEqual([
      'electron',
      './x',
      '../z',
      'fs',
    ]);
  });
});
