// `npm run build`: the renderer with Vite; main, preload, web host and CLI with esbuild.
// Why two tools: Vite (with the React plugin) is the renderer's dev/build tool; the Node-side
// bundles are plain, so esbuild builds all four in a fraction of a second with explicit externals
// (native modules and 'electron' stay outside the bundles).
import { build as esbuild } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'out');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const quiet = process.argv.includes('--quiet');
const log = (msg) => quiet || console.log(msg);

// Native addons and optional ws accelerators are loaded from node_modules at run time, and so are
// packages that read their own data files next to them (@touch4it/ical-timezones: VTIMEZONE files),
// and Emscripten output that looks for itself with __dirname (wawoff2, the print PDF's WOFF2 decoder).
const NATIVE = ['better-sqlite3', '@napi-rs/canvas', 'sharp', 'bufferutil', 'utf-8-validate', '@touch4it/ical-timezones', 'wawoff2'];
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };
const esmBanner = {
  js: "import { createRequire as __atelierCreateRequire } from 'node:module'; const require = __atelierCreateRequire(import.meta.url);",
};

// The ESM bundles (web host, CLI, the CLI's test library) are split at dynamic import()s: what a
// command or a call needs late (the app behind `atelier --help`, the PDF report's echarts and pdf-lib,
// SheetJS, the web server) sits in chunks Node loads on first use, so a start parses and runs only
// what it uses. Chunks sit beside index.js, so code that finds out/render, out/renderer or assets/
// from import.meta.url finds them from any chunk. (Electron's main is CommonJS, which esbuild cannot
// split: there a dynamic import() is still bundled, and its module runs on first use.)
const esmSplit = (dir) => ({ outdir: path.join(out, dir), format: 'esm', splitting: true, chunkNames: '[name]-[hash]', external: NATIVE, banner: esmBanner });

async function buildNode() {
  const common = { bundle: true, platform: 'node', target: 'node20', define, logLevel: 'warning', sourcemap: 'linked', legalComments: 'none' };
  await Promise.all([
    // CommonJS: a dynamic import() of a native or external package (sharp, wawoff2) becomes a require()
    // on first use, so main loads the same (CommonJS) build of it that a static import does.
    esbuild({ ...common, entryPoints: [path.join(root, 'src-main/host/electron/main.ts')], outfile: path.join(out, 'main/index.cjs'), format: 'cjs', external: ['electron', ...NATIVE], supported: { 'dynamic-import': false } }),
    // Sandboxed preloads cannot require anything but a few Electron modules: one self-contained file.
    esbuild({ ...common, entryPoints: [path.join(root, 'src-main/host/electron/preload.ts')], outfile: path.join(out, 'preload/index.cjs'), format: 'cjs', external: ['electron'], sourcemap: false }),
    esbuild({ ...common, ...esmSplit('web'), entryPoints: { index: path.join(root, 'src-main/host/web/main.ts') } }),
    esbuild({ ...common, ...esmSplit('cli'), entryPoints: { index: path.join(root, 'src-main/cli/main.ts') } }),
    // The CLI's code as a library (runCli), for the e2e tests' checks in a worker thread instead of a
    // Node process per check (tests/e2e/cli-in-process.ts). Beside out/cli, so it finds out/render
    // and out/renderer as the CLI does; not packaged (electron-builder.yml lists what is).
    esbuild({ ...common, ...esmSplit('cli-lib'), entryPoints: { index: path.join(root, 'src-main/cli/index.ts') }, outExtension: { '.js': '.mjs' }, sourcemap: false }),
    // Headless render worker threads (Konva bundled, @napi-rs/canvas native).
    esbuild({ ...common, entryPoints: [path.join(root, 'src-main/render/worker.ts')], outfile: path.join(out, 'render/worker.js'), format: 'esm', external: NATIVE, banner: esmBanner }),
  ]);
}

async function buildRenderer() {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
}

const started = Date.now();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await Promise.all([buildNode(), buildRenderer()]);
writeFileSync(path.join(out, '.build-stamp'), JSON.stringify({ version: pkg.version, builtAt: new Date().toISOString() }));
log(`[atelier] built main, preload, web host, CLI (and its test library) and renderer into out/ in ${Date.now() - started} ms`);
