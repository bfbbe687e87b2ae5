// Lint: typescript-eslint's recommended rules, type-aware promise rules, React hooks, and the
// architecture's layers (docs: ARCHITECTURE.md "One core, one contract, three hosts").
//
// Layers — a file belongs to the most specific folder below; it may import its own folder, the
// folders listed, and only the packages listed (`node` = Node built-ins). tests/ and build/ are free.
//
//   layer                 may import                                        packages
//   src-main/core         —                                                 zod temporal-polyfill rrule pdf-lib simple-icons (konva: types only)
//   src-main/contract     core                                              zod
//   src-main/db           core                                              node, better-sqlite3
//   src-main/render       core                                              node, any but electron/better-sqlite3/react
//   src-main/services     core contract db render dispatch version locales*  node, any but electron/react/ws/commander
//   src-main/{app,dispatch,version}  core contract db render services       node, any but electron
//   src-main/host/shared  core contract services app dispatch version        node, any but electron
//   src-main/host/web     … host/shared, cli (its entry runs `atelier serve`) node, any but electron
//   src-main/host/electron … host/shared, locales*                          anything: the ONLY importer of electron
//   src-main/cli          core contract services render app dispatch version host/shared host/web   node, any but electron
//   src-renderer/host     core contract                                     browser packages
//   src-renderer/ui       app host core contract                            browser packages
//   src-renderer/app      features ui host core contract                    browser packages
//   src-renderer/features/<x>   app ui host core contract assets/fonts      browser packages — never another feature
//   src-renderer (main.tsx)     app ui host features core contract          browser packages
//
//   * locales = src-renderer/locales (JSON catalogues: notifications and menus speak the studio's language).
//   "browser packages" is the list RENDERER_PACKAGES below: no Node built-ins, no Node-only packages.
//
// A source file in no layer fails too. tests/unit/lint-layers.test.ts plants imports across these lines
// and expects this config to fail them, and runs the rule over every source file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layers from './build/eslint/layers.js';

const CORE_PACKAGES = ['zod', 'temporal-polyfill', 'rrule', 'pdf-lib', 'simple-icons'];
const RENDERER_PACKAGES = [
  'react',
  'react-dom',
  'react-i18next',
  'i18next',
  'zustand',
  'konva',
  'react-konva',
  'lucide',
  'lucide-react',
  'echarts',
  '@tanstack/react-virtual',
  'pdf-lib',
  '@pdf-lib/fontkit',
  'zod',
  'temporal-polyfill',
];
const MAIN_DOMAIN = ['src-main/core', 'src-main/contract'];
const ROOT_FILES = ['src-main/app', 'src-main/dispatch', 'src-main/version'];
const LOCALES = 'src-renderer/locales';
const BROWSER = { allow: RENDERER_PACKAGES };

