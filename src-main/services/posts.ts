import type { In, Post, Variant, VariantInput } from '../contract';
import type { postMethods } from '../contract/api/posts';
import type { HandlersFor } from '../contract/handlers';
import { AtelierError } from '../contract/errors';
import type { NetworkId, PostStatus } from '../core/domain/posts';
import { message, type Message } from '../core/messages';
import { approve, checkTransition, describeProblem } from '../core/schedule/workflow';
import { instantToWallClock, wallClockToInstant } from '../core/time/zones';
import type { PostRow, VariantRow } from '../db/repositories/posts';
import { createSchedulingRepository } from '../db/repositories/scheduling';
import type { ClientRow } from '../db/repositories/clients';
import { createCalendarCommands, stateOf, toJson, type PostState } from './calendar-commands';
import { iso, isoOrNull } from './convert';
import type { EventBus } from './events';
import { createPostChanges } from './post-changes';
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

/**
 * The undo label of a posts.update: a move (to a time in the client's zone, or off the calendar),
 * with its status change if any, or a status change alone. A Message, so the studio translates it.
 */
function updateLabel(title: string, before: PostState, after: PostState, zone: string): Message {
  const status = { fromStatus: before.status, toStatus: after.status };
  const statusText = `${before.status} → ${after.status}`;
  const statusChanged = after.status !== before.status;
  if (after.scheduled_at === before.scheduled_at) return message('undo.status', { title, ...status }, `${title}: ${statusText}`);
  if (after.scheduled_at === null) {
    return statusChanged
      ? message('undo.unscheduleStatus', { title, ...status }, `Move "${title}" to no date (${statusText})`)
      : message('undo.unschedule', { title }, `Move "${title}" to no date`);
  }
  const whenLocal = instantToWallClock(after.scheduled_at, zone);
  const when = whenLocal.replace('T', ' ');
  return statusChanged
    ? message('undo.moveStatus', { title, whenLocal, ...status }, `Move "${title}" to ${when} (${statusText})`)
    : message('undo.move', { title, whenLocal }, `Move "${title}" to ${when}`);
}

