// What leaves Atelier in a CSV is what a person meant: captions that look like formulas stay text in
// a spreadsheet (OWASP CSV injection) yet exactly the caption for a scheduler, é stays é in Excel,
// a scheduler only gets posts ready to publish (and is told what stayed behind), and a title made
// from a caption never splits an emoji.
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { titleFrom } from '../../../src-main/core/schedule/csv-rows';
import { escapeFormula, looksLikeFormula, unescapeFormula } from '../../../src-main/core/text/spreadsheet';
import { truncate } from '../../../src-main/core/text/truncate';
import { openSafeZip } from '../../../src-main/services/packs/zip-reader';
import { testAtelier } from '../../helpers/app';

let env: ReturnType<typeof testAtelier>;
afterEach(() => env?.cleanup());

/** No lone surrogate (what a cut inside an emoji leaves, shown as U+FFFD). */
const wellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
const graphemes = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

describe('grapheme-safe truncation', () => {
  const family = '👩‍👩‍👧‍👦'; // 11 UTF-16 units, one grapheme
  const flag = '🇫🇷';

  it('cuts by what a person counts as characters, never inside an emoji, flag or accent', () => {
    const text = `${'a'.repeat(78)}${family}${flag}é`;
    const cut = truncate(text, 80);
    expect(graphemes(cut)).toHaveLength(80);
    expect(cut).toBe(`${'a'.repeat(78)}${family}…`);
    expect(cut).not.toContain('\uFFFD');
    expect(wellFormed(cut)).toBe(true);
    // Decomposed é (e + combining acute) stays whole.
    expect(truncate(`${'b'.repeat(9)}e\u0301xyz`, 11)).toBe(`${'b'.repeat(9)}e\u0301…`);
    expect(truncate('short', 80)).toBe('short');
  });

  it('also keeps within a UTF-16 limit (the contract counts units), still on grapheme boundaries', () => {
    const text = family.repeat(30); // 30 graphemes, 330 units
    const cut = truncate(text, 80, { maxUnits: 200 });
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut).toBe(`${family.repeat(18)}…`);
  });

  it('makes CSV titles from a caption without turning an emoji into U+FFFD', () => {
    const caption = `${'x'.repeat(79)}😀 and more\nsecond line`;
    const title = titleFrom(caption, '');
    expect(title).toBe(`${'x'.repeat(79)}…`);
    expect(titleFrom(`${'y'.repeat(78)}😀😀 tail`, '')).toBe(`${'y'.repeat(78)}😀…`);
    expect(titleFrom('', 'https://example.com/p')).toBe('https://example.com/p');
  });

  it('imports a long emoji caption from Hootsuite as a whole-grapheme title', async () => {
    env = testAtelier({ start: Date.parse('2026-11-01T12:00:00Z') });
    const client = await env.atelier.call('clients.create', { name: 'Émoji', timeZone: 'Europe/Paris' });
    const caption = `${'Soldes '.repeat(11)}🎁🎄 à ne pas manquer`;
    await env.atelier.call('calendar.importCsv', { clientId: client.id, format: 'hootsuite', text: `12/01/2026 10:00,"${caption}"` });
    const [post] = await env.atelier.call('posts.list', { clientId: client.id });
    expect(wellFormed(post!.title)).toBe(true);
    expect(graphemes(post!.title)).toHaveLength(80);
    expect(post!.title.endsWith('🎁🎄…')).toBe(true);
  });
});

