// The calendar's files, read by readers nobody here wrote — ical.js and node-ical for ICS, csv-parse
// for CSV — across both 2027 New York DST nights: the hour skipped on 14 March and the hour repeated
// on 7 November, where 01:30 happens twice (05:30Z, then 06:30Z). Every reader must find every post
// at its own instant, and every CSV must come back into Atelier as the same instants.
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { afterEach, describe, expect, it } from 'vitest';
import { PUBLER_HEADER } from '../../../src-main/core/schedule/csv-rows';
import { testAtelier } from '../../helpers/app';

let env: ReturnType<typeof testAtelier>;
afterEach(() => env?.cleanup());

/** Each post's instant, and what New York's wall clock shows then. */
const POSTS = [
  { title: 'Spring 01:30', at: '2027-03-14T06:30:00.000Z', local: '2027-03-14T01:30' },
  { title: 'Spring 03:00', at: '2027-03-14T07:00:00.000Z', local: '2027-03-14T03:00' },
  { title: 'Spring 03:30', at: '2027-03-14T07:30:00.000Z', local: '2027-03-14T03:30' },
  { title: 'Fall 00:30', at: '2027-11-07T04:30:00.000Z', local: '2027-11-07T00:30' },
  // Starts before the repeated hour, ends inside it.
  { title: 'Fall 00:50', at: '2027-11-07T04:50:00.000Z', local: '2027-11-07T00:50' },
  { title: 'Fall first 01:30', at: '2027-11-07T05:30:00.000Z', local: '2027-11-07T01:30' },
  { title: 'Fall second 01:30', at: '2027-11-07T06:30:00.000Z', local: '2027-11-07T01:30' },
  { title: 'Fall second 01:45', at: '2027-11-07T06:45:00.000Z', local: '2027-11-07T01:45' },
  { title: 'Fall 02:00', at: '2027-11-07T07:00:00.000Z', local: '2027-11-07T02:00' },
] as const;

const EXPECTED = POSTS.map((p) => [p.title, p.at]);

async function newYorkPlan() {
  env = testAtelier({ start: Date.parse('2027-01-04T12:00:00Z') });
  const { atelier } = env;
  const ny = await atelier.call('clients.create', { name: 'Harbor', timeZone: 'America/New_York' });
  for (const p of POSTS) {
    const post = await atelier.call('posts.create', { clientId: ny.id, title: p.title, scheduledAt: p.at, status: 'scheduled', caption: `${p.title}, café ☕`, networks: ['instagram'] });
    expect(post.localTime).toBe(p.local);
  }
  return { atelier, ny };
}

/** Posts of a client as [title, instant], in time order. */
async function instants(atelier: Awaited<ReturnType<typeof newYorkPlan>>['atelier'], clientId: string) {
  const posts = await atelier.call('posts.list', { clientId });
  return posts.map((p) => [p.title, p.scheduledAt]).sort((a, b) => String(a[1]).localeCompare(String(b[1])));
}

describe('ICS across the 2027 New York DST nights', () => {
  it('is read at the same instants by ical.js and node-ical, with CRLF line ends to the last', async () => {
    const { atelier, ny } = await newYorkPlan();
    const { ics, count } = await atelier.call('calendar.exportIcs', { clientId: ny.id });
    expect(count).toBe(POSTS.length);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    // ical.js, with the file's own VTIMEZONE.
    const root = new ICAL.Component(ICAL.parse(ics));
    for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const icalJs = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(icalJs.map((e) => [e.summary, e.startDate.toJSDate().toISOString()])).toEqual(EXPECTED);
    expect(icalJs.map((e) => e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime())).toEqual(POSTS.map(() => 15 * 60_000));

    // node-ical.
    const parsed = Object.values(nodeIcal.sync.parseICS(ics)).filter((c) => c?.type === 'VEVENT') as { summary: string; start: Date; end: Date }[];
    expect(parsed.map((e) => [e.summary, e.start.toISOString()])).toEqual(EXPECTED);
    expect(parsed.map((e) => e.end.toISOString())).toEqual(POSTS.map((p) => new Date(Date.parse(p.at) + 15 * 60_000).toISOString()));

    // The rule that makes that true: times in the repeated hour (start or end) are written in UTC,
    // every other time as the client's wall clock with its zone.
    const starts = ics.split('BEGIN:VEVENT').slice(1).map((event) => event.split('\r\n').find((l) => l.startsWith('DTSTART')));
    expect(starts).toEqual([
      'DTSTART;TZID=America/New_York:20270314T013000',
      'DTSTART;TZID=America/New_York:20270314T030000',
      'DTSTART;TZID=America/New_York:20270314T033000',
      'DTSTART;TZID=America/New_York:20271107T003000',
      'DTSTART:20271107T045000Z',
      'DTSTART:20271107T053000Z',
      'DTSTART:20271107T063000Z',
      'DTSTART:20271107T064500Z',
      'DTSTART;TZID=America/New_York:20271107T020000',
    ]);
  });
});

