// Recurring posts: a post repeated by an RRULE from its own date and time, each occurrence a real post.
import { AtelierError } from '../contract/errors';
import { message } from '../core/messages';
import { expandRecurrence } from '../core/schedule/recurrence';
import { instantToWallClock } from '../core/time/zones';
import { stateOf, toJson, type Change } from './calendar-commands';
import type { CalendarContext } from './calendar-context';

export function createCalendarSeries({ lib, repo, requireMovable, activeClient, hydrate, applyState, emitChanged }: CalendarContext) {
  return {
    /**
     * Repeats a post by an RRULE from its own date and time. The post is the first occurrence; each
     * other occurrence is a real post (so due reminders, exports and edits just work). Running it
     * again on a series member replaces the occurrences that were not edited one by one.
     */
    repeat(id: string, spec: { rule: string; count?: number; until?: string }) {
      const created = lib.write(() => {
        const row = requireMovable(id);
        const client = activeClient(row.client_id);
        if (row.scheduled_at === null) throw new AtelierError('invalid_input', `Give "${row.title}" a date and time before repeating it.`, { field: 'id' }, { key: 'calendar.repeatNeedsTime', params: { title: row.title } });
        const existing = repo.schedule(id);
        const series = existing?.series_id ? repo.series(existing.series_id) : undefined;
        const start = series?.start_local ?? instantToWallClock(row.scheduled_at, client.time_zone);
        const expanded = expandRecurrence({ rule: spec.rule, start, count: spec.count, until: spec.until }, client.time_zone);
        if (!expanded.ok) throw AtelierError.fromMessage('invalid_input', expanded.problem, { field: 'rule' });
        const now = lib.clock.now();
        const seriesId = series?.id ?? lib.ids();
        if (!series) {
          repo.addSeries({ id: seriesId, client_id: client.id, rule: spec.rule, start_local: start, count: spec.count ?? null, until_date: spec.until ?? null, created_at: now, updated_at: now });
          repo.patchSchedule(id, { series_id: seriesId, occurrence_key: start, detached: 1 });
        } else {
          lib.db
            .prepare('UPDATE post_series SET rule = ?, count = ?, until_date = ?, updated_at = ? WHERE id = ?')
            .run(spec.rule, spec.count ?? null, spec.until ?? null, now, seriesId);
        }
        const members = repo.seriesPosts(seriesId);
        const kept = new Set(members.filter((m) => m.detached === 1 && lib.posts.get(m.post_id)?.deleted_at === null).map((m) => m.occurrence_key));
        const changes: Change[] = [];
        // Occurrences nobody edited are replaced by the new rule's.
        for (const m of members) {
          const r = lib.posts.get(m.post_id);
          if (m.detached === 0 && r && r.deleted_at === null) changes.push({ postId: r.id, before: stateOf(r), after: { ...stateOf(r), deleted_at: now } });
        }
        const template = lib.posts.get(id)!;
        const variants = lib.posts.variants(id);
        const createdIds: string[] = [];
        for (const occurrence of expanded.occurrences) {
          if (kept.has(occurrence.key)) continue;
          const postId = lib.ids();
          lib.posts.insert({ ...template, id: postId, scheduled_at: occurrence.instantMs, notes: '', created_at: now, updated_at: now, deleted_at: null });
          for (const v of variants) lib.posts.insertVariant({ ...v, id: lib.ids(), post_id: postId, created_at: now, updated_at: now });
          repo.patchSchedule(postId, { series_id: seriesId, occurrence_key: occurrence.key, detached: 0, link: repo.schedule(id)?.link ?? '' });
          // Undo of a repeat takes the new occurrences away again.
          changes.push({ postId, before: { ...stateOf(template), scheduled_at: occurrence.instantMs, deleted_at: now }, after: { ...stateOf(template), scheduled_at: occurrence.instantMs, deleted_at: null } });
          createdIds.push(postId);
        }
        for (const c of changes) if (c.after.deleted_at !== null) applyState(lib.posts.get(c.postId)!, c.after, 'user');
        if (changes.length) {
          const label = message('undo.repeat', { title: row.title }, `Repeat "${row.title}"`);
          repo.pushOp({ kind: 'repeat', label: label.text, message: toJson(label), changes: JSON.stringify(changes), created_at: now });
        }
        return { seriesId, ids: createdIds };
      });
      emitChanged([id, ...created.ids], new Set(created.ids));
      return { seriesId: created.seriesId, posts: hydrate([id, ...created.ids].map((i) => lib.posts.get(i)!)) };
    },
  };
}