describe('formula-safe cells', () => {
  it('quotes every cell a spreadsheet would run, and takes the quote off again exactly', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '+33 6 12', '-20% today', '@channel', '\tTab', '\rCR', '＝full-width', ' =spaced']) {
      expect(looksLikeFormula(cell)).toBe(true);
      expect(escapeFormula(cell)).toBe(`'${cell}`);
      expect(unescapeFormula(escapeFormula(cell))).toBe(cell);
    }
    for (const cell of ["'already quoted", "'=quoted formula", "''=two quotes", 'plain', '', '2026-12-01', '10:30-05:00']) {
      expect(unescapeFormula(escapeFormula(cell))).toBe(cell);
    }
    expect(escapeFormula('plain')).toBe('plain');
    expect(escapeFormula("'=quoted formula")).toBe("''=quoted formula");
  });

  async function plan() {
    env = testAtelier({ start: Date.parse('2026-11-01T12:00:00Z') });
    const { atelier } = env;
    const client = await atelier.call('clients.create', { name: 'Café Crème', timeZone: 'Europe/Paris' });
    const formula = await atelier.call('posts.create', { clientId: client.id, title: '=cmd|calc', caption: '=HYPERLINK("http://evil.example","Cliquez")', at: '2026-12-01T10:00', status: 'approved', labels: ['-promo'] });
    const minus = await atelier.call('posts.create', { clientId: client.id, title: 'Remise', caption: '-20 % sur les éclairs', at: '2026-12-02T10:00', status: 'scheduled' });
    return { atelier, client, formula, minus };
  }

  it('Atelier CSV: Excel-ready (BOM, é intact), no live formula, and the import gives back each caption exactly', async () => {
    const { atelier, client } = await plan();
    const { csv } = await atelier.call('calendar.exportCsv', { clientId: client.id, format: 'atelier' });
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    // What a spreadsheet sees in each cell: nothing starts like a formula.
    for (const row of rows) for (const cell of Object.values(row)) expect(looksLikeFormula(cell), cell).toBe(false);
    expect(rows.map((r) => [r.title, r.caption, r.labels])).toEqual([
      ["'=cmd|calc", '\'=HYPERLINK("http://evil.example","Cliquez")', "'-promo"],
      ['Remise', "'-20 % sur les éclairs", ''],
    ]);
    expect(rows[0]!.client).toBe('Café Crème');
    const copy = await atelier.call('clients.create', { name: 'Copie', timeZone: 'Europe/Paris' });
    await atelier.call('calendar.importCsv', { clientId: copy.id, format: 'atelier', text: csv });
    const back = await atelier.call('posts.list', { clientId: copy.id });
    expect(back.map((p) => [p.title, p.caption, p.labels])).toEqual([
      ['=cmd|calc', '=HYPERLINK("http://evil.example","Cliquez")', ['-promo']],
      ['Remise', '-20 % sur les éclairs', []],
    ]);
  });

  it('Hootsuite and Publer files keep the caption exactly as written, and warn that it looks like a formula', async () => {
    const { atelier, client } = await plan();
    for (const format of ['hootsuite', 'publer'] as const) {
      const file = await atelier.call('calendar.exportCsv', { clientId: client.id, format });
      expect(file.csv.startsWith('\uFEFF')).toBe(false);
      const rows = parse(file.csv) as string[][];
      const texts = rows.map((r) => r[1]);
      expect(texts).toContain('=HYPERLINK("http://evil.example","Cliquez")');
      expect(texts).toContain('-20 % sur les éclairs');
      expect(file.warnings.filter((w) => w.key === 'csv.formulaInSchedulerFile').map((w) => w.params?.title)).toEqual(['=cmd|calc', 'Remise']);
    }
  });

  it('the pack: schedule.csv for the client’s spreadsheet is safe; hootsuite.csv is exact and the export says why', async () => {
    const { atelier, client } = await plan();
    const out = `${env.dir}/pack.zip`;
    const report = await atelier.call('packs.export', { clientId: client.id, out });
    expect(report.warnings.map((w) => w.key)).toEqual(['csv.formulaInSchedulerFile', 'csv.formulaInSchedulerFile']);
    const zip = await openSafeZip(out);
    try {
      const schedule = (await zip.read('schedule.csv')).toString('utf8');
      expect(schedule.startsWith('\uFEFF')).toBe(true);
      for (const row of parse(schedule, { bom: true }) as string[][]) for (const cell of row) expect(looksLikeFormula(cell), cell).toBe(false);
      const hootsuite = parse((await zip.read('hootsuite.csv')).toString('utf8')) as string[][];
      expect(hootsuite.map((r) => r[1])).toEqual(['=HYPERLINK("http://evil.example","Cliquez")', '-20 % sur les éclairs']);
    } finally {
      zip.close();
    }
  });
});

describe('a scheduler only gets posts ready to publish', () => {
  it('Hootsuite leaves out past, draft, in-review, changes-requested and undated posts and says which and why', async () => {
    env = testAtelier({ start: Date.parse('2026-12-10T12:00:00Z') });
    const { atelier } = env;
    const client = await atelier.call('clients.create', { name: 'Bakery', timeZone: 'Europe/Paris' });
    const make = (title: string, at: string | undefined, status: 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'scheduled') =>
      atelier.call('posts.create', { clientId: client.id, title, at, status, caption: title });
    await make('Past', '2026-12-09T10:00', 'scheduled');
    await make('Draft', '2026-12-20T10:00', 'draft');
    await make('Review', '2026-12-20T11:00', 'in_review');
    await make('Changes', '2026-12-20T12:00', 'changes_requested');
    await make('Ready', '2026-12-21T10:00', 'approved');
    await make('Planned', '2026-12-22T10:00', 'scheduled');
    await make('Someday', undefined, 'approved');
    const file = await atelier.call('calendar.exportCsv', { clientId: client.id, format: 'hootsuite' });
    expect((parse(file.csv) as string[][]).map((r) => r[1])).toEqual(['Ready', 'Planned']);
    expect(file.count).toBe(2);
    expect(file.leftOut.map((l) => [l.title, l.reason, l.status])).toEqual([
      ['Past', 'past', 'scheduled'],
      ['Draft', 'not_ready', 'draft'],
      ['Review', 'not_ready', 'in_review'],
      ['Changes', 'not_ready', 'changes_requested'],
      ['Someday', 'no_time', 'approved'],
    ]);
    // Publer schedules a blank date itself: an approved post without a time goes, the rest as above.
    const publer = await atelier.call('calendar.exportCsv', { clientId: client.id, format: 'publer' });
    expect((parse(publer.csv, { columns: true }) as Record<string, string>[]).map((r) => [r.Title, r.Date])).toEqual([
      ['Ready', '2026-12-21 10:00'],
      ['Planned', '2026-12-22 10:00'],
      ['Someday', ''],
    ]);
    expect(publer.leftOut.map((l) => l.title)).toEqual(['Past', 'Draft', 'Review', 'Changes']);
    // The Atelier CSV is the whole plan, for people.
    const all = await atelier.call('calendar.exportCsv', { clientId: client.id, format: 'atelier' });
    expect(all.count).toBe(7);
    expect(all.leftOut).toEqual([]);
  });
});
