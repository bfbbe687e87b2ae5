// The calendar's slice of the contract, mapped onto its services.
import type { calendarMethods } from '../contract/api/calendar';
import type { HandlersFor } from '../contract/handlers';
import type { CalendarService } from './calendar';
import { exportCsv, importCsv } from './calendar-csv';
import { selectForExport } from './calendar-export';
import { buildIcs } from './calendar-ics';
import type { DesignThumbnails } from './design-thumbnails';
import type { EventBus } from './events';
import type { Library } from './library';

export function calendarHandlers(calendar: CalendarService, lib: Library, events: EventBus, thumbnails: Pick<DesignThumbnails, 'pathsFor'>): HandlersFor<typeof calendarMethods> {
  return {
    'calendar.range': (input) => {
      const range = calendar.range(input);
      // Beside the range rather than inside it: the month query stays about posts and schedules.
      return { ...range, thumbnails: thumbnails.pathsFor([...range.posts, ...range.unscheduled]) };
    },
    'calendar.grid': (input) => {
      const { designs, ...grid } = calendar.grid(input);
      return { ...grid, thumbnails: thumbnails.pathsFor(designs) };
    },
    'calendar.post': ({ id }) => calendar.post(id),
    'calendar.setApprovalMode': ({ clientId, mode }) => calendar.setApprovalMode(clientId, mode),
    'calendar.setStatus': ({ id, status, note }) => calendar.setStatus(id, status, note),
    'calendar.statusHistory': ({ id }) => calendar.statusHistory(id),
    'calendar.notes.list': ({ postId }) => calendar.notes.list(postId),
    'calendar.notes.add': ({ postId, body }) => calendar.notes.add(postId, body),
    'calendar.notes.delete': ({ id }) => calendar.notes.remove(id),
    'calendar.slots.list': ({ clientId }) => calendar.slots.list(clientId),
    'calendar.slots.add': (input) => calendar.slots.add(input),
    'calendar.slots.delete': ({ id }) => calendar.slots.remove(id),
    'calendar.addToQueue': ({ id, network }) => calendar.addToQueue(id, network),
    'calendar.insertAndPush': ({ id, network, at }) => calendar.insertAndPush(id, at, network),
    'calendar.move': ({ id, date, at }) => calendar.move(id, { date, at }),
    'calendar.shift': ({ ids, days, minutes }) => calendar.shift(ids, days, minutes),
    'calendar.delete': ({ ids }) => calendar.remove(ids),
    'calendar.undo': () => calendar.undo(),
    'calendar.redo': () => calendar.redo(),
    'calendar.undoState': () => calendar.undoState(),
    'calendar.due': () => calendar.due(),
    'calendar.missed': () => calendar.missed(),
    'calendar.markPublished': ({ id, url, permalinks }) => calendar.markPublished(id, url, permalinks),
    'calendar.repeat': ({ id, rule, count, until }) => calendar.repeat(id, { rule, count, until }),
    'calendar.exportIcs': (query) => {
      const selection = selectForExport(lib, calendar, query);
      return { ics: buildIcs(selection, lib.clock.now()), count: selection.posts.filter((p) => p.scheduledAt).length };
    },
    'calendar.exportCsv': (query) => exportCsv(lib, calendar, query),
    'calendar.importCsv': (input) => importCsv(lib, calendar, events, input),
  };
}
