import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-main/contract';
import { testAtelier } from '../../helpers/app';

let t: ReturnType<typeof testAtelier>;
afterEach(() => t?.cleanup());

function recordEvents() {
  const seen: { name: EventName; payload: unknown }[] = [];
  t.atelier.events.subscribe((name, payload) => seen.push({ name, payload }));
  return seen;
}

describe('clients', () => {
  it('creates, renames, changes zone and colour, and announces each change', async () => {
    t = testAtelier();
    const seen = recordEvents();
    const c = await t.atelier.call('clients.create', { name: '  Maison Lumière ', timeZone: 'Europe/Paris' });
    expect(c.name).toBe('Maison Lumière');
    expect(c.color).toMatch(/^#[0-9a-f]{6}$/);
    t.clock.advance(1000);
    const renamed = await t.atelier.call('clients.update', { id: c.id, name: 'Lumière', timeZone: 'Asia/Tokyo', color: '#ABCDEF' });
    expect(renamed).toMatchObject({ name: 'Lumière', timeZone: 'Asia/Tokyo', color: '#abcdef' });
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThan(Date.parse(c.updatedAt));
    expect(seen.filter((e) => e.name === 'clients.changed')).toHaveLength(2);
  });

  it('deletes to the trash and restores with the posts intact', async () => {
    t = testAtelier();
    const c = await t.atelier.call('clients.create', { name: 'Acme', timeZone: 'UTC' });
    await t.atelier.call('posts.create', { clientId: c.id, title: 'Hello', at: '2026-12-10T10:00' });
    await t.atelier.call('clients.delete', { id: c.id });
    expect(await t.atelier.call('clients.list', {})).toEqual([]);
    expect(await t.atelier.call('posts.list', {})).toEqual([]);
    expect((await t.atelier.call('clients.list', { includeDeleted: true }))[0]?.deletedAt).not.toBeNull();
    await t.atelier.call('clients.restore', { id: c.id });
    expect((await t.atelier.call('posts.list', { clientId: c.id })).map((p) => p.title)).toEqual(['Hello']);
  });

  it('refuses an empty name and changes nothing', async () => {
    t = testAtelier();
    const c = await t.atelier.call('clients.create', { name: 'Acme', timeZone: 'UTC' });
    await expect(t.atelier.call('clients.update', { id: c.id, name: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await t.atelier.call('clients.get', { id: c.id })).name).toBe('Acme');
  });
});

describe('posts', () => {
  it('stores the UTC instant of the client’s wall clock and shows it back in the client’s zone', async () => {
    t = testAtelier();
    const ny = await t.atelier.call('clients.create', { name: 'Harbor', timeZone: 'America/New_York' });
    const p = await t.atelier.call('posts.create', { clientId: ny.id, title: 'Launch', at: '2026-12-03T08:30', networks: ['instagram', 'x'], caption: 'Hi' });
    expect(p).toMatchObject({ scheduledAt: '2026-12-03T13:30:00.000Z', timeZone: 'America/New_York', localTime: '2026-12-03T08:30', status: 'draft' });
    expect(p.variants.map((v) => [v.network, v.caption, v.followsMaster])).toEqual([
      ['instagram', 'Hi', true],
      ['x', 'Hi', true],
    ]);
  });

  it('shows the new wall clock when the client moves to another zone (the instant stays)', async () => {
    t = testAtelier();
    const c = await t.atelier.call('clients.create', { name: 'C', timeZone: 'Europe/Paris' });
    const p = await t.atelier.call('posts.create', { clientId: c.id, title: 'P', at: '2026-12-03T09:00' });
    await t.atelier.call('clients.update', { id: c.id, timeZone: 'Europe/London' });
    const again = await t.atelier.call('posts.get', { id: p.id });
    expect(again.scheduledAt).toBe(p.scheduledAt);
    expect(again.localTime).toBe('2026-12-03T08:00');
  });

  it('updates following variants with the master caption', async () => {
    t = testAtelier();
    const c = await t.atelier.call('clients.create', { name: 'C', timeZone: 'UTC' });
    const p = await t.atelier.call('posts.create', { clientId: c.id, title: 'P', networks: ['x'], caption: 'one' });
    const updated = await t.atelier.call('posts.update', { id: p.id, caption: 'two' });
    expect(updated.variants[0]?.caption).toBe('two');
  });

  it('unschedules a post with at: null', async () => {
    t = testAtelier();
    const c = await t.atelier.call('clients.create', { name: 'C', timeZone: 'UTC' });
    const p = await t.atelier.call('posts.create', { clientId: c.id, title: 'P', at: '2026-12-03T09:00' });
    const updated = await t.atelier.call('posts.update', { id: p.id, at: null });
    expect([updated.scheduledAt, updated.localTime]).toEqual([null, null]);
  });

  it('refuses an impossible date, naming it, and stores nothing', async () => {
    t = testAtelier();
    const c = await t.atelier.call('clients.create', { name: 'C', timeZone: 'UTC' });
    await expect(t.atelier.call('posts.create', { clientId: c.id, title: 'P', at: '2026-02-30T09:00' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: '2026-02-30T09:00 is not a real date and time.',
    });
    expect(await t.atelier.call('posts.list', {})).toEqual([]);
  });

  it('refuses a post for an unknown client', async () => {
    t = testAtelier();
    await expect(t.atelier.call('posts.create', { clientId: 'ghost', title: 'P' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('filters by period and status', async () => {
    t = testAtelier();
    const c = await t.atelier.call('clients.create', { name: 'C', timeZone: 'UTC' });
    await t.atelier.call('posts.create', { clientId: c.id, title: 'Nov', at: '2026-11-30T23:59' });
    await t.atelier.call('posts.create', { clientId: c.id, title: 'Dec', at: '2026-12-01T00:00', status: 'approved' });
    await t.atelier.call('posts.create', { clientId: c.id, title: 'Dec draft', at: '2026-12-15T00:00' });
    const dec = await t.atelier.call('posts.list', { clientId: c.id, from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    expect(dec.map((p) => p.title)).toEqual(['Dec', 'Dec draft']);
    const approved = await t.atelier.call('posts.list', { status: ['approved'] });
    expect(approved.map((p) => p.title)).toEqual(['Dec']);
    await expect(t.atelier.call('posts.list', { from: '2027-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('settings, doctor and demo', () => {
  it('remembers preferences', async () => {
    t = testAtelier();
    expect(await t.atelier.call('settings.get', {})).toEqual({ language: 'system', theme: 'system' });
    await t.atelier.call('settings.update', { language: 'fr' });
    expect(await t.atelier.call('settings.get', {})).toEqual({ language: 'fr', theme: 'system' });
  });

  it('seeds a demo library of two clients in different zones with a month of posts', async () => {
    t = testAtelier();
    const result = await t.atelier.call('app.seedDemo', {});
    expect(result.clients).toBe(2);
    expect(result.posts).toBeGreaterThanOrEqual(18);
    const clients = await t.atelier.call('clients.list', {});
    expect(new Set(clients.map((c) => c.timeZone)).size).toBe(2);
    const posts = await t.atelier.call('posts.list', {});
    const scheduled = posts.filter((p) => p.scheduledAt);
    const now = t.clock.now();
    expect(scheduled.every((p) => Date.parse(p.scheduledAt!) > now && Date.parse(p.scheduledAt!) < now + 35 * 86_400_000)).toBe(true);
    expect(posts.every((p) => p.variants.length >= 3)).toBe(true);
    const doctor = await t.atelier.call('app.doctor', {});
    expect(doctor).toMatchObject({ ok: true, integrity: 'ok', foreignKeyProblems: 0, counts: { clients: 2, designs: result.designs } });
  });
});
