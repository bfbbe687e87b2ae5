// `atelier captions check`, in process: text files, CSV files, JSON output, exit codes, clear errors.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src-main/cli/index';
import { tempDir } from '../../helpers/temp';

let temp: ReturnType<typeof tempDir>;
let out = '';
let err = '';
beforeEach(() => {
  temp = tempDir();
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  process.exitCode = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  temp.cleanup();
});

function file(name: string, content: string): string {
  const p = path.join(temp.dir, name);
  writeFileSync(p, content);
  return p;
}

describe('atelier captions check', () => {
  it('measures a text file and exits 0 when it fits', async () => {
    const code = await runCli(['captions', 'check', '--network', 'x', file('a.txt', 'Hello 👨‍👩‍👧‍👦 https://atelier.fr\n')]);
    expect(code).toBe(0);
    expect(out).toMatch(/32\s+280\s+ok/);
  });
  it('prints JSON measures and exits 1 when a caption is too long', async () => {
    const code = await runCli(['--json', 'captions', 'check', '--network', 'bluesky', file('b.txt', 'a'.repeat(301))]);
    expect(code).toBe(1);
    const measure = JSON.parse(out) as { length: number; valid: boolean; problems: { code: string }[] };
    expect(measure).toMatchObject({ length: 301, valid: false });
    expect(measure.problems[0]!.code).toBe('too_long');
  });
  it('measures each row of a CSV with a caption column', async () => {
    const csv = file('posts.csv', 'date,caption\n2026-12-01,"Short, with a comma"\n2026-12-02,"' + 'long '.repeat(100) + '"\n');
    const code = await runCli(['--json', 'captions', 'check', '--network', 'x', csv]);
    expect(code).toBe(1);
    const rows = JSON.parse(out) as { row: number; measure: { valid: boolean; length: number } }[];
    expect(rows.map((r) => [r.row, r.measure.valid])).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(rows[0]!.measure.length).toBe('Short, with a comma'.length);
  });
  it('names the file and its header when the CSV has no caption column', async () => {
    const code = await runCli(['captions', 'check', '--network', 'x', file('bad.csv', 'date,text\n2026-12-01,hello\n')]);
    expect(code).toBe(1);
    expect(err).toMatch(/bad\.csv has no "caption" column \(its header is: date, text\)/);
  });
  it('refuses an unknown network and a missing file clearly', async () => {
    expect(await runCli(['captions', 'check', '--network', 'myspace', file('c.txt', 'hi')])).toBe(1);
    expect(err).toMatch(/Unknown network "myspace" \(known: x, bluesky/);
    expect(await runCli(['captions', 'check', '--network', 'x', path.join(temp.dir, 'nope.txt')])).toBe(1);
    expect(err).toMatch(/No such file: .*nope\.txt/);
  });
});
