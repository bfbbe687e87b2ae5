// Calendar, queue, workflow, undo and exchange (ICS, CSV) methods.
import { z } from 'zod';
import { Id, IsoInstant, Network, Post, PostStatus, WallClock } from '../entities';
import { Message } from '../errors';
import { defineMethods } from './define';

export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-03');
export const ApprovalMode = z.enum(['none', 'required']);
export const Resolution = z.enum(['exact', 'shifted_forward', 'ambiguous_earlier']);

export const CalendarPost = Post.extend({
  seriesId: Id.nullable(),
  /** The occurrence's original wall-clock time in its series. */
  occurrenceKey: z.string().nullable(),
  /** The link the post shares (the CSV link column). */
  link: z.string(),
  publishedUrl: z.string(),
});
export type CalendarPost = z.infer<typeof CalendarPost>;

/**
 * A post as the calendar's grids show it: its card's title, time, status and networks, and the labels
 * and campaign the filters pick by. No caption, notes or per-network texts: a month can hold hundreds
 * of posts and its cards show none of them (`calendar.post` gives the whole post when one is opened).
 */
export const GridPost = z.object({
  id: Id,
  clientId: Id,
  title: z.string(),
  status: PostStatus,
  /** UTC instant, or null for an unscheduled draft. */
  scheduledAt: IsoInstant.nullable(),
  /** The wall-clock time the post shows in its client's zone. */
  localTime: WallClock.nullable(),
  labels: z.array(z.string()),
  campaign: z.string(),
  /** The networks it goes to, once each, in the order of its variants. */
  networks: z.array(Network),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type GridPost = z.infer<typeof GridPost>;

export const PlanWarning = z.discriminatedUnion('kind', [
  // A run of posts on one network too close together (core/schedule/warnings): ids in time order,
  // minutes from the first to the last.
  z.object({ kind: z.literal('too_close'), clientId: Id, network: z.string(), postIds: z.array(Id).min(2), minutes: z.number().int() }),
  z.object({ kind: z.literal('gap'), clientId: Id, fromDate: LocalDate, toDate: LocalDate, days: z.number().int() }),
]);
export type PlanWarning = z.infer<typeof PlanWarning>;

export const CalendarClient = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  color: z.string(),
  approvalMode: ApprovalMode,
});
export type CalendarClient = z.infer<typeof CalendarClient>;

export const Slot = z.object({ id: Id, clientId: Id, network: Network, weekday: z.number().int(), time: z.string() });
export type Slot = z.infer<typeof Slot>;

export const Moved = z.object({ post: CalendarPost, resolution: Resolution });
/** What undo and redo would do now. */
export const UndoState = z.object({ undo: Message.nullable(), redo: Message.nullable() });
export type UndoState = z.infer<typeof UndoState>;

/**
 * What one write did to posts, as records (like tldraw's diffs): every window applies them to what it
 * shows instead of asking again. `added` and `updated` hold the posts as they are now; `removed` the
 * ids of posts that went to the trash. `thumbnails` are the changed posts' card thumbnails, `due` the
 * changed posts that are due now, `undo` the calendar's undo/redo after the write.
 */
export const PostChanges = z.object({
  added: z.array(CalendarPost),
  updated: z.array(CalendarPost),
  removed: z.array(Id),
  thumbnails: z.record(Id, z.string()),
  due: z.array(Id),
  undo: UndoState,
});
export type PostChanges = z.infer<typeof PostChanges>;
/** `label` says what the step did ("Move “Launch” to …"), in the user's language once translated. */
export const UndoOutcome = z.object({ label: Message.nullable(), postIds: z.array(Id) });
export const CsvFormat = z.enum(['hootsuite', 'publer', 'atelier']);
export type CsvFormat = z.infer<typeof CsvFormat>;

