import type { In, Post, Variant } from '../contract';
import type { postMethods } from '../contract/api/posts';
import type { HandlersFor } from '../dispatch';
import { AtelierError } from '../contract/errors';
import type { NetworkId, PostStatus } from '../core/domain/posts';
import { approve, checkTransition, describeProblem } from '../core/schedule/workflow';
import { instantToWallClock, wallClockToInstant } from '../core/time/zones';
import type { PostRow, VariantRow } from '../db/repositories/posts';
import { createSchedulingRepository } from '../db/repositories/scheduling';
import { iso, isoOrNull } from './convert';
import type { EventBus } from './events';
import type { Library } from './library';

function toVariant(row: VariantRow): Variant {
  return {
    id: row.id,
    network: row.network as NetworkId,
    caption: row.caption,
    followsMaster: row.follows_master === 1,
    designId: row.design_id,
    pageIndex: row.page_index,
    firstComment: row.first_comment,
  };
}

export function toPost(row: PostRow, timeZone: string, variants: readonly VariantRow[]): Post {
  return {
    id: row.id,
    clientId: row.client_id,
    title: row.title,
    status: row.status as PostStatus,
    caption: row.caption,
    scheduledAt: isoOrNull(row.scheduled_at),
    timeZone,
    localTime: row.scheduled_at === null ? null : instantToWallClock(row.scheduled_at, timeZone),
    labels: JSON.parse(row.labels) as string[],
    campaign: row.campaign,
    notes: row.notes,
    variants: variants.map(toVariant),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    deletedAt: isoOrNull(row.deleted_at),
  };
}