export function createPostService(lib: Library, events: EventBus) {
  const scheduling = createSchedulingRepository(lib.db);
  const commands = createCalendarCommands(lib, scheduling);
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
  /** A status change checked by the workflow, with the same words as the calendar's menu. */
  function checkStatus(title: string, from: PostStatus, to: PostStatus, client: ClientRow, hasTime: boolean): void {
    const check = checkTransition(from, to, { approvalMode: client.approval_mode, hasTime });
    if (!check.ok) {
      throw AtelierError.fromMessage('conflict', describeProblem(check.problem, title, from, to), { field: 'status', problem: check.problem });
    }
  }
  /** A design a post may show: it exists, is not in the trash, is the client's or shared, and has the page. */
  function checkDesign(variant: VariantInput, clientId: string): void {
    if (!variant.designId) return;
    const design = lib.designs.get(variant.designId);
    if (!design || design.deleted_at !== null) {
      throw new AtelierError('not_found', `The design chosen for ${variant.network} no longer exists.`, { field: 'variants', network: variant.network, designId: variant.designId }, { key: 'posts.designGone', params: { network: variant.network } });
    }
    if (design.client_id !== null && design.client_id !== clientId) {
      throw new AtelierError('invalid_input', `"${design.name}" belongs to another client.`, { field: 'variants', network: variant.network, designId: variant.designId }, { key: 'posts.designOtherClient', params: { name: design.name } });
    }
    if (variant.pageIndex !== undefined && variant.pageIndex !== null) {
      const pages = (JSON.parse(design.document) as { pages?: unknown[] }).pages?.length ?? 0;
      if (variant.pageIndex >= pages) {
        throw new AtelierError('invalid_input', `"${design.name}" has ${pages} page(s); page ${variant.pageIndex + 1} does not exist.`, { field: 'variants', network: variant.network }, { key: 'posts.designNoPage', params: { name: design.name, count: pages, page: variant.pageIndex + 1 } });
      }
    }
  }
  /** Makes the post's variants exactly `wanted` (adding, rewriting and removing networks). */
  function writeVariants(post: PostRow, wanted: readonly VariantInput[], now: number): void {
    const existing = new Map(lib.posts.variants(post.id).map((v) => [v.network, v]));
    for (const variant of wanted) {
      checkDesign(variant, post.client_id);
      const current = existing.get(variant.network);
      existing.delete(variant.network);
      const follows = variant.caption === undefined || variant.caption === null;
      const fields = {
        caption: follows ? post.caption : variant.caption!,
        follows_master: (follows ? 1 : 0) as 0 | 1,
        design_id: variant.designId === undefined ? (current?.design_id ?? null) : variant.designId,
        page_index: variant.pageIndex === undefined ? (current?.page_index ?? null) : variant.pageIndex,
        first_comment: variant.firstComment ?? current?.first_comment ?? '',
      };
      if (current) lib.posts.updateVariant(current.id, fields, now);
      else lib.posts.insertVariant({ id: lib.ids(), post_id: post.id, network: variant.network, ...fields, created_at: now, updated_at: now });
    }
    for (const gone of existing.values()) lib.posts.deleteVariant(gone.id);
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
  const postChanges = createPostChanges(lib, scheduling, events);
  /** The write's records for every window (an added post is new to them: created or back from the trash). */
  function changed(row: PostRow, kind: 'added' | 'updated' = 'updated'): void {
    postChanges.emit([row.id], kind === 'added' ? new Set([row.id]) : undefined);
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
    /** Tells every window about a change made beside this service (a caption variant), as records. */
    announce(id: string): void {
      postChanges.emit([id]);
    },
    /**
     * Creates a post. From the contract (`record`), the creation is a step of the calendar's history:
     * undo takes the new post away again. Seeding and imports create without a history step.
     */
    create(input: In<'posts.create'>, options: { record?: boolean } = {}): Post {
      const row = lib.write(() => {
        const client = activeClient(input.clientId);
        const now = lib.clock.now();
        const scheduledAt = instantFrom(input, client.time_zone) ?? null;
        const status = input.status ?? 'draft';
        // A new post starts as a draft: scheduling it at once follows the workflow's rules.
        if (status === 'scheduled') checkStatus(input.title.trim(), 'draft', 'scheduled', client, scheduledAt !== null);
        const created: PostRow = {
          id: lib.ids(),
          client_id: client.id,
          title: input.title.trim(),
          status,
          caption: input.caption ?? '',
          scheduled_at: scheduledAt,
          labels: JSON.stringify(input.labels ?? []),
          campaign: input.campaign ?? '',
          notes: input.notes ?? '',
          created_at: now,
          updated_at: now,
          deleted_at: null,
        };
        lib.posts.insert(created);
        const variants = input.variants ?? [...new Set(input.networks ?? [])].map((network) => ({ network }));
        writeVariants(created, variants, now);
        if (options.record) {
          // Undo puts the new post in the trash; redo brings it back.
          const after = stateOf(created);
          const label = message('undo.create', { title: created.title }, `Create "${created.title}"`);
          scheduling.pushOp({ kind: 'create', label: label.text, message: toJson(label), changes: JSON.stringify([{ postId: created.id, before: { ...after, deleted_at: now }, after }]), created_at: now });
        }
        return created;
      });
      changed(row, 'added');
      return getPost(row.id);
    },
    /**
     * Changes a post. Its time and status go through the calendar's commands (checked, in the
     * history, undoable, detached from a series); text, labels and networks are written beside them
     * in the same transaction.
     */
    update(input: In<'posts.update'>): Post {
      const row = lib.write(() => {
        const current = requireRow(input.id);
        const client = activeClient(current.client_id);
        const now = lib.clock.now();
        const title = input.title?.trim() ?? current.title;
        const scheduledAt = instantFrom(input, client.time_zone);
        const from = current.status as PostStatus;
        const nextTime = scheduledAt === undefined ? current.scheduled_at : scheduledAt;
        // Approving an approved, scheduled or published post keeps its status (workflow.ts `approve`).
        const wanted = input.status === 'approved' ? approve(from) : input.status;
        const statusChange = wanted !== undefined && wanted !== from ? wanted : undefined;
        if (current.status === 'published' && nextTime !== current.scheduled_at) {
          throw new AtelierError('conflict', `"${title}" is already published; it cannot move.`, { field: 'at' }, { key: 'calendar.publishedCannotMove', params: { title } });
        }
        if (statusChange) checkStatus(title, current.status as PostStatus, statusChange, client, nextTime !== null);
        // Unscheduling a scheduled post takes it back to draft: nothing can be scheduled without a time.
        const status = statusChange ?? (nextTime === null && current.status === 'scheduled' ? 'draft' : current.status);
        lib.posts.update(
          input.id,
          { title: input.title?.trim(), caption: input.caption, labels: input.labels ? JSON.stringify(input.labels) : undefined, campaign: input.campaign, notes: input.notes },
          now,
        );
        if (input.caption !== undefined) lib.posts.syncFollowingVariants(input.id, input.caption, now);
        if (input.variants) writeVariants(requireRow(input.id), input.variants, now);
        const before = stateOf(current);
        const after = { ...before, scheduled_at: nextTime, status };
        const moved = after.scheduled_at !== before.scheduled_at;
        commands.commit(moved ? 'move' : 'status', updateLabel(title, before, after, client.time_zone), [{ postId: current.id, before, after }]);
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
      changed(row, 'added');
      return getPost(id);
    },
  };
}

export type PostService = ReturnType<typeof createPostService>;

export function postHandlers(posts: PostService): HandlersFor<typeof postMethods> {
  return {
    'posts.list': (input) => posts.list(input),
    'posts.get': ({ id }) => posts.get(id),
    'posts.create': (input) => posts.create(input, { record: true }),
    'posts.update': (input) => posts.update(input),
    'posts.delete': ({ id }) => posts.remove(id),
    'posts.restore': ({ id }) => posts.restore(id),
  };
}
