import { afterEach, describe, expect, it } from 'vitest';
import { TRASH_RETENTION_MS } from '../../../src-main/services/trash';
import { dumpDatabase, safetyAtelier } from '../../helpers/safety';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function lib(options: Parameters<typeof safetyAtelier>[0] = {}) {
  const made = safetyAtelier(options);
  cleanups.push(() => made.cleanup());
  return made;
}
const DAY = 24 * 60 * 60 * 1000;

describe('trash', () => {
  it('lists deleted clients and posts with the day they will be purged, and restores them', async () => {
    const t = lib();
    const acme = await t.atelier.call('clients.create', { name: 'Acme', timeZone: 'UTC' });
    const post = await t.atelier.call('posts.create', { clientId: acme.id, title: 'Launch' });
    await t.atelier.call('posts.delete', { id: post.id });
    t.clock.advance(1000);
    const other = await t.atelier.call('clients.create', { name: 'Other', timeZone: 'UTC' });
    await t.atelier.call('clients.delete', { id: other.id });
    const items = await t.atelier.call('trash.list', {});
    expect(items.map((i) => [i.kind, i.name])).toEqual([
      ['client', 'Other'],
      ['post', 'Launch'],
    ]);
    expect(Date.parse(items[1]!.purgeAt) - Date.parse(items[1]!.deletedAt)).toBe(TRASH_RETENTION_MS);
    expect(await t.atelier.call('trash.restore', { kind: 'post', id: post.id })).toEqual({ kind: 'post', id: post.id, name: 'Launch' });
    expect((await t.atelier.call('posts.get', { id: post.id })).deletedAt).toBeNull();
    expect((await t.atelier.call('trash.list', {})).map((i) => i.name)).toEqual(['Other']);
  });

  it('restoring something that is not in the trash is a clear not_found and changes nothing', async () => {
    const t = lib();
    const acme = await t.atelier.call('clients.create', { name: 'Acme', timeZone: 'UTC' });
    const before = dumpDatabase(t.atelier.paths.database);
    await expect(t.atelier.call('trash.restore', { kind: 'client', id: acme.id })).rejects.toThrow(/No client with id .* in the trash/);
    await expect(t.atelier.call('trash.restore', { kind: 'post', id: 'nope' })).rejects.toThrow(/No post with id nope in the trash/);
    expect(dumpDatabase(t.atelier.paths.database)).toEqual(before);
  });

  it('keeps deleted items 30 days, then the purge job removes them (and a deleted client takes its posts)', async () => {
    const t = lib({ autoBackup: true });
    const acme = await t.atelier.call('clients.create', { name: 'Acme', timeZone: 'UTC' });
    const kept = await t.atelier.call('clients.create', { name: 'Kept', timeZone: 'UTC' });
    await t.atelier.call('posts.create', { clientId: acme.id, title: 'Goes with Acme', networks: ['instagram'] });
    const late = await t.atelier.call('posts.create', { clientId: kept.id, title: 'Deleted later' });
    await t.atelier.call('clients.delete', { id: acme.id });
    t.clock.advance(10 * DAY);
    await t.atelier.call('posts.delete', { id: late.id });
    t.clock.advance(20 * DAY - 1000);
    t.timers.tick();
    expect((await t.atelier.call('trash.list', {})).map((i) => i.name)).toEqual(['Deleted later', 'Acme']);
    t.clock.advance(2000);
    t.timers.tick();
    expect((await t.atelier.call('trash.list', {})).map((i) => i.name)).toEqual(['Deleted later']);
    const rows = dumpDatabase(t.atelier.paths.database);
    expect((rows.posts as { title: string }[]).map((p) => p.title)).toEqual(['Deleted later']);
    expect(rows.post_variants).toEqual([]);
    t.clock.advance(10 * DAY);
    expect(await t.atelier.call('trash.purge', {})).toEqual({ purged: 1 });
    expect(await t.atelier.call('trash.list', {})).toEqual([]);
    expect((await t.atelier.call('clients.list', {})).map((c) => c.name)).toEqual(['Kept']);
  });
});
