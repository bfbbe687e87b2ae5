#!/usr/bin/env node
// The `atelier` command (package.json "bin"). Runs the built CLI; builds it first in a fresh checkout.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = path.join(root, 'out', 'cli', 'index.js');
if (!existsSync(entry)) {
  const build = path.join(root, 'build', 'scripts', 'build.mjs');
  if (!existsSync(build)) {
    process.stderr.write('atelier: the CLI is not built and no build script was found.\n');
    process.exit(1);
  }
  process.stderr.write('atelier: building Atelier first (one time)…\n');
  const result = spawnSync(process.execPath, [build], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(pathToFileURL(entry).href);
