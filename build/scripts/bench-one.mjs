// Runs the benchmarks of one built bench file in this process (bench.mjs starts one per file, so a
// memory figure counts only that file's work): all of them, or those whose name contains one of the
// newline-separated filters. Writes { name: result } as JSON to the output file.
//   node bench-one.mjs BUILT_FILE OUT_JSON [FILTERS]
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [file, out, filterText] = process.argv.slice(2);
const filters = filterText ? filterText.split('\n') : [];
const mod = await import(pathToFileURL(file).href);
const results = {};
for (const bench of (mod.benchmarks ?? []).filter((b) => filters.length === 0 || filters.some((x) => b.name.includes(x)))) {
  process.stderr.write(`[bench] ${bench.name}…\n`);
  try {
    results[bench.name] = await bench.run();
  } catch (error) {
    results[bench.name] = { value: NaN, unit: 'error', target: 'runs', pass: false, extra: { error: String(error?.message ?? error) } };
  }
}
writeFileSync(out, JSON.stringify(results));
// Studios, browsers and workers are closed by each benchmark; nothing left should hold the process.
process.exit(0);
