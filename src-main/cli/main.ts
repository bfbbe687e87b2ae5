// Entry of the built CLI (out/cli/index.js).
import { runCli } from './index';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`atelier: ${(error as Error).message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
