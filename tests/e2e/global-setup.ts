// Once per vitest run, before the e2e files: the CLI's code as a library (src-main/cli/index.ts, which
// exports runCli) bundled next to the built CLI, so e2e checks can run `atelier …` commands in a worker
// thread of the test process instead of starting Node and parsing the 10 MB bundle for every check
// (cli-in-process.ts). The CLI itself is still tested as a process (runCli in harness.ts, cli.e2e.ts).
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');
/** out/cli-lib/index.mjs: beside out/cli, so it finds out/render/worker.js and out/renderer as the CLI does. */
export const CLI_LIB = path.join(ROOT, 'out', 'cli-lib', 'index.mjs');

export default async function setup(): Promise<void> {
  mkdirSync(path.dirname(CLI_LIB), { recursive: true });
  // Built to a temp name and renamed, so a file never sees half a bundle.
  const temp = `${CLI_LIB}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [path.join(ROOT, 'src-main', 'cli', 'index.ts')],
    outfile: temp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // As build/scripts/build.mjs bundles the CLI: native addons and packages that read their own files stay outside.
    external: ['better-sqlite3', '@napi-rs/canvas', 'sharp', 'bufferutil', 'utf-8-validate', '@touch4it/ical-timezones', 'wawoff2'],
    define: { __APP_VERSION__: JSON.stringify((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version) },
    banner: { js: "import { createRequire as __atelierCreateRequire } from 'node:module'; const require = __atelierCreateRequire(import.meta.url);" },
    logLevel: 'error',
  });
  renameSync(temp, CLI_LIB);
}
