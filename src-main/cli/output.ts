// How the CLI prints: aligned tables for people, JSON for scripts, one line on stderr for errors.
export interface Output {
  json: boolean;
  out(text: string): void;
  err(text: string): void;
}

export function consoleOutput(json: boolean): Output {
  return {
    json,
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

export function printJson(output: Output, value: unknown): void {
  output.out(JSON.stringify(value, null, 2));
}

/** Left-aligned columns; wide cells are cut with an ellipsis so a row stays on one line. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], maxWidth = 48): string {
  const clip = (s: string) => (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s);
  const cells = [headers, ...rows].map((r) => r.map((c) => clip(c.replace(/\s+/g, ' '))));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}