export function createPostService(lib: Library, events: EventBus) {
  const scheduling = createSchedulingRepository(lib.db);
  function activeClient(id: string) {
    const client = lib.clients.get(id);
    if (!client || client.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${id}.`, { field: 'clientId', id }, { key: 'clients.notFound' });
    return client;
  }
  function requireRow(id: string): PostRow {
    const row = lib.posts.get(id);
    if (!row) throw new AtelierError('not_found', `No post with id ${id}.`, { id }, { key: 'posts.notFound' });
    return row;
  }
  /** Resolves `at` (the client's wall clock) or `scheduledAt` (an instant) to epoch ms. */
  function instantFrom(input: { at?: string | null; scheduledAt?: string | null }, timeZone: string): number | null | undefined {
    if (input.at === null || input.scheduledAt === null) return null;
    if (input.scheduledAt !== undefined) return Date.parse(input.scheduledAt);
    if (input.at === undefined) return undefined;
    const resolved = wallClockToInstant(input.at, timeZone);
    if (!resolved) {
      throw new AtelierError('invalid_input', `${input.at} is not a real date and time.`, { field: 'at', value: input.at }, { key: 'posts.notRealTime', params: { value: input.at } });
    }
    return resolved.instantMs;
  }
  function hydrate(rows: readonly PostRow[]): Post[] {
    const zones = new Map<string, string>();
    const variants = lib.posts.variantsByPost(rows.map((r) => r.id));
    return rows.map((row) => {
      let zone = zones.get(row.client_id);
      if (zone === undefined) {
        zone = lib.clients.get(row.client_id)?.time_zone ?? 'UTC';
        zones.set(row.client_id, zone);
      }
      return toPost(row, zone, variants.get(row.id) ?? []);
    });
  }
  function getPost(id: string): Post {
    return hydrate([requireRow(id)])[0]!;
  }
  function changed(row: PostRow): void {
    events.emit('posts.changed', { ids: [row.id], clientIds: [row.client_id] });
  }

  return {
    list(query: In<'posts.list'>): Post[] {
      if (query.clientId) activeClient(query.clientId);
      const fromMs = query.from ? Date.parse(query.from) : undefined;
      const toMs = query.to ? Date.parse(query.to) : undefined;
      if (fromMs !== undefined && toMs !== undefined && toMs < fromMs) {
        throw new AtelierError('invalid_input', 'The end of the period comes before its start.', { field: 'to' }, { key: 'period.endBeforeStart' });
      }
      return hydrate(
        lib.posts.list({
          clientId: query.clientId,
          fromMs,
          toMs,
          statuses: query.status,
          includeUnscheduled: query.includeUnscheduled,
          limit: query.limit,
        }),
      );
    },
    get: getPost,
    create(input: In<'posts.create'>): Post {
      const row = lib.write(() => {
        const client = activeClient(input.clientId);
        const now = lib.clock.now();
        const created: PostRow = {
          id: lib.ids(),
          client_id: client.id,
          title: input.title.trim(),
          status: input.status ?? 'draft',
          caption: input.caption ?? '',
          scheduled_at: instantFrom(input, client.time_zone) ?? null,
          labels: JSON.stringify(input.labels ?? []),
          campaign: input.campaign ?? '',
          notes: input.notes ?? '',
          created_at: now,
          updated_at: now,
          deleted_at: null,
        };
        lib.posts.insert(created);
        for (const network of new Set(input.networks ?? [])) {
          lib.posts.insertVariant({
            id: lib.ids(),
            post_id: created.id,
            network,
            caption: created.caption,
            follows_master: 1,
            design_id: null,
            page_index: null,
            first_comment: '',
            created_at: now,
            updated_at: now,
          });
        }
        return created;
      });
      changed(row);
      return getPost(row.id);
    },
    update(input: In<'posts.update'>): Post {
      const row = lib.write(() => {
        const current = requireRow(input.id);
        const client = activeClient(current.client_id);
        const now = lib.clock.now();
        const scheduledAt = instantFrom(input, client.time_zone);
        const from = current.status as PostStatus;
        // Approving an approved, scheduled or published post keeps its status (workflow.ts `approve`).
        const wanted = input.status === 'approved' ? approve(from) : input.status;
        const statusChange = wanted !== undefined && wanted !== from ? wanted : undefined;
        if (statusChange) {
          // The same workflow rules as the calendar's status menu (approval mode, a time to schedule),
          // and the same history, so no path around review exists.
          const hasTime = (scheduledAt === undefined ? current.scheduled_at : scheduledAt) !== null;
          const check = checkTransition(from, statusChange, { approvalMode: client.approval_mode, hasTime });
          if (!check.ok) {
            throw AtelierError.fromMessage('conflict', describeProblem(check.problem, current.title, from, statusChange), { field: 'status', problem: check.problem });
          }
          scheduling.addHistory({ post_id: current.id, from_status: from, to_status: statusChange, source: 'user', note: '', at: now });
        }
        lib.posts.update(
          input.id,
          {
            title: input.title?.trim(),
            status: statusChange,
            caption: input.caption,
            scheduled_at: scheduledAt,
            labels: input.labels ? JSON.stringify(input.labels) : undefined,
            campaign: input.campaign,
            notes: input.notes,
          },
          now,
        );
        if (input.caption !== undefined) lib.posts.syncFollowingVariants(input.id, input.caption, now);
        return requireRow(input.id);
      });
      changed(row);
      return getPost(row.id);
    },
    remove(id: string): Post {
      const row = lib.write(() => {
        const current = requireRow(id);
        if (current.deleted_at === null) {
          const now = lib.clock.now();
          lib.posts.setDeleted(id, now, now);
        }
        return requireRow(id);
      });
      changed(row);
      return getPost(id);
    },
    restore(id: string): Post {
      const row = lib.write(() => {
        const current = requireRow(id);
        activeClient(current.client_id);
        lib.posts.setDeleted(id, null, lib.clock.now());
        return requireRow(id);
      });
      changed(row);
      return getPost(id);
    },
  };
}

export type PostService = ReturnType<typeof createPostService>;

export function postHandlers(posts: PostService): HandlersFor<typeof postMethods> {
  return {
    'posts.list': (input) => posts.list(input),
    'posts.get': ({ id }) => posts.get(id),
    'posts.create': (input) => posts.create(input),
    'posts.update': (input) => posts.update(input),
    'posts.delete': ({ id }) => posts.remove(id),
    'posts.restore': ({ id }) => posts.restore(id),
  };
}