export const LAYERS = [
  { name: 'core', files: ['src-main/core'], may: [], packages: { allow: CORE_PACKAGES, types: ['konva'] }, why: 'core is pure TypeScript shared with the renderer (no Node, no I/O, no other layer).' },
  { name: 'contract', files: ['src-main/contract'], may: ['src-main/core'], packages: { allow: ['zod'] }, why: 'the contract is zod schemas over core types.' },
  { name: 'db', files: ['src-main/db'], may: ['src-main/core'], node: true, packages: { allow: ['better-sqlite3'] }, why: 'db is SQLite and files; it speaks core types and throws core errors.' },
  { name: 'render', files: ['src-main/render'], may: ['src-main/core'], node: true, packages: { deny: ['electron', 'better-sqlite3', 'react', 'react-dom'] }, why: 'render draws documents headlessly; it knows no services, database or host.' },
  {
    name: 'services',
    files: ['src-main/services'],
    may: [...MAIN_DOMAIN, 'src-main/db', 'src-main/render', 'src-main/dispatch', 'src-main/version', LOCALES],
    node: true,
    packages: { deny: ['electron', 'react', 'react-dom', 'ws', 'commander'] },
    why: 'services run the same under Electron, the web host, the CLI and vitest: no host, no electron.',
  },
  { name: 'main root', files: ROOT_FILES, may: [...MAIN_DOMAIN, 'src-main/db', 'src-main/render', 'src-main/services', ...ROOT_FILES], node: true, packages: { deny: ['electron'] }, why: 'the composition root wires services; hosts wire it.' },
  { name: 'host/shared', files: ['src-main/host/shared'], may: [...MAIN_DOMAIN, 'src-main/services', ...ROOT_FILES], node: true, packages: { deny: ['electron'] }, why: 'shared host code runs under every host.' },
  { name: 'host/web', files: ['src-main/host/web'], may: [...MAIN_DOMAIN, 'src-main/services', ...ROOT_FILES, 'src-main/host/shared', 'src-main/cli'], node: true, packages: { deny: ['electron'] }, why: "only host/electron imports 'electron'." },
  { name: 'host/electron', files: ['src-main/host/electron'], may: [...MAIN_DOMAIN, 'src-main/services', ...ROOT_FILES, 'src-main/host/shared', LOCALES], node: true, packages: { deny: [] }, why: 'the Electron host reaches no other host.' },
  {
    name: 'cli',
    files: ['src-main/cli'],
    may: [...MAIN_DOMAIN, 'src-main/services', 'src-main/render', ...ROOT_FILES, 'src-main/host/shared', 'src-main/host/web'],
    node: true,
    packages: { deny: ['electron'] },
    why: "only host/electron imports 'electron'.",
  },
  { name: 'renderer host', files: ['src-renderer/host'], may: MAIN_DOMAIN, packages: BROWSER, why: 'the renderer runs in a browser and reaches src-main only through core and contract.' },
  { name: 'renderer ui', files: ['src-renderer/ui'], may: ['src-renderer/app', 'src-renderer/host', ...MAIN_DOMAIN], packages: BROWSER, why: 'shared UI knows no feature; the renderer reaches src-main only through core and contract.' },
  { name: 'renderer app', files: ['src-renderer/app'], may: ['src-renderer/features', 'src-renderer/ui', 'src-renderer/host', ...MAIN_DOMAIN], packages: BROWSER, why: 'the renderer runs in a browser and reaches src-main only through core and contract.' },
  {
    name: 'feature',
    files: ['src-renderer/features/*'],
    may: ['src-renderer/app', 'src-renderer/ui', 'src-renderer/host', ...MAIN_DOMAIN, 'assets/fonts'],
    packages: BROWSER,
    why: 'a feature imports no other feature (shared pieces live in ui/ or app/) and reaches src-main only through core and contract.',
  },
  { name: 'renderer', files: ['src-renderer'], may: ['src-renderer', ...MAIN_DOMAIN], packages: BROWSER, why: 'the renderer runs in a browser and reaches src-main only through core and contract.' },
];

/**
 * `.catch(() => undefined)`, `.catch(() => {})`, `.catch(() => void 0)`: a failure nobody hears about.
 * (`.catch(() => null)` stays allowed: there null is a value the caller handles — no thumbnail, a placeholder.)
 */
const SILENT_CATCH = {
  selector:
    "CallExpression[callee.property.name='catch'][arguments.length=1] > ArrowFunctionExpression[params.length=0]:matches([body.type='Identifier'][body.name='undefined'], [body.type='BlockStatement'][body.body.length=0], [body.type='UnaryExpression'][body.operator='void'])",
  message:
    'A failure swallowed in silence: handle it (log it, or tell the person through a toast), or use a named helper such as ignoreCleanupFailure that says why ignoring is right.',
};

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src-main/**/*.{ts,tsx,js,mjs,cjs}', 'src-renderer/**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { layers },
    rules: {
      'layers/imports': ['error', { root: path.dirname(fileURLToPath(import.meta.url)), layers: LAYERS }],
      'no-restricted-syntax': ['error', SILENT_CATCH],
    },
  },
  // Type-aware promise rules for the app's code (tests and build scripts lint without types, which keeps
  // `eslint .` quick): a promise nobody awaits or handles is a failure nobody hears about.
  {
    files: ['src-main/**/*.{ts,tsx}', 'src-renderer/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: path.dirname(fileURLToPath(import.meta.url)) } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
