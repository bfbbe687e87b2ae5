// The calendar service's parts (calendar.ts, calendar-queue.ts, calendar-series.ts) share this context.
import type { CalendarPost } from '../contract/api/calendar';
import type { ClientRow } from '../db/repositories/clients';
import type { PostRow } from '../db/repositories/posts';
import type { SchedulingRepository } from '../db/repositories/scheduling';
import type { CalendarCommands } from './calendar-commands';
import type { EventBus } from './events';
import type { Library } from './library';

/** What the calendar's parts share: the library, its scheduling rows, look-ups that refuse with a clear error, the undo log and the change event. */
export interface CalendarContext {
  lib: Library;
  repo: SchedulingRepository;
  events: EventBus;
  /** The post, not deleted; not_found otherwise. */
  requirePost(id: string): PostRow;
  /** The post, not deleted nor published; a published post cannot move. */
  requireMovable(id: string): PostRow;
  /** The client, not deleted. */
  activeClient(id: string): ClientRow;
  hydrate(rows: PostRow[]): CalendarPost[];
  /** One post as the calendar shows it. */
  one(id: string): CalendarPost;
  commit: CalendarCommands['commit'];
  applyState: CalendarCommands['applyState'];
  /** Every calendar write tells every window what it did, as records (see post-changes.ts). */
  emitChanged(ids: readonly string[], added?: ReadonlySet<string>): void;
}
