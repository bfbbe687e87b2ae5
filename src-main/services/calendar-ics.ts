// ICS export: one VEVENT per dated post, in its client's zone (TZID + VTIMEZONE), with a UID
// that stays the same across exports so calendar apps update events instead of duplicating them.
// ical-generator writes RFC 5545 folding and escaping; @touch4it/ical-timezones supplies VTIMEZONE.
//
// A wall-clock time the clocks repeat (01:30 on a fall-back night) is written in UTC instead
// (`DTSTART:20271107T053000Z`): RFC 5545 says a TZID time in that hour means the first one, but
// ical.js, Python's icalendar and node-ical read it as the second, so only UTC reaches every reader
// as the same instant. Lines end with CRLF, the last one included.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type { CalendarPost } from '../contract/api/calendar';
import { isAmbiguousInstant } from '../core/time/zones';
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
    // would be read in the machine's own zone). A start or end in a repeated hour goes in UTC.
    const start = Temporal.Instant.from(post.scheduledAt).toZonedDateTimeISO(post.timeZone);
    const end = start.add({ minutes: EVENT_MINUTES });
    const inUtc = isAmbiguousInstant(start.epochMilliseconds, post.timeZone) || isAmbiguousInstant(end.epochMilliseconds, post.timeZone);
    calendar.createEvent({
      id: postUid(post.id),
      start: inUtc ? new Date(start.epochMilliseconds) : start,
      end: inUtc ? new Date(end.epochMilliseconds) : end,
      timezone: inUtc ? null : post.timeZone,
      stamp: new Date(now),
      lastModified: new Date(post.updatedAt),
      summary: single ? post.title : `${names.get(post.clientId) ?? ''}: ${post.title}`,
      description: description(post),
      categories: post.labels.map((name) => ({ name })),
      status: post.status === 'cancelled' ? ICalEventStatus.CANCELLED : post.status === 'scheduled' || post.status === 'published' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      url: post.publishedUrl || post.link || null,
    });
  }
  // ical-generator ends every line with CRLF but the last; RFC 5545 wants it there too.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
