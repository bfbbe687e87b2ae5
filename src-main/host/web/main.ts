// Entry of the built web host (out/web/index.js): `node out/web/index.js [--data-dir DIR] [--port N]`.
// The same server `atelier serve` runs; kept as its own bundle for tooling and tests.
import { runCli } from '../../cli/index';

const args = process.argv.slice(2);
runCli(['serve', '--no-open', ...args.filter((a) => a !== '--no-open')]).then(
  (code) => {
    process.exitCode = code;
  },
  // runCli prints its own failures and returns a code; a rejection would be a bug, so show it whole.
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