export const ImportReport = z.object({
  imported: z.number().int(),
  postIds: z.array(Id),
  skipped: z.array(z.object({ row: z.number().int(), problems: z.array(Message) })),
  /** Rows whose time fell in a DST gap or overlap, and how the documented rule resolved them. */
  adjusted: z.array(z.object({ row: z.number().int(), given: z.string(), local: z.string(), resolution: Resolution })),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** Why a scheduler file (Hootsuite, Publer) left a post out: only posts ready to publish go to a scheduler. */
export const LeftOutReason = z.enum(['past', 'not_ready', 'no_time']);
export const CsvExport = z.object({
  csv: z.string(),
  count: z.number().int(),
  leftOut: z.array(z.object({ postId: Id, title: z.string(), status: PostStatus, reason: LeftOutReason })),
  /** What the file cannot say safely: a caption a spreadsheet would run as a formula, a repeated hour. */
  warnings: z.array(Message),
});
export type CsvExport = z.infer<typeof CsvExport>;

const Ids = z.array(Id).min(1).max(10_000);
const ExportRange = { clientId: Id.optional(), from: LocalDate.optional(), to: LocalDate.optional() };

const RangeInput = z.strictObject({
  clientId: Id.optional(),
  from: LocalDate,
  to: LocalDate,
  minSpacingMinutes: z.number().int().min(0).max(10_080).optional(),
  maxGapDays: z.number().int().min(1).max(365).optional(),
});

export const calendarMethods = defineMethods({
  'calendar.range': {
    summary: "Posts between two days (inclusive) in each client's own calendar, unscheduled drafts, and plan warnings.",
    input: RangeInput,
    output: z.object({
      clients: z.array(CalendarClient),
      posts: z.array(CalendarPost),
      unscheduled: z.array(CalendarPost),
      warnings: z.array(PlanWarning),
      /** Post id → the URL path of a small thumbnail of its design (posts without a design are absent). */
      thumbnails: z.record(Id, z.string()),
    }),
  },
  'calendar.grid': {
    summary: 'What the calendar grids show of a period (as calendar.range, with each post as its card shows it).',
    input: RangeInput,
    output: z.object({
      clients: z.array(CalendarClient),
      posts: z.array(GridPost),
      unscheduled: z.array(GridPost),
      warnings: z.array(PlanWarning),
      /** Post id → the URL path of a small thumbnail of its design (posts without a design are absent). */
      thumbnails: z.record(Id, z.string()),
    }),
  },
  'calendar.post': {
    summary: 'One post as the calendar knows it (the whole post: captions, variants, notes, series).',
    input: z.strictObject({ id: Id }),
    output: CalendarPost,
  },
  'calendar.setApprovalMode': {
    summary: 'Whether a client must approve posts before they are scheduled.',
    input: z.strictObject({ clientId: Id, mode: ApprovalMode }),
    output: CalendarClient,
  },
  'calendar.setStatus': {
    summary: 'Move a post along the workflow (checked; recorded in its history; undoable).',
    input: z.strictObject({ id: Id, status: PostStatus, note: z.string().max(2000).optional() }),
    output: CalendarPost,
  },
  'calendar.statusHistory': {
    summary: "A post's status changes, oldest first.",
    input: z.strictObject({ id: Id }),
    output: z.array(
      z.object({ from: PostStatus.nullable(), to: PostStatus, source: z.string(), note: z.string(), message: Message.nullable(), at: z.iso.datetime({ offset: true }) }),
    ),
  },
  'calendar.notes.list': {
    summary: 'Private notes on a post (never exported).',
    input: z.strictObject({ postId: Id }),
    output: z.array(z.object({ id: Id, postId: Id, body: z.string(), message: Message.nullable(), createdAt: z.iso.datetime({ offset: true }) })),
  },
  'calendar.notes.add': {
    summary: 'Add a private note to a post.',
    input: z.strictObject({ postId: Id, body: z.string().trim().min(1, 'must not be empty').max(20_000) }),
    output: z.object({ id: Id, postId: Id, body: z.string(), createdAt: z.iso.datetime({ offset: true }) }),
  },
  'calendar.notes.delete': { summary: 'Delete a private note.', input: z.strictObject({ id: Id }), output: z.object({ id: Id }) },
  'calendar.slots.list': { summary: "A client's weekly queue slots.", input: z.strictObject({ clientId: Id }), output: z.array(Slot) },
  'calendar.slots.add': {
    summary: "Add a weekly queue slot (weekday 1 = Monday, time in the client's zone).",
    input: z.strictObject({
      clientId: Id,
      network: Network,
      weekday: z.number().int().min(1).max(7),
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30'),
    }),
    output: Slot,
  },
  'calendar.slots.delete': { summary: 'Remove a queue slot.', input: z.strictObject({ id: Id }), output: z.object({ id: Id }) },
  'calendar.addToQueue': {
    summary: 'Put a post in the next free queue slot of its network.',
    input: z.strictObject({ id: Id, network: Network.optional() }),
    output: Moved,
  },
  'calendar.insertAndPush': {
    summary: 'Put a post in the slot at or after a time and push the following queue posts one slot later.',
    input: z.strictObject({ id: Id, network: Network.optional(), at: WallClock }),
    output: z.object({ posts: z.array(CalendarPost) }),
  },
  'calendar.move': {
    summary: 'Move a post to another day keeping its time of day, or to an exact wall-clock time (undoable).',
    input: z
      .strictObject({ id: Id, date: LocalDate.optional(), at: WallClock.optional() })
      .refine((v) => (v.date === undefined) !== (v.at === undefined), { message: 'give either date or at', path: ['date'] }),
    output: Moved,
  },
  'calendar.shift': {
    summary: "Shift posts by whole days and minutes in their client's wall clock (undoable).",
    input: z.strictObject({
      ids: Ids,
      days: z.number().int().min(-3660).max(3660),
      minutes: z.number().int().min(-1440).max(1440).optional(),
    }),
    output: z.object({ posts: z.array(CalendarPost), adjusted: z.array(z.object({ id: Id, local: WallClock, resolution: Resolution })) }),
  },
  'calendar.delete': {
    summary: 'Move posts to the trash (undoable).',
    input: z.strictObject({ ids: Ids }),
    output: z.object({ count: z.number().int() }),
  },
  'calendar.undo': { summary: 'Undo the last calendar operation.', input: z.strictObject({}), output: UndoOutcome },
  'calendar.redo': { summary: 'Redo the last undone calendar operation.', input: z.strictObject({}), output: UndoOutcome },
  'calendar.undoState': {
    summary: 'What undo and redo would do now.',
    input: z.strictObject({}),
    output: UndoState,
  },
  'calendar.due': { summary: 'Scheduled posts whose time has come.', input: z.strictObject({}), output: z.array(CalendarPost) },
  'calendar.missed': {
    summary: 'Posts whose time passed while Atelier was closed (marked missed at start).',
    input: z.strictObject({}),
    output: z.array(CalendarPost),
  },
  'calendar.markPublished': {
    summary: 'Mark a post published, with the URL where it went out (per network: insights match exports by it).',
    input: z.strictObject({
      id: Id,
      url: z.url().max(2000).optional(),
      /** The post's link on each network it went out on. */
      permalinks: z.array(z.strictObject({ network: Network, url: z.url().max(2000) })).max(10).optional(),
    }),
    output: CalendarPost,
  },
  'calendar.repeat': {
    summary: "Repeat a post by an RRULE in the client's wall clock, ending after a count or on a date.",
    input: z.strictObject({
      id: Id,
      rule: z.string().min(1).max(500),
      count: z.number().int().min(1).max(500).optional(),
      until: LocalDate.optional(),
    }),
    output: z.object({ seriesId: Id, posts: z.array(CalendarPost) }),
  },
  'calendar.exportIcs': {
    summary: 'An iCalendar file of scheduled posts (per client or all).',
    input: z.strictObject(ExportRange),
    output: z.object({ ics: z.string(), count: z.number().int() }),
  },
  'calendar.exportCsv': {
    summary: 'A CSV of posts in Hootsuite, Publer (posts ready to publish) or Atelier (every post) format.',
    input: z.strictObject({ ...ExportRange, format: CsvFormat, dateFormat: z.enum(['MDY', 'DMY']).optional() }),
    output: CsvExport,
  },
  'calendar.importCsv': {
    summary: 'Import posts from CSV text (atomic unless skipInvalid).',
    input: z.strictObject({
      clientId: Id,
      format: CsvFormat,
      text: z.string().max(50_000_000),
      dateFormat: z.enum(['MDY', 'DMY']).optional(),
      skipInvalid: z.boolean().optional(),
      /** Networks for every imported post when the format has no network column. */
      networks: z.array(Network).max(10).optional(),
    }),
    output: ImportReport,
  },
});
