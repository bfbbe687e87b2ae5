// `npm test`: typecheck, lint, build, then every vitest project (unit, renderer, crash, e2e).
// Extra arguments go to vitest, e.g. `npm test -- --project unit`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const extra = process.argv.slice(2);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(title, command, args, env = {}) {
  console.log(`\n[atelier] ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`[atelier] ${title} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`[atelier] ${title}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function ensureChromium() {
  if (findChromium()) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (root && apt) {
    step('Installing Chromium and fonts for the browser tests (apt-get)', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji fonts-dejavu-core']);
    if (findChromium()) return;
  }
  console.error('[atelier] The browser tests need Chromium: install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH.');
  process.exit(1);
}

step('Typecheck', process.execPath, [path.join(root, 'build/scripts/typecheck.mjs')]);
step('Lint', bin('eslint'), ['.', '--max-warnings', '0']);
step('Build', process.execPath, [path.join(root, 'build/scripts/build.mjs'), '--quiet']);
ensureChromium();
const report = path.join(root, 'out', 'test-results.json');
const outcome = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], { cwd: root, stdio: 'inherit' });
// One plain closing line, whatever the reporter printed above it.
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + (r.numTodoTests ?? 0)} skipped`);
} catch {
  console.log('\n[atelier] no test report was written');
}
process.exit(outcome.status ?? 1);