describe('CSV across the 2027 New York DST nights', () => {
  it('Atelier CSV: a spreadsheet-ready file (BOM) whose repeated hour carries its offset, and that comes back as the same instants', async () => {
    const { atelier, ny } = await newYorkPlan();
    const { csv } = await atelier.call('calendar.exportCsv', { clientId: ny.id, format: 'atelier' });
    expect(csv.startsWith('\uFEFFdate,time,timezone,')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.title, `${r.date} ${r.time}`])).toEqual([
      ['Spring 01:30', '2027-03-14 01:30'],
      ['Spring 03:00', '2027-03-14 03:00'],
      ['Spring 03:30', '2027-03-14 03:30'],
      ['Fall 00:30', '2027-11-07 00:30'],
      ['Fall 00:50', '2027-11-07 00:50'],
      ['Fall first 01:30', '2027-11-07 01:30-04:00'],
      ['Fall second 01:30', '2027-11-07 01:30-05:00'],
      ['Fall second 01:45', '2027-11-07 01:45-05:00'],
      ['Fall 02:00', '2027-11-07 02:00'],
    ]);
    const copy = await atelier.call('clients.create', { name: 'Harbor copy', timeZone: 'America/New_York' });
    await atelier.call('calendar.importCsv', { clientId: copy.id, format: 'atelier', text: csv });
    expect(await instants(atelier, copy.id)).toEqual(EXPECTED);
  });

  it('Hootsuite CSV: both 01:30s leave with their offset, are flagged, and come back as themselves', async () => {
    const { atelier, ny } = await newYorkPlan();
    const file = await atelier.call('calendar.exportCsv', { clientId: ny.id, format: 'hootsuite' });
    expect(file.csv.startsWith('\uFEFF')).toBe(false); // a scheduler file: its first cell is a date
    const rows = parse(file.csv) as string[][];
    expect(rows.map((r) => r[0])).toEqual([
      '03/14/2027 01:30',
      '03/14/2027 03:00',
      '03/14/2027 03:30',
      '11/07/2027 00:30',
      '11/07/2027 00:50',
      '11/07/2027 01:30 -04:00',
      '11/07/2027 01:30 -05:00',
      '11/07/2027 01:45 -05:00',
      '11/07/2027 02:00',
    ]);
    expect(file.warnings.filter((w) => w.key === 'csv.repeatedHour').map((w) => w.params?.title)).toEqual(['Fall first 01:30', 'Fall second 01:30', 'Fall second 01:45']);
    const copy = await atelier.call('clients.create', { name: 'Harbor copy', timeZone: 'America/New_York' });
    const report = await atelier.call('calendar.importCsv', { clientId: copy.id, format: 'hootsuite', text: file.csv });
    expect(report.adjusted).toEqual([]);
    expect((await instants(atelier, copy.id)).map(([, at]) => at)).toEqual(POSTS.map((p) => p.at));
  });

  it('Publer CSV: the twelve columns of its current template, and the same instants back', async () => {
    const { atelier, ny } = await newYorkPlan();
    const { csv } = await atelier.call('calendar.exportCsv', { clientId: ny.id, format: 'publer' });
    const [header, ...rows] = parse(csv) as string[][];
    expect(header).toEqual(['Date', 'Text', 'Link(s)', 'Media URL(s)', 'Title', 'Label(s)', 'Alt text(s)', 'Comment(s)', 'Board/Album', 'Post subtype', 'CTA', 'Reminder']);
    expect(header).toEqual([...PUBLER_HEADER]);
    for (const row of rows) expect(row).toHaveLength(12);
    expect(rows.map((r) => r[0]).slice(5, 8)).toEqual(['2027-11-07 01:30 -04:00', '2027-11-07 01:30 -05:00', '2027-11-07 01:45 -05:00']);
    const copy = await atelier.call('clients.create', { name: 'Harbor copy', timeZone: 'America/New_York' });
    await atelier.call('calendar.importCsv', { clientId: copy.id, format: 'publer', text: csv });
    expect(await instants(atelier, copy.id)).toEqual(EXPECTED);
  });

  it('refuses an offset the zone never has at that time, naming the row and value', async () => {
    const { atelier, ny } = await newYorkPlan();
    const text = ['11/07/2027 01:30 -04:00,First', '11/07/2027 01:30 -03:00,Nowhere', '11/07/2027 09:00 -05:00,Morning'].join('\n');
    const error = await atelier.call('calendar.importCsv', { clientId: ny.id, format: 'hootsuite', text }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain('row 2: date "11/07/2027 01:30 -03:00": America/New_York is never at UTC-03:00 at that time');
    const report = await atelier.call('calendar.importCsv', { clientId: ny.id, format: 'hootsuite', text, skipInvalid: true });
    expect(report.imported).toBe(2);
    const imported = (await atelier.call('posts.list', { clientId: ny.id })).filter((p) => report.postIds.includes(p.id));
    expect(imported.map((p) => p.scheduledAt).sort()).toEqual(['2027-11-07T05:30:00.000Z', '2027-11-07T14:00:00.000Z']);
  });
});
