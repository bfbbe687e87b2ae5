import { afterEach, describe, expect, it } from 'vitest';
import { createDueScheduler, type Timers } from '../../../src-main/services/due-scheduler';
import { testAtelier } from '../../helpers/app';
import { failure } from './failure';

let env: ReturnType<typeof testAtelier>;
afterEach(() => env?.cleanup());

async function setup(start = Date.parse('2026-03-20T12:00:00Z')) {
  env = testAtelier({ start });
  const { atelier } = env;
  const paris = await atelier.call('clients.create', { name: 'Boulangerie', timeZone: 'Europe/Paris' });
  const ny = await atelier.call('clients.create', { name: 'Bagels', timeZone: 'America/New_York' });
  return { atelier, paris, ny, clock: env.clock };
}


describe('workflow with history', () => {
  it('refuses to schedule a draft when the client requires approval, and stores nothing', async () => {
    const { atelier, paris } = await setup();
    await atelier.call('calendar.setApprovalMode', { clientId: paris.id, mode: 'required' });
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Croissants', at: '2026-03-25T09:00' });
    const error = await failure(atelier.call('calendar.setStatus', { id: post.id, status: 'scheduled' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/requires approval/);
    expect((await atelier.call('posts.get', { id: post.id })).status).toBe('draft');
    expect(await atelier.call('calendar.statusHistory', { id: post.id })).toEqual([]);
  });

  it('holds posts.update to the same workflow: no skipping review, and a status it allows is in the history', async () => {
    const { atelier, paris } = await setup();
    await atelier.call('calendar.setApprovalMode', { clientId: paris.id, mode: 'required' });
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Éclairs', at: '2026-03-25T09:00' });
    const error = await failure(atelier.call('posts.update', { id: post.id, status: 'scheduled', caption: 'changed' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/requires approval/);
    const unchanged = await atelier.call('posts.get', { id: post.id });
    expect([unchanged.status, unchanged.caption]).toEqual(['draft', '']);
    await atelier.call('posts.update', { id: post.id, status: 'in_review' });
    expect((await atelier.call('calendar.statusHistory', { id: post.id })).map((h) => [h.from, h.to])).toEqual([['draft', 'in_review']]);
    // Unscheduling in the same call as scheduling is refused: a scheduled post needs a time.
    await atelier.call('posts.update', { id: post.id, status: 'approved' });
    expect((await failure(atelier.call('posts.update', { id: post.id, status: 'scheduled', at: null }))).message).toMatch(/time/);
  });

  it('records each status change with its note, and undo restores the status', async () => {
    const { atelier, paris, clock } = await setup();
    await atelier.call('calendar.setApprovalMode', { clientId: paris.id, mode: 'required' });
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Croissants', at: '2026-03-25T09:00' });
    await atelier.call('calendar.setStatus', { id: post.id, status: 'in_review' });
    clock.advance(60_000);
    await atelier.call('calendar.setStatus', { id: post.id, status: 'approved', note: 'OK from Marie' });
    await atelier.call('calendar.setStatus', { id: post.id, status: 'scheduled' });
    const history = await atelier.call('calendar.statusHistory', { id: post.id });
    expect(history.map((h) => [h.from, h.to, h.note])).toEqual([
      ['draft', 'in_review', ''],
      ['in_review', 'approved', 'OK from Marie'],
      ['approved', 'scheduled', ''],
    ]);
    expect((await atelier.call('calendar.undoState', {})).undo).toMatchObject({ key: 'undo.status', params: { title: 'Croissants', fromStatus: 'approved', toStatus: 'scheduled' }, text: 'Croissants: approved → scheduled' });
    await atelier.call('calendar.undo', {});
    expect((await atelier.call('posts.get', { id: post.id })).status).toBe('approved');
    await atelier.call('calendar.redo', {});
    expect((await atelier.call('posts.get', { id: post.id })).status).toBe('scheduled');
    expect((await atelier.call('calendar.statusHistory', { id: post.id })).map((h) => h.source)).toEqual(['user', 'user', 'user', 'undo', 'redo']);
  });

  it('keeps private notes per post', async () => {
    const { atelier, paris } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Notes' });
    const note = await atelier.call('calendar.notes.add', { postId: post.id, body: '  Ask about the logo  ' });
    expect((await atelier.call('calendar.notes.list', { postId: post.id })).map((n) => n.body)).toEqual(['Ask about the logo']);
    await atelier.call('calendar.notes.delete', { id: note.id });
    expect(await atelier.call('calendar.notes.list', { postId: post.id })).toEqual([]);
    expect((await failure(atelier.call('calendar.notes.add', { postId: post.id, body: '   ' }))).code).toBe('invalid_input');
  });
});

describe('moves, shifts, deletions and undo', () => {
  it('moves a post to another day keeping its time in the client’s zone across DST, and undoes it', async () => {
    const { atelier, paris } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Pain', at: '2026-03-27T09:00' });
    const moved = await atelier.call('calendar.move', { id: post.id, date: '2026-03-30' });
    expect(moved.post.localTime).toBe('2026-03-30T09:00');
    expect(moved.post.scheduledAt).toBe('2026-03-30T07:00:00.000Z');
    await atelier.call('calendar.undo', {});
    expect((await atelier.call('posts.get', { id: post.id })).localTime).toBe('2026-03-27T09:00');
    await atelier.call('calendar.redo', {});
    expect((await atelier.call('posts.get', { id: post.id })).localTime).toBe('2026-03-30T09:00');
  });

  it('puts a dropped unscheduled draft at 09:00 that day', async () => {
    const { atelier, ny } = await setup();
    const post = await atelier.call('posts.create', { clientId: ny.id, title: 'Everything bagel' });
    const moved = await atelier.call('calendar.move', { id: post.id, date: '2026-03-08' });
    expect(moved.post.localTime).toBe('2026-03-08T09:00');
  });

  it('reports a time moved into the spring-forward gap', async () => {
    const { atelier, ny } = await setup();
    const post = await atelier.call('posts.create', { clientId: ny.id, title: 'Night', at: '2026-03-07T02:30' });
    const moved = await atelier.call('calendar.move', { id: post.id, date: '2026-03-08' });
    expect(moved).toMatchObject({ resolution: 'shifted_forward', post: { localTime: '2026-03-08T03:30' } });
  });

  it('shifts several posts of two clients by local days, and one undo puts them all back', async () => {
    const { atelier, paris, ny } = await setup();
    const a = await atelier.call('posts.create', { clientId: paris.id, title: 'A', at: '2026-03-28T18:00' });
    const b = await atelier.call('posts.create', { clientId: ny.id, title: 'B', at: '2026-03-28T18:00' });
    const result = await atelier.call('calendar.shift', { ids: [a.id, b.id], days: 2 });
    expect(result.posts.map((p) => p.localTime)).toEqual(['2026-03-30T18:00', '2026-03-30T18:00']);
    await atelier.call('calendar.undo', {});
    const back = await atelier.call('posts.list', { from: '2026-03-01T00:00:00Z', to: '2026-04-30T00:00:00Z' });
    expect(back.map((p) => p.localTime)).toEqual(['2026-03-28T18:00', '2026-03-28T18:00']);
  });

  it('undoes a deletion', async () => {
    const { atelier, paris } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Gone', at: '2026-03-28T18:00' });
    await atelier.call('calendar.delete', { ids: [post.id] });
    expect(await atelier.call('posts.list', { clientId: paris.id })).toHaveLength(0);
    expect(await atelier.call('calendar.undo', {})).toMatchObject({ label: { key: 'undo.deleteOne', params: { title: 'Gone' }, text: 'Delete "Gone"' }, postIds: [post.id] });
    expect(await atelier.call('posts.list', { clientId: paris.id })).toHaveLength(1);
  });

  it('refuses an undo whose post changed since, drops that step, and leaves the post alone', async () => {
    const { atelier, paris, clock } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Busy', at: '2026-03-27T09:00', status: 'scheduled' });
    await atelier.call('calendar.move', { id: post.id, date: '2026-03-29' });
    // Every edit through the contract is in the history now (posts.update too); what changes a post
    // behind it is the scheduler, marking a post missed while Atelier was closed.
    clock.set(Date.parse('2026-03-30T12:00:00Z'));
    atelier.services.calendar.markMissedAtStart(0);
    const error = await failure(atelier.call('calendar.undo', {}));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/Busy changed since/);
    const after = await atelier.call('posts.get', { id: post.id });
    expect([after.localTime, after.status]).toEqual(['2026-03-29T09:00', 'missed']);
    // The stale step is gone; the post's creation is the step before it.
    expect(await atelier.call('calendar.undoState', {})).toEqual({ undo: { key: 'undo.create', params: { title: 'Busy' }, text: 'Create "Busy"' }, redo: null });
  });

  it('clears redo when a new operation happens, and does not move a published post', async () => {
    const { atelier, paris } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Once', at: '2026-03-27T09:00' });
    await atelier.call('calendar.move', { id: post.id, date: '2026-03-28' });
    await atelier.call('calendar.undo', {});
    await atelier.call('calendar.move', { id: post.id, date: '2026-03-29' });
    expect((await atelier.call('calendar.undoState', {})).redo).toBeNull();
    await atelier.call('calendar.setStatus', { id: post.id, status: 'scheduled' });
    await atelier.call('calendar.markPublished', { id: post.id, url: 'https://instagram.com/p/abc' });
    expect((await atelier.call('posts.get', { id: post.id })).status).toBe('published');
    expect((await failure(atelier.call('calendar.move', { id: post.id, date: '2026-03-30' }))).message).toMatch(/already published/);
  });
});

describe('queue', () => {
  it('adds posts to the next free slots in the client’s zone and schedules them', async () => {
    const { atelier, ny } = await setup(Date.parse('2026-03-06T12:00:00Z')); // Friday
    await atelier.call('calendar.slots.add', { clientId: ny.id, network: 'instagram', weekday: 7, time: '10:00' });
    await atelier.call('calendar.slots.add', { clientId: ny.id, network: 'instagram', weekday: 1, time: '08:30' });
    const dup = await failure(atelier.call('calendar.slots.add', { clientId: ny.id, network: 'instagram', weekday: 1, time: '08:30' }));
    expect(dup.code).toBe('conflict');
    expect((await atelier.call('calendar.slots.list', { clientId: ny.id })).map((s) => [s.weekday, s.time])).toEqual([
      [7, '10:00'],
      [1, '08:30'],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)));
    const a = await atelier.call('posts.create', { clientId: ny.id, title: 'A', networks: ['instagram'] });
    const b = await atelier.call('posts.create', { clientId: ny.id, title: 'B', networks: ['instagram'] });
    const first = await atelier.call('calendar.addToQueue', { id: a.id });
    const second = await atelier.call('calendar.addToQueue', { id: b.id });
    expect(first.post).toMatchObject({ localTime: '2026-03-08T10:00', status: 'scheduled', scheduledAt: '2026-03-08T14:00:00.000Z' }); // EDT
    expect(second.post.localTime).toBe('2026-03-09T08:30');
  });

  it('explains when a post has no network or the client has no slots', async () => {
    const { atelier, ny } = await setup();
    const bare = await atelier.call('posts.create', { clientId: ny.id, title: 'Bare' });
    expect((await failure(atelier.call('calendar.addToQueue', { id: bare.id }))).message).toMatch(/no network/);
    const post = await atelier.call('posts.create', { clientId: ny.id, title: 'X', networks: ['x'] });
    expect((await failure(atelier.call('calendar.addToQueue', { id: post.id }))).message).toMatch(/no x queue slots/);
  });

  it('inserts a post and pushes the following ones, undoable as one step', async () => {
    const { atelier, paris } = await setup(Date.parse('2026-03-02T06:00:00Z'));
    for (const weekday of [1, 3, 5]) await atelier.call('calendar.slots.add', { clientId: paris.id, network: 'linkedin', weekday, time: '09:00' });
    const ids: string[] = [];
    for (const title of ['Mon', 'Wed', 'Fri']) {
      const p = await atelier.call('posts.create', { clientId: paris.id, title, networks: ['linkedin'] });
      await atelier.call('calendar.addToQueue', { id: p.id });
      ids.push(p.id);
    }
    const urgent = await atelier.call('posts.create', { clientId: paris.id, title: 'Urgent', networks: ['linkedin'] });
    const result = await atelier.call('calendar.insertAndPush', { id: urgent.id, at: '2026-03-04T09:00' });
    expect(result.posts.map((p) => [p.title, p.localTime])).toEqual([
      ['Urgent', '2026-03-04T09:00'],
      ['Wed', '2026-03-06T09:00'],
      ['Fri', '2026-03-09T09:00'],
    ]);
    await atelier.call('calendar.undo', {});
    const after = await atelier.call('posts.list', { clientId: paris.id });
    expect(after.map((p) => [p.title, p.localTime])).toEqual([
      ['Mon', '2026-03-02T09:00'],
      ['Wed', '2026-03-04T09:00'],
      ['Fri', '2026-03-06T09:00'],
      ['Urgent', null],
    ]);
  });
});

describe('recurring posts', () => {
  it('repeats weekly at the same local time, keeps an edited occurrence when the rule changes, and undoes', async () => {
    const { atelier, paris } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Tip', at: '2026-03-23T09:00', networks: ['instagram'] });
    const first = await atelier.call('calendar.repeat', { id: post.id, rule: 'FREQ=WEEKLY', count: 4 });
    expect(first.posts.map((p) => p.localTime)).toEqual(['2026-03-23T09:00', '2026-03-30T09:00', '2026-04-06T09:00', '2026-04-13T09:00']);
    expect(first.posts[1]!.scheduledAt).toBe('2026-03-30T07:00:00.000Z'); // after the change to summer time
    expect(first.posts[1]!.variants.map((v) => v.network)).toEqual(['instagram']);
    // Edit one occurrence, then change the series to 3 posts every two weeks.
    await atelier.call('calendar.move', { id: first.posts[2]!.id, at: '2026-04-07T11:00' });
    const second = await atelier.call('calendar.repeat', { id: post.id, rule: 'FREQ=WEEKLY;INTERVAL=2', count: 3 });
    expect(second.seriesId).toBe(first.seriesId);
    const all = await atelier.call('posts.list', { clientId: paris.id });
    // The 6 April occurrence was edited (moved to the 7th at 11:00): it stands in for its date.
    expect(all.map((p) => p.localTime)).toEqual(['2026-03-23T09:00', '2026-04-07T11:00', '2026-04-20T09:00']);
    await atelier.call('calendar.undo', {});
    expect((await atelier.call('posts.list', { clientId: paris.id })).map((p) => p.localTime)).toEqual([
      '2026-03-23T09:00',
      '2026-03-30T09:00',
      '2026-04-07T11:00',
      '2026-04-13T09:00',
    ]);
  });

  it('explains a rule without an end', async () => {
    const { atelier, paris } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Tip', at: '2026-03-23T09:00' });
    const error = await failure(atelier.call('calendar.repeat', { id: post.id, rule: 'FREQ=DAILY' }));
    expect(error.message).toMatch(/needs an end/);
    expect(await atelier.call('posts.list', { clientId: paris.id })).toHaveLength(1);
  });
});

describe('calendar range and warnings', () => {
  it('returns each client’s posts by its own calendar days, unscheduled drafts, and warnings', async () => {
    const { atelier, paris, ny } = await setup();
    // 23:30 on 31 March in New York is 1 April in UTC and in Paris.
    await atelier.call('posts.create', { clientId: ny.id, title: 'Late', at: '2026-03-31T23:30', networks: ['x'] });
    await atelier.call('posts.create', { clientId: ny.id, title: 'Later', at: '2026-03-31T23:50', networks: ['x'] });
    await atelier.call('posts.create', { clientId: paris.id, title: 'April', at: '2026-04-01T00:30' });
    await atelier.call('posts.create', { clientId: paris.id, title: 'Idea' });
    const march = await atelier.call('calendar.range', { from: '2026-03-01', to: '2026-03-31' });
    expect(march.posts.map((p) => p.title)).toEqual(['Late', 'Later']);
    expect(march.unscheduled.map((p) => p.title)).toEqual(['Idea']);
    expect(march.warnings).toContainEqual(expect.objectContaining({ kind: 'too_close', network: 'x', minutes: 20 }));
    const parisApril = await atelier.call('calendar.range', { clientId: paris.id, from: '2026-04-01', to: '2026-04-30', maxGapDays: 10 });
    expect(parisApril.posts.map((p) => p.title)).toEqual(['April']);
    expect(parisApril.warnings).toEqual([{ kind: 'gap', clientId: paris.id, fromDate: '2026-04-01', toDate: '2026-04-30', days: 29 }]);
  });
});

describe('the grid’s period (calendar.grid) and an opened post (calendar.post)', () => {
  it('gives the grid each post as its card shows it, the same posts and warnings as calendar.range, and the whole post when opened', async () => {
    const { atelier, paris, ny } = await setup();
    const long = 'A long caption the grid never shows. '.repeat(40);
    const launch = await atelier.call('posts.create', {
      clientId: paris.id,
      title: 'Launch',
      at: '2026-04-02T09:00',
      labels: ['promo'],
      campaign: 'Spring',
      notes: 'Private: call the baker first',
      variants: [
        { network: 'instagram', caption: 'Instagram’s own words' },
        { network: 'x', caption: null },
      ],
      caption: long,
    });
    await atelier.call('posts.create', { clientId: paris.id, title: 'Follow-up', at: '2026-04-02T09:30', networks: ['instagram'] });
    await atelier.call('posts.create', { clientId: ny.id, title: 'Bagels', at: '2026-04-02T08:00', networks: ['x'] });
    await atelier.call('posts.create', { clientId: paris.id, title: 'Idea', networks: ['linkedin'] });
    const query = { from: '2026-04-01', to: '2026-04-30' };
    const grid = await atelier.call('calendar.grid', query);
    const full = await atelier.call('calendar.range', query);

    // What a card shows: title, time in the client's zone, status, networks (once each, in order).
    const card = grid.posts.find((p) => p.id === launch.id)!;
    expect(card).toEqual({
      id: launch.id,
      clientId: paris.id,
      title: 'Launch',
      status: 'draft',
      scheduledAt: '2026-04-02T07:00:00.000Z',
      localTime: '2026-04-02T09:00',
      labels: ['promo'],
      campaign: 'Spring',
      networks: ['instagram', 'x'],
      createdAt: launch.createdAt,
      updatedAt: launch.updatedAt,
    });
    // No caption, notes or network texts travel with the grid.
    expect(JSON.stringify(grid)).not.toMatch(/long caption|Private|Instagram’s own/);
    // The same posts, drafts, order, warnings and clients as the full query.
    expect(grid.posts.map((p) => [p.id, p.localTime])).toEqual(full.posts.map((p) => [p.id, p.localTime]));
    expect(grid.unscheduled.map((p) => [p.title, p.networks])).toEqual([['Idea', ['linkedin']]]);
    expect(grid.warnings).toEqual(full.warnings);
    expect(grid.warnings).toContainEqual(expect.objectContaining({ kind: 'too_close', network: 'instagram' }));
    expect(grid.clients).toEqual(full.clients);

    // Opened, the post is whole: its caption, its network texts and its notes.
    const opened = await atelier.call('calendar.post', { id: launch.id });
    expect(opened).toEqual(full.posts.find((p) => p.id === launch.id));
    expect(opened.caption).toBe(long);
    expect(opened.notes).toBe('Private: call the baker first');
    expect(opened.variants.find((v) => v.network === 'instagram')?.caption).toBe('Instagram’s own words');
    await atelier.call('calendar.delete', { ids: [launch.id] });
    expect((await failure(atelier.call('calendar.post', { id: launch.id }))).code).toBe('not_found');
  });
});

describe('due reminders', () => {
  function fakeTimers() {
    const pending: { fn: () => void; ms: number }[] = [];
    const timers: Timers = {
      set: (fn, ms) => {
        const entry = { fn, ms };
        pending.push(entry);
        return entry;
      },
      clear: (handle) => {
        const i = pending.indexOf(handle as (typeof pending)[number]);
        if (i >= 0) pending.splice(i, 1);
      },
    };
    return { timers, fire: () => pending.shift()?.fn(), next: () => pending[0]?.ms };
  }

  it('marks posts whose time passed while closed as missed and lists them; emits post.due once when a time comes', async () => {
    const { atelier, paris, clock } = await setup(Date.parse('2026-03-20T12:00:00Z'));
    const calendar = atelier.services.calendar;
    const past = await atelier.call('posts.create', { clientId: paris.id, title: 'Past', at: '2026-03-19T09:00', status: 'scheduled' });
    const soon = await atelier.call('posts.create', { clientId: paris.id, title: 'Soon', at: '2026-03-20T14:00', status: 'scheduled' });
    const draft = await atelier.call('posts.create', { clientId: paris.id, title: 'Draft', at: '2026-03-19T10:00' });
    const heard: string[][] = [];
    atelier.events.subscribe((name, payload) => {
      if (name === 'post.due') heard.push((payload as { ids: string[] }).ids);
    });
    const t = fakeTimers();
    const scheduler = createDueScheduler(calendar, atelier.events, { clock, timers: t.timers, maxSleepMs: 3_600_000 });
    expect(scheduler.start()).toEqual({ missed: [past.id], due: [] });
    expect((await atelier.call('calendar.missed', {})).map((p) => p.title)).toEqual(['Past']);
    expect((await atelier.call('posts.get', { id: draft.id })).status).toBe('draft');
    expect((await atelier.call('calendar.statusHistory', { id: past.id })).at(-1)).toMatchObject({ to: 'missed', source: 'scheduler' });
    // It sleeps until Soon's time (13:00 UTC, an hour ahead).
    expect(t.next()).toBe(3_600_000);
    clock.set(Date.parse('2026-03-20T13:00:00Z'));
    t.fire();
    expect(heard).toEqual([[soon.id]]);
    expect((await atelier.call('calendar.due', {})).map((p) => p.title)).toEqual(['Soon']);
    t.fire();
    expect(heard).toHaveLength(1);
    scheduler.stop();
  });
});
