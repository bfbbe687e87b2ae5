// The architecture's layers are enforced by ESLint (`layers/imports`, table in eslint.config.js).
// These tests lint planted imports with the project's real config and expect each crossing to fail,
// then lint every source file with the layer rule alone, so the unit suite fails on a violation too.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const LAYER_RULE = 'layers/imports';

// Planted files do not exist, so the type-aware parser cannot place them in a program: the layer
// rule needs no types, and the rest of the real config stays as it is.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === LAYER_RULE,
});

async function layerProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  expect(result, `ESLint linted ${filePath}`).toBeDefined();
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `${filePath} parses`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === LAYER_RULE).map((m) => m.message);
}

describe('layer rules (lint)', () => {
  const planted: { file: string; code: string; says: RegExp }[] = [
    { file: 'src-main/core/planted.ts', code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", says: /^core may not import the Node built-in 'node:fs'/ },
    { file: 'src-main/core/design/planted.ts', code: "import fs from 'fs';\nexport const x = fs;\n", says: /^core may not import the Node built-in 'fs'/ },
    { file: 'src-main/core/planted.ts', code: "export { extForMime } from '../services/assets';\n", says: /^core may not import services \('\.\.\/services\/assets'\)/ },
    { file: 'src-main/core/planted.ts', code: "import Database from 'better-sqlite3';\nexport const x = Database;\n", says: /^core may not import the package 'better-sqlite3'/ },
    { file: 'src-main/contract/planted.ts', code: "import { openDatabase } from '../db/open';\nexport const x = openDatabase;\n", says: /^contract may not import db/ },
    { file: 'src-main/db/planted.ts', code: "import { AtelierError } from '../contract/errors';\nexport const x = AtelierError;\n", says: /^db may not import contract/ },
    { file: 'src-main/services/planted.ts', code: "import { app } from 'electron';\nexport const x = app;\n", says: /^services may not import the package 'electron'/ },
    { file: 'src-main/services/planted.ts', code: "import { createRpcServer } from '../host/web/rpc';\nexport const x = createRpcServer;\n", says: /^services may not import host\/web/ },
    { file: 'src-main/render/planted.ts', code: "import { toAsset } from '../services/assets';\nexport const x = toAsset;\n", says: /^render may not import services/ },
    { file: 'src-main/host/web/planted.ts', code: "const electron = require('electron');\nexport const x = electron;\n", says: /^host\/web may not import the package 'electron'/ },
    { file: 'src-renderer/features/composer/Planted.tsx', code: "import { CaptionsScreen } from '../captions/CaptionsScreen';\nexport const x = CaptionsScreen;\n", says: /^feature 'composer' may not import feature 'captions'/ },
    { file: 'src-renderer/features/editor/planted.ts', code: "export const x = () => import('../library/LibraryScreen');\n", says: /^feature 'editor' may not import feature 'library'/ },
    { file: 'src-renderer/ui/planted.ts', code: "import Database from 'better-sqlite3';\nexport const x = Database;\n", says: /^renderer ui may not import the package 'better-sqlite3'/ },
    { file: 'src-renderer/app/planted.ts', code: "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n", says: /^renderer app may not import the Node built-in/ },
    { file: 'src-renderer/features/library/planted.ts', code: "import type { Db } from '../../../src-main/db/open';\nexport type X = Db;\n", says: /^feature 'library' may not import db/ },
    { file: 'src-renderer/host/planted.ts', code: "import { useApp } from '../app/store';\nexport const x = useApp;\n", says: /^renderer host may not import renderer app/ },
    { file: 'src-main/planted.ts', code: 'export const x = 1;\n', says: /^src-main\/planted\.ts is in no layer/ },
  ];

  for (const { file, code, says } of planted) {
    it(`fails ${file}: ${code.split('\n')[0]}`, async () => {
      const problems = await layerProblems(file, code);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(says);
    });
  }

  const legal: { file: string; code: string }[] = [
    { file: 'src-main/core/planted.ts', code: "import { z } from 'zod';\nimport type Konva from 'konva';\nimport { message } from './messages';\nexport const x = [z, message];\nexport type K = Konva.Node;\n" },
    { file: 'src-main/db/planted.ts', code: "import { AtelierError } from '../core/errors';\nimport Database from 'better-sqlite3';\nimport { existsSync } from 'node:fs';\nexport const x = [AtelierError, Database, existsSync];\n" },
    { file: 'src-main/host/electron/planted.ts', code: "import { app } from 'electron';\nimport { createAtelier } from '../../app';\nexport const x = [app, createAtelier];\n" },
    { file: 'src-renderer/features/composer/Planted.tsx', code: "import { CaptionEditor } from '../../ui/caption-text/CaptionText';\nimport { useApp } from '../../app/store';\nimport { measureCaption } from '../../../src-main/core/captions';\nimport type { Out } from '../../../src-main/contract';\nimport { create } from 'zustand';\nimport './composer.css';\nexport const x = [CaptionEditor, useApp, measureCaption, create];\nexport type O = Out<'app.info'>;\n" },
    { file: 'src-renderer/app/planted.ts', code: "export { SettingsScreen } from '../features/settings/SettingsScreen';\n" },
  ];

  for (const { file, code } of legal) {
    it(`passes ${file}: ${code.split('\n')[0]}`, async () => {
      expect(await layerProblems(file, code)).toEqual([]);
    });
  }

  it('passes every source file as it stands', async () => {
    const results = await eslint.lintFiles(['src-main', 'src-renderer']);
    expect(results.length).toBeGreaterThan(300);
    const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId === LAYER_RULE || m.fatal).map((m) => `${path.relative(ROOT, r.filePath)}:${m.line}: ${m.message}`));
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('silenced failures (lint)', () => {
  const plain = new ESLint({
    cwd: ROOT,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-syntax',
  });
  const flagged = async (code: string) => {
    const [result] = await plain.lintText(code, { filePath: path.join(ROOT, 'src-main/services/planted.ts') });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
  };

  it('fails a bare .catch(() => undefined), .catch(() => {}) and .catch(() => void 0)', async () => {
    expect(await flagged('declare const p: Promise<void>;\nexport const a = p.catch(() => undefined);\n')).toBe(1);
    expect(await flagged('declare const p: Promise<void>;\nexport const a = p.catch(() => {});\n')).toBe(1);
    expect(await flagged('declare const p: Promise<void>;\nexport const a = p.catch(() => void 0);\n')).toBe(1);
  });

  it('passes a named helper and a handler that does something', async () => {
    const code = [
      "import { ignoreCleanupFailure } from '../core/promises';",
      'declare const p: Promise<void>;',
      'declare function log(error: unknown): void;',
      'export const a = p.catch(ignoreCleanupFailure);',
      'export const b = p.catch((error: unknown) => log(error));',
      '',
    ].join('\n');
    expect(await flagged(code)).toBe(0);
  });
});
