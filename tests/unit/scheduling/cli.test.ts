import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src-main/cli/index';
import { tempDir } from '../../helpers/temp';

let temp: ReturnType<typeof tempDir>;
let out: string;
let err: string;

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
  temp.cleanup();
});

const cli = (...args: string[]) => runCli(['--data-dir', temp.dir, ...args]);
const file = (name: string) => path.join(temp.dir, name);

describe('atelier import/export', () => {
  it('imports a Hootsuite CSV, reports a DST adjustment, and exports ICS and CSV files', async () => {
    expect(await cli('clients', 'add', '--name', 'Bagels', '--timezone', 'America/New_York')).toBe(0);
    writeFileSync(file('in.csv'), '03/08/2026 02:30,"Open early, today",https://ex.com\n03/09/2026 09:00,Monday\n');
    expect(await cli('import', 'csv', file('in.csv'), '--client', 'Bagels', '--format', 'hootsuite', '--network', 'instagram')).toBe(0);
    expect(out).toContain('Imported 2 post(s) for Bagels');
    expect(out).toContain('row 1: 2026-03-08 02:30 does not exist in America/New_York (clocks go forward) → 2026-03-08 03:30');

    expect(await cli('export', 'ics', '--client', 'Bagels', '--out', file('plan.ics'))).toBe(0);
    const root = new ICAL.Component(ICAL.parse(readFileSync(file('plan.ics'), 'utf8')));
    for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const starts = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).startDate.toJSDate().toISOString());
    expect(starts).toEqual(['2026-03-08T07:30:00.000Z', '2026-03-09T13:00:00.000Z']);

    expect(await cli('export', 'csv', '--format', 'atelier', '--from', '2026-03-09', '--to', '2026-03-09', '--out', file('out.csv'))).toBe(0);
    expect(readFileSync(file('out.csv'), 'utf8').split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFdate,time,timezone,client,network,status,title,caption,link,labels,design',
      '2026-03-09,09:00,America/New_York,Bagels,instagram,draft,Monday,Monday,,,',
    ]);
  });

  it('fails with one clear line and stores nothing when a row is bad', async () => {
    await cli('clients', 'add', '--name', 'Bagels', '--timezone', 'America/New_York');
    writeFileSync(file('bad.csv'), '03/09/2026 09:00,Fine\n02/30/2026 09:00,No such day\n');
    expect(await cli('import', 'csv', file('bad.csv'), '--client', 'Bagels', '--format', 'hootsuite')).toBe(1);
    expect(err).toContain('bad.csv: 1 row(s) are invalid, so nothing was imported (use --skip-invalid');
    expect(err).toContain('row 2: date "02/30/2026 09:00" is not a real date and time');
    out = '';
    await cli('--json', 'posts', 'list');
    expect(JSON.parse(out)).toEqual([]);
    expect(await cli('import', 'csv', file('bad.csv'), '--client', 'Bagels', '--format', 'hootsuite', '--skip-invalid')).toBe(0);
    expect(err).toContain('Skipped 1 invalid row(s):');
  });

  it('refuses an unknown format and a file that is not UTF-8, without writing', async () => {
    await cli('clients', 'add', '--name', 'Bagels', '--timezone', 'America/New_York');
    expect(await cli('export', 'csv', '--format', 'buffer', '--out', file('x.csv'))).toBe(1);
    expect(err).toContain('--format buffer is not one of hootsuite, publer, atelier.');
    expect(existsSync(file('x.csv'))).toBe(false);
    writeFileSync(file('latin1.csv'), Buffer.from([0x30, 0x33, 0x2c, 0xe9, 0xe9, 0x0a]));
    expect(await cli('import', 'csv', file('latin1.csv'), '--client', 'Bagels', '--format', 'hootsuite')).toBe(1);
    expect(err).toMatch(/is not UTF-8 text/);
  });
});
