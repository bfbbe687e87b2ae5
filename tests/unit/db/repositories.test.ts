import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src-main/services/library';
import { manualClock, sequentialIds, tempDir } from '../../helpers/temp';

let temp: ReturnType<typeof tempDir>;
let lib: Library;
afterEach(() => {
  lib?.close();
  temp?.cleanup();
});

function setup() {
  temp = tempDir();
  lib = openLibrary({ dataDir: temp.dir, clock: manualClock(), ids: sequentialIds() });
  return lib;
}

const client = (id: string, name: string, deleted: number | null = null) => ({
  id,
  name,
  time_zone: 'Europe/Paris',
  color: '#123456',
  notes: '',
  approval_mode: 'none' as const,
  created_at: 1,
  updated_at: 1,
  deleted_at: deleted,
});

const post = (id: string, clientId: string, at: number | null) => ({
  id,
  client_id: clientId,
  title: id,
  status: 'draft',
  caption: '',
  scheduled_at: at,
  labels: '[]',
  campaign: '',
  notes: '',
  created_at: 1,
  updated_at: 1,
  deleted_at: null,
});

describe('clients repository', () => {
  it('lists active clients by name, case-insensitively, and finds one by name', () => {
    setup();
    lib.write(() => {
      lib.clients.insert(client('a', 'zeta'));
      lib.clients.insert(client('b', 'Alpha'));
      lib.clients.insert(client('c', 'beta', 5));
    });
    expect(lib.clients.list().map((c) => c.name)).toEqual(['Alpha', 'zeta']);
    expect(lib.clients.list({ includeDeleted: true }).map((c) => c.name)).toEqual(['Alpha', 'beta', 'zeta']);
    expect(lib.clients.findByName('ALPHA')?.id).toBe('b');
    expect(lib.clients.findByName('beta')).toBeUndefined(); // deleted
  });

  it('updates only the given fields', () => {
    setup();
    lib.write(() => lib.clients.insert(client('a', 'Old')));
    lib.write(() => lib.clients.update('a', { name: 'New', color: undefined }, 99));
    const row = lib.clients.get('a')!;
    expect([row.name, row.color, row.updated_at]).toEqual(['New', '#123456', 99]);
  });
});

describe('posts repository', () => {
  it('returns one client’s month in time order, without other clients, deleted or unscheduled posts', () => {
    setup();
    const dec = Date.parse('2026-12-01T00:00:00Z');
    const jan = Date.parse('2027-01-01T00:00:00Z');
    lib.write(() => {
      lib.clients.insert(client('a', 'A'));
      lib.clients.insert(client('b', 'B'));
      lib.posts.insert(post('late', 'a', dec + 20 * 86_400_000));
      lib.posts.insert(post('early', 'a', dec + 86_400_000));
      lib.posts.insert(post('edge-out', 'a', jan));
      lib.posts.insert(post('edge-in', 'a', dec));
      lib.posts.insert(post('other', 'b', dec + 5));
      lib.posts.insert(post('idea', 'a', null));
      lib.posts.insert({ ...post('gone', 'a', dec + 7), deleted_at: 3 });
    });
    expect(lib.posts.listClientRange('a', dec, jan).map((p) => p.id)).toEqual(['edge-in', 'early', 'late']);
    expect(lib.posts.list({ clientId: 'a', fromMs: dec, toMs: jan, includeUnscheduled: true }).map((p) => p.id)).toEqual([
      'edge-in',
      'early',
      'late',
      'idea',
    ]);
  });

  it('hides a deleted client’s posts from lists', () => {
    setup();
    lib.write(() => {
      lib.clients.insert(client('a', 'A', 10));
      lib.posts.insert(post('p', 'a', 1000));
    });
    expect(lib.posts.list({})).toEqual([]);
    expect(lib.posts.list({ includeDeleted: true }).map((p) => p.id)).toEqual(['p']);
  });

  it('refuses a post for a client that does not exist (foreign keys are on)', () => {
    setup();
    expect(() => lib.write(() => lib.posts.insert(post('p', 'nobody', null)))).toThrow(/FOREIGN KEY/);
    expect(lib.posts.list({ includeDeleted: true })).toEqual([]);
  });

  it('groups variants by post in one query', () => {
    setup();
    lib.write(() => {
      lib.clients.insert(client('a', 'A'));
      lib.posts.insert(post('p1', 'a', null));
      lib.posts.insert(post('p2', 'a', null));
      for (const [id, postId, network] of [
        ['v1', 'p1', 'x'],
        ['v2', 'p1', 'instagram'],
        ['v3', 'p2', 'x'],
      ] as const) {
        lib.posts.insertVariant({ id, post_id: postId, network, caption: '', follows_master: 1, design_id: null, page_index: null, first_comment: '', created_at: 1, updated_at: 1 });
      }
    });
    const grouped = lib.posts.variantsByPost(['p1', 'p2', 'p3']);
    expect(grouped.get('p1')?.map((v) => v.network).sort()).toEqual(['instagram', 'x']);
    expect(grouped.get('p2')?.map((v) => v.id)).toEqual(['v3']);
    expect(grouped.has('p3')).toBe(false);
  });

  it('refuses two variants of the same post for the same network', () => {
    setup();
    lib.write(() => {
      lib.clients.insert(client('a', 'A'));
      lib.posts.insert(post('p1', 'a', null));
    });
    const v = { post_id: 'p1', network: 'x', caption: '', follows_master: 1 as const, design_id: null, page_index: null, first_comment: '', created_at: 1, updated_at: 1 };
    lib.write(() => lib.posts.insertVariant({ ...v, id: 'v1' }));
    expect(() => lib.write(() => lib.posts.insertVariant({ ...v, id: 'v2' }))).toThrow(/UNIQUE/);
  });
});

describe('settings repository', () => {
  it('stores JSON values and overwrites by key', () => {
    setup();
    lib.write(() => lib.settings.set('k', { a: 1 }));
    lib.write(() => lib.settings.set('k', { a: 2 }));
    expect(lib.settings.get('k')).toEqual({ a: 2 });
    expect(lib.settings.get('missing')).toBeUndefined();
  });
});
