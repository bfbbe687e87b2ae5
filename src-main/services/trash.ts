// The trash: everything a user deletes stays restorable for 30 days, then a purge job removes it.
// Each kind is one `TrashSource`; a feature that gains soft deletion adds one line to `sources`.
import type { TrashItem } from '../contract/api/trash';
import type { trashMethods } from '../contract/api/trash';
import { AtelierError } from '../contract/errors';
import type { HandlersFor } from '../contract/handlers';
import { createTrashRepository, type TrashRow } from '../db/repositories/trash';
import type { ClientService } from './clients';
import { iso } from './convert';
import type { Library } from './library';
import type { PostService } from './posts';

export const TRASH_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export interface TrashSource {
  kind: TrashItem['kind'];
  list(): TrashRow[];
  restore(id: string): { id: string; name: string };
  /** Removes for good what was deleted before `cutoff`; returns how many. */
  purge(cutoff: number): number;
}

export function createTrashService(lib: Library, deps: { clients: ClientService; posts: PostService }) {
  const repo = createTrashRepository(lib.db);
  const sources: TrashSource[] = [
    { kind: 'client', list: () => repo.list('clients'), restore: (id) => deps.clients.restore(id), purge: (cutoff) => repo.purge('clients', cutoff) },
    { kind: 'post', list: () => repo.list('posts'), restore: (id) => { const p = deps.posts.restore(id); return { id: p.id, name: p.title }; }, purge: (cutoff) => repo.purge('posts', cutoff) },
    {
      kind: 'design',
      // Templates are not designs people delete from the gallery: they stay out of the trash list.
      list: () => repo.list('designs').filter((row) => lib.designs.get(row.id)?.is_template !== 1),
      restore: (id) => {
        lib.designs.setDeleted(id, null, lib.clock.now());
        return { id, name: lib.designs.get(id)?.name ?? id };
      },
      purge: (cutoff) => {
        // A purged design no longer holds its photos: its asset references go with it.
        lib.db.prepare("DELETE FROM asset_refs WHERE owner_type = 'design' AND owner_id IN (SELECT id FROM designs WHERE deleted_at IS NOT NULL AND deleted_at < ?)").run(cutoff);
        return repo.purge('designs', cutoff);
      },
    },
  ];
  function source(kind: string): TrashSource {
    const found = sources.find((s) => s.kind === kind);
    if (!found) throw new AtelierError('unsupported', `Nothing of kind ${kind} goes to the trash.`, { kind }, { key: 'trash.unknownKind' });
    return found;
  }
  return {
    list(): TrashItem[] {
      return sources
        .flatMap((s) => s.list().map((row) => ({ kind: s.kind, id: row.id, name: row.name, deletedAt: iso(row.deleted_at), purgeAt: iso(row.deleted_at + TRASH_RETENTION_MS) })))
        .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
    },
    restore(kind: TrashItem['kind'], id: string): { kind: TrashItem['kind']; id: string; name: string } {
      const s = source(kind);
      if (!s.list().some((row) => row.id === id)) throw new AtelierError('not_found', `No ${kind} with id ${id} in the trash.`, { kind, id }, { key: 'trash.notFound' });
      const restored = s.restore(id);
      return { kind, id: restored.id, name: restored.name };
    },
    /** The purge job: runs at start and daily while the app is open. */
    purge(): number {
      const cutoff = lib.clock.now() - TRASH_RETENTION_MS;
      return lib.write(() => sources.reduce((n, s) => n + s.purge(cutoff), 0));
    },
  };
}

export type TrashService = ReturnType<typeof createTrashService>;

export function trashHandlers(trash: TrashService): HandlersFor<typeof trashMethods> {
  return {
    'trash.list': () => trash.list(),
    'trash.restore': ({ kind, id }) => trash.restore(kind, id),
    'trash.purge': () => ({ purged: trash.purge() }),
  };
}
