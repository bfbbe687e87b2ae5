// `npm run bench`: runs every tests/bench/*.bench.ts, prints a table and writes bench-results.json.
// Figures are ratios against baselines measured in the same run, never absolute timed assertions.
// `npm run bench -- store` runs only the files or benchmarks whose name contains "store".
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from './freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const benchDir = path.join(root, 'tests', 'bench');
const allFiles = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
// A filter picks files by name (`npm run bench -- packs`), or else single benchmarks by name
// (`npm run bench -- month-view`), which means looking inside every file.
const byFileName = allFiles.filter((f) => filter.some((x) => f.includes(x)));
const files = filter.length === 0 || byFileName.length === 0 ? allFiles : byFileName;

if (buildIsStale(root)) {
  const result = spawnSync(process.execPath, [path.join(root, 'build/scripts/build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Inside the project, so bare imports resolve from node_modules.
mkdirSync(path.join(root, 'out'), { recursive: true });
const temp = mkdtempSync(path.join(root, 'out', '.bench-'));
const results = {};
const BUNDLED = ['rrule'];
// Each file runs in its own process (bench-one.mjs).
const runner = path.join(root, 'build', 'scripts', 'bench-one.mjs');
try {
  for (const file of files) {
    const outfile = path.join(temp, file.replace(/\.ts$/, '.mjs'));
    await build({
      entryPoints: [path.join(benchDir, file)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Dependencies stay external, except CommonJS ones imported by name (rrule), which Node's ESM
      // loader cannot link: those are bundled, as build.mjs does for the CLI.
      plugins: [
        {
          name: 'externals-but-cjs',
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.some((m) => args.path === m || args.path.startsWith(`${m}/`)) ? undefined : { path: args.path, external: true }));
          },
        },
      ],
      define: { __APP_VERSION__: '"bench"' },
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url); const __filename = " + JSON.stringify(path.join(benchDir, file)) + "; const __dirname = " + JSON.stringify(benchDir) + ';' },
      logLevel: 'warning',
      absWorkingDir: root,
      nodePaths: [path.join(root, 'node_modules')],
    });
    // Each file in its own process: memory figures (peak RSS) then count only that file's work,
    // not the modules and caches earlier benchmarks left behind.
    const resultFile = path.join(temp, `${file}.json`);
    const child = spawnSync(process.execPath, [runner, outfile, resultFile, byFileName.includes(file) ? '' : filter.join('\n')], { cwd: root, stdio: 'inherit', env: process.env });
    try {
      Object.assign(results, JSON.parse(readFileSync(resultFile, 'utf8')));
    } catch {
      results[file] = { value: NaN, unit: 'error', target: 'runs', pass: false, extra: { error: `the bench process exited with ${child.status ?? child.signal}` } };
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

const out = path.join(root, 'bench-results.json');
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
const fmt = (n) => (n === undefined ? '' : Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2)) : String(n));
const rows = Object.entries(results).map(([name, r]) => [name, `${fmt(r.value)} ${r.unit}`, fmt(r.baseline), fmt(r.ratio), r.target, r.pass ? 'pass' : 'FAIL']);
const headers = ['benchmark', 'value', 'baseline', 'ratio', 'target', ''];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(headers));
for (const r of rows) console.log(line(r));
console.log(`\nWrote ${path.relative(root, out)}`);
