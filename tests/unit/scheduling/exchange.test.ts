import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { testAtelier } from '../../helpers/app';
import { failure } from './failure';

let env: ReturnType<typeof testAtelier>;
afterEach(() => env?.cleanup());

async function setup() {
  env = testAtelier({ start: Date.parse('2026-03-01T12:00:00Z') });
  const { atelier } = env;
  const paris = await atelier.call('clients.create', { name: 'Boulangerie', timeZone: 'Europe/Paris' });
  const sydney = await atelier.call('clients.create', { name: 'Surf Shop', timeZone: 'Australia/Sydney' });
  return { atelier, paris, sydney };
}


function parseIcs(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return {
    zones: root.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))),
    events: root.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate.toJSDate().toISOString(), tzid: event.startDate.zone?.tzid };
    }),
  };
}

describe('ICS export', () => {
  it('gives each post its instant across the DST change, with TZID and VTIMEZONE, and stable UIDs', async () => {
    const { atelier, paris } = await setup();
    const before = await atelier.call('posts.create', { clientId: paris.id, title: 'Before', at: '2026-03-28T09:00', caption: 'Pain, beurre; "chaud"\nDeux lignes' });
    await atelier.call('posts.create', { clientId: paris.id, title: 'After', at: '2026-03-29T09:00', caption: 'x'.repeat(200) });
    await atelier.call('calendar.notes.add', { postId: before.id, body: 'SECRET NOTE' });
    const first = await atelier.call('calendar.exportIcs', { clientId: paris.id });
    expect(first.count).toBe(2);
    const parsed = parseIcs(first.ics);
    expect(parsed.zones).toEqual(['Europe/Paris']);
    expect(parsed.events.map((e) => [e.summary, e.start, e.tzid])).toEqual([
      ['Before', '2026-03-28T08:00:00.000Z', 'Europe/Paris'],
      ['After', '2026-03-29T07:00:00.000Z', 'Europe/Paris'],
    ]);
    expect(first.ics).toContain('DTSTART;TZID=Europe/Paris:20260328T090000');
    expect(parsed.events[0]!.description).toContain('Pain, beurre; "chaud"\nDeux lignes');
    expect(first.ics).toContain('Pain\\, beurre\\; "chaud"\\nDeux lignes');
    expect(first.ics).not.toContain('SECRET NOTE');
    // RFC 5545: lines are folded at 75 octets with CRLF + space.
    for (const line of first.ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    await atelier.call('calendar.move', { id: before.id, date: '2026-03-27' });
    const second = parseIcs((await atelier.call('calendar.exportIcs', { clientId: paris.id })).ics);
    expect(second.events.map((e) => e.uid)).toEqual(parsed.events.map((e) => e.uid));
  });

  it('exports all clients with one VTIMEZONE per zone and a period read in each client’s calendar', async () => {
    const { atelier, paris, sydney } = await setup();
    await atelier.call('posts.create', { clientId: sydney.id, title: 'Autumn', at: '2026-04-05T09:00' }); // DST ended at 03:00
    await atelier.call('posts.create', { clientId: sydney.id, title: 'Summer', at: '2026-04-04T09:00' });
    await atelier.call('posts.create', { clientId: paris.id, title: 'Outside', at: '2026-04-06T09:00' });
    await atelier.call('posts.create', { clientId: paris.id, title: 'Undated' });
    const { ics, count } = await atelier.call('calendar.exportIcs', { from: '2026-04-04', to: '2026-04-05' });
    expect(count).toBe(2);
    const parsed = parseIcs(ics);
    expect(parsed.zones).toEqual(['Australia/Sydney']);
    expect(parsed.events.map((e) => [e.summary, e.start])).toEqual([
      ['Surf Shop: Summer', '2026-04-03T22:00:00.000Z'], // +11
      ['Surf Shop: Autumn', '2026-04-04T23:00:00.000Z'], // +10
    ]);
  });
});

const ATELIER_HEADER = 'date,time,timezone,client,network,status,title,caption,link,labels,design';

describe('CSV import', () => {
  it('imports Hootsuite rows (BOM, quoted commas and newlines) in the client’s zone and reports DST adjustments', async () => {
    const { atelier, paris } = await setup();
    const text = '\uFEFF03/29/2026 02:30,"Ouvert, dimanche!\nVenez",https://example.com/a\n03/30/2026 09:05,Lundi\n';
    const report = await atelier.call('calendar.importCsv', { clientId: paris.id, format: 'hootsuite', text, networks: ['facebook'] });
    expect(report.imported).toBe(2);
    expect(report.adjusted).toEqual([{ row: 1, given: '2026-03-29T02:30', local: '2026-03-29T03:30', resolution: 'shifted_forward' }]);
    const { posts } = await atelier.call('calendar.range', { clientId: paris.id, from: '2026-03-01', to: '2026-03-31' });
    expect(posts.map((p) => [p.title, p.caption, p.link, p.localTime, p.variants.map((v) => v.network)])).toEqual([
      ['Ouvert, dimanche!', 'Ouvert, dimanche!\nVenez', 'https://example.com/a', '2026-03-29T03:30', ['facebook']],
      ['Lundi', 'Lundi', '', '2026-03-30T09:05', ['facebook']],
    ]);
  });

  it('reads DD/MM/YYYY when told', async () => {
    const { atelier, paris } = await setup();
    await atelier.call('calendar.importCsv', { clientId: paris.id, format: 'hootsuite', text: '25/12/2026 10:00,Joyeux Noël', dateFormat: 'DMY' });
    expect((await atelier.call('posts.list', { clientId: paris.id }))[0]!.localTime).toBe('2026-12-25T10:00');
  });

  it('is atomic: one bad row and nothing is imported, each bad row named with why', async () => {
    const { atelier, paris } = await setup();
    const text = ['12/01/2026 09:00,Good', '13/45/2026 09:00,Bad date', '12/02/2026 09:00', '12/03/2026 09:00,a,b,c'].join('\n');
    const error = await failure(atelier.call('calendar.importCsv', { clientId: paris.id, format: 'hootsuite', text }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('3 row(s) are invalid, so nothing was imported');
    expect(error.message).toContain('row 2: date "13/45/2026 09:00" is not a real date and time');
    expect(error.message).toContain('row 3: 1 column(s)');
    expect(error.message).toContain('row 4: 4 column(s)');
    expect(await atelier.call('posts.list', { clientId: paris.id })).toEqual([]);
  });

  it('imports the good rows and reports the skipped ones with skipInvalid', async () => {
    const { atelier, paris } = await setup();
    const text = [ATELIER_HEADER, '2026-05-01,09:00,Mars/Olympus,,x,draft,Bad zone,,,,', '2026-05-02,09:00,,,x,sometimes,Bad status,,,,', '2026-05-03,10:00,,,x;instagram,approved,Good,Hello,,a;b,'].join('\n');
    const report = await atelier.call('calendar.importCsv', { clientId: paris.id, format: 'atelier', text, skipInvalid: true });
    expect(report.imported).toBe(1);
    expect(report.skipped.map((s) => ({ row: s.row, problems: s.problems.map((p) => p.text) }))).toEqual([
      { row: 2, problems: ['timezone "Mars/Olympus" is not a known IANA zone (e.g. Europe/Paris)'] },
      { row: 3, problems: ['status "sometimes" is not a workflow status (idea, draft, in_review, changes_requested, approved, scheduled, published, failed, missed, cancelled)'] },
    ]);
    // Each problem is also a translatable message for the studio.
    expect(report.skipped.map((s) => s.problems[0]!.key)).toEqual(['csv.unknownZone', 'csv.unknownStatus']);
    const [post] = await atelier.call('posts.list', { clientId: paris.id });
    expect(post).toMatchObject({ title: 'Good', status: 'approved', labels: ['a', 'b'], localTime: '2026-05-03T10:00' });
    expect((await atelier.call('calendar.statusHistory', { id: post!.id }))[0]).toMatchObject({ from: null, to: 'approved', source: 'import' });
  });

  it('reads a status by its id or its English or French name, as the studio shows them', async () => {
    const { atelier, paris } = await setup();
    const text = [ATELIER_HEADER, ',,,,x,En relecture,A,,,,', ',,,,x,Validé,B,,,,', ',,,,x,changes requested,C,,,,', ',,,,x,Modifications demandées,D,,,,', ',,,,x,IN_REVIEW,E,,,,'].join('\n');
    await atelier.call('calendar.importCsv', { clientId: paris.id, format: 'atelier', text });
    const posts = await atelier.call('posts.list', { clientId: paris.id });
    expect(posts.map((p) => [p.title, p.status]).sort()).toEqual([
      ['A', 'in_review'],
      ['B', 'approved'],
      ['C', 'changes_requested'],
      ['D', 'changes_requested'],
      ['E', 'in_review'],
    ]);
  });

  it('says clearly when the file is not CSV or has the wrong header', async () => {
    const { atelier, paris } = await setup();
    const binary = await failure(atelier.call('calendar.importCsv', { clientId: paris.id, format: 'hootsuite', text: 'PK\u0003\u0004\u0000\u0000' }));
    expect(binary.message).toMatch(/not CSV text/);
    const quote = await failure(atelier.call('calendar.importCsv', { clientId: paris.id, format: 'hootsuite', text: '12/01/2026 09:00,"never closed\n' }));
    expect(quote.message).toMatch(/not valid CSV/);
    const header = await failure(atelier.call('calendar.importCsv', { clientId: paris.id, format: 'atelier', text: 'when,what\n' }));
    expect(header.message).toMatch(/Row 1 must be the Atelier header/);
    expect(await atelier.call('posts.list', { clientId: paris.id })).toEqual([]);
  });

  it('reads Publer files by header name, with blank dates as unscheduled drafts', async () => {
    const { atelier, paris } = await setup();
    const text = 'Date,Message,Link,Media URL(s),Title,Labels,Alt text\n2026/06/01 18:30,Summer menu,https://ex.com,,Menu,"food,summer",\n,Someday,,,,,\n';
    const report = await atelier.call('calendar.importCsv', { clientId: paris.id, format: 'publer', text });
    expect(report.imported).toBe(2);
    const posts = await atelier.call('posts.list', { clientId: paris.id });
    expect(posts.map((p) => [p.title, p.localTime, p.labels])).toEqual([
      ['Menu', '2026-06-01T18:30', ['food', 'summer']],
      ['Someday', null, []],
    ]);
  });
});

describe('CSV round trips', () => {
  it('Atelier CSV: export then import into another client gives the same posts', async () => {
    const { atelier, paris, sydney } = await setup();
    await atelier.call('calendar.importCsv', {
      clientId: paris.id,
      format: 'atelier',
      text: [ATELIER_HEADER, '2026-10-25,02:30,Europe/Paris,Boulangerie,instagram;x,scheduled,"Fall back, twice","Caption, with ""quotes""\nand a newline",https://ex.com/p,promo;autumn,', ',,,,linkedin,idea,Someday,,,,'].join('\r\n'),
    });
    const exported = await atelier.call('calendar.exportCsv', { clientId: paris.id, format: 'atelier' });
    expect(exported.count).toBe(2);
    // A spreadsheet file: UTF-8 BOM (Excel), then the header.
    expect(exported.csv.split('\r\n')[0]).toBe(`\uFEFF${ATELIER_HEADER}`);
    const report = await atelier.call('calendar.importCsv', { clientId: sydney.id, format: 'atelier', text: exported.csv });
    expect(report.imported).toBe(2);
    const strip = (p: { title: string; caption: string; link: string; status: string; scheduledAt: string | null; labels: string[]; variants: { network: string }[] }) => ({
      title: p.title,
      caption: p.caption,
      link: p.link,
      status: p.status,
      scheduledAt: p.scheduledAt,
      labels: p.labels,
      networks: p.variants.map((v) => v.network).sort(),
    });
    const original = (await atelier.call('calendar.range', { clientId: paris.id, from: '2026-10-01', to: '2026-10-31' })).posts.map(strip);
    const copy = (await atelier.call('calendar.range', { clientId: sydney.id, from: '2026-10-01', to: '2026-10-31' })).posts.map(strip);
    expect(copy).toEqual(original);
    // The ambiguous 02:30 took the earlier (summer-time) instant.
    expect(original[0]!.scheduledAt).toBe('2026-10-25T00:30:00.000Z');
  });

  it('Hootsuite CSV: export rounds minutes up to a multiple of 5 and imports back to the same times', async () => {
    const { atelier, paris, sydney } = await setup();
    // Only posts ready to publish go to a scheduler: these two are approved.
    await atelier.call('posts.create', { clientId: paris.id, title: 'One', at: '2026-07-14T09:02', caption: 'Fête, nationale', status: 'approved' });
    await atelier.call('posts.create', { clientId: paris.id, title: 'Two', at: '2026-07-15T18:30', caption: 'Deux\nlignes', status: 'approved' });
    await atelier.call('posts.create', { clientId: paris.id, title: 'Undated', status: 'approved' });
    const first = await atelier.call('calendar.exportCsv', { clientId: paris.id, format: 'hootsuite' });
    expect(first.count).toBe(2);
    expect(first.csv).toBe('07/14/2026 09:05,"Fête, nationale",\r\n07/15/2026 18:30,"Deux\nlignes",\r\n');
    expect(first.leftOut.map((l) => [l.title, l.reason])).toEqual([['Undated', 'no_time']]);
    // Import into a client in another zone: the wall-clock times are read in that client's zone.
    const imported = await atelier.call('calendar.importCsv', { clientId: sydney.id, format: 'hootsuite', text: first.csv });
    for (const id of imported.postIds) await atelier.call('posts.update', { id, status: 'approved' });
    const second = await atelier.call('calendar.exportCsv', { clientId: sydney.id, format: 'hootsuite' });
    expect(second.csv).toBe(first.csv);
    const dmy = await atelier.call('calendar.exportCsv', { clientId: paris.id, format: 'hootsuite', dateFormat: 'DMY' });
    expect(dmy.csv.startsWith('14/07/2026 09:05,')).toBe(true);
  });
});
