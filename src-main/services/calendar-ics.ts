// ICS export: one VEVENT per dated post, in its client's zone (TZID + VTIMEZONE), with a UID
// that stays the same across exports so calendar apps update events instead of duplicating them.
// ical-generator writes RFC 5545 folding and escaping; @touch4it/ical-timezones supplies VTIMEZONE.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type { CalendarPost } from '../contract/api/calendar';
import { APP_VERSION } from '../version';
import type { ExportSelection } from './calendar-export';

/** Calendar apps need a length: a post is shown as a 15-minute slot. */
export const EVENT_MINUTES = 15;

export function postUid(postId: string): string {
  return `post-${postId}@atelier.local`;
}

function description(post: CalendarPost): string {
  const parts = [post.caption];
  for (const v of post.variants) {
    if (!v.followsMaster && v.caption !== post.caption) parts.push(`— ${v.network} —\n${v.caption}`);
  }
  const networks = post.variants.map((v) => v.network).join(', ');
  const facts = [networks && `Networks: ${networks}`, `Status: ${post.status}`, post.link && `Link: ${post.link}`].filter(Boolean);
  return [...parts.filter(Boolean), facts.join('\n')].join('\n\n');
}

export function buildIcs(selection: ExportSelection, now: number): string {
  const single = selection.clients.length === 1 ? selection.clients[0]! : null;
  const calendar = ical({
    prodId: { company: 'Atelier', product: `Atelier ${APP_VERSION}`, language: 'EN' },
    name: single ? `${single.name} — posts` : 'Atelier — posts',
    // No calendar-wide zone (DTSTAMP and LAST-MODIFIED stay in UTC); the generator adds one
    // VTIMEZONE per zone the events use.
    timezone: { name: '', generator: getVtimezoneComponent },
  });
  const names = new Map(selection.clients.map((c) => [c.id, c.name]));
  for (const post of selection.posts) {
    if (!post.scheduledAt) continue;
    // Zoned Temporal values: ical-generator writes them as TZID wall-clock times (a plain Date
    // would be read in the machine's own zone).
    const start = Temporal.Instant.from(post.scheduledAt).toZonedDateTimeISO(post.timeZone);
    calendar.createEvent({
      id: postUid(post.id),
      start,
      end: start.add({ minutes: EVENT_MINUTES }),
      timezone: post.timeZone,
      stamp: new Date(now),
      lastModified: new Date(post.updatedAt),
      summary: single ? post.title : `${names.get(post.clientId) ?? ''}: ${post.title}`,
      description: description(post),
      categories: post.labels.map((name) => ({ name })),
      status: post.status === 'cancelled' ? ICalEventStatus.CANCELLED : post.status === 'scheduled' || post.status === 'published' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      url: post.publishedUrl || post.link || null,
    });
  }
  return calendar.toString();
}
