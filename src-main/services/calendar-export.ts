// Which posts an export takes: one client or all, optionally between two days read in each
// client's own calendar. Deleted posts never leave; private notes are never part of an export.
import type { CalendarClient, CalendarPost } from '../contract/api/calendar';
import { AtelierError } from '../contract/errors';
import { addDays, dayStart } from '../core/schedule/wallclock';
import type { CalendarService } from './calendar';
import { toCalendarClient } from './calendar-read';
import type { Library } from './library';

export interface ExportSelection {
  clients: CalendarClient[];
  /** Dated posts in time order, then (when asked) undated ones. */
  posts: CalendarPost[];
}

export interface ExportQuery {
  clientId?: string;
  from?: string;
  to?: string;
  includeUnscheduled?: boolean;
}

const FAR = 8.64e15;

export function selectForExport(lib: Library, calendar: CalendarService, query: ExportQuery): ExportSelection {
  let clients = lib.clients.list();
  if (query.clientId) {
    const client = lib.clients.get(query.clientId);
    if (!client || client.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${query.clientId}.`, { field: 'clientId' }, { key: 'clients.notFound' });
    clients = [client];
  }
  if (query.from && query.to && query.to < query.from) throw new AtelierError('invalid_input', 'The end of the period comes before its start.', { field: 'to' }, { key: 'period.endBeforeStart' });
  const bounds = new Map<string, [number, number]>();
  for (const c of clients) {
    const fromMs = query.from ? dayStart(query.from, c.time_zone) : -FAR;
    const toMs = query.to ? dayStart(addDays(query.to, 1), c.time_zone) : FAR;
    if (fromMs === null || toMs === null) throw new AtelierError('invalid_input', `${query.from ?? query.to} is not a real date.`, { field: query.from ? 'from' : 'to' }, { key: 'calendar.notRealDate', params: { value: query.from ?? query.to ?? '' } });
    bounds.set(c.id, [fromMs, toMs]);
  }
  const rows = lib.posts
    .list({ clientId: query.clientId, fromMs: -FAR, toMs: FAR, includeUnscheduled: query.includeUnscheduled && !query.from && !query.to })
    .filter((r) => {
      const b = bounds.get(r.client_id);
      if (!b) return false;
      return r.scheduled_at === null || (r.scheduled_at >= b[0] && r.scheduled_at < b[1]);
    });
  return { clients: clients.map(toCalendarClient), posts: calendar.hydrate(rows) };
}
