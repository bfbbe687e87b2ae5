// Insights: the networks' own analytics exports in (import, match to planned posts), KPIs and
// best times out (screen, CLI summary), and the monthly client report as a PDF.
import { z } from 'zod';
import { SOURCE_IDS } from '../../core/insights/sources';
import { Id, IsoInstant, Network, WallClock } from '../entities';
import { defineMethods } from './define';
import { Slot } from './calendar';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-03');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-01');
const FileName = z.string().trim().min(1).max(255);
/** 50 MB of file as base64. */
const MAX_BASE64 = Math.ceil((50 * 1024 * 1024) / 3) * 4 + 4;

export const SourceId = z.enum(SOURCE_IDS);
export const InsightNetwork = z.enum(['facebook', 'instagram', 'linkedin', 'x', 'tiktok', 'youtube']);

export const ExportFile = z
  .strictObject({
    /** The file's name, for messages (the bytes decide what it is). */
    name: FileName,
    /** The bytes (renderer, browser mode)… */
    dataBase64: z.string().min(1).max(MAX_BASE64, 'is larger than 50 MB').optional(),
    /** …or a path (desktop, CLI). */
    path: z.string().trim().min(1).max(4096).optional(),
    /** When the file was saved: the export date when the file does not say. */
    modifiedAt: IsoInstant.optional(),
  })
  .refine((f) => (f.dataBase64 === undefined) !== (f.path === undefined), { message: 'give either dataBase64 or path', path: ['dataBase64'] });

export const FileReport = z.object({
  file: z.string(),
  sources: z.array(SourceId),
  networks: z.array(Network),
  exportDate: IsoInstant,
  /** Post rows in the file, new ones, ones whose numbers were refreshed, ones older than what is stored. */
  posts: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  older: z.number().int(),
  matchedByLink: z.number().int(),
  matchedByTime: z.number().int(),
  /** Rows no planned post fits: published posts made "from the export". */
  created: z.number().int(),
  followerDays: z.number().int(),
  activityHours: z.number().int(),
  /** Metrics read from an older or other name (e.g. Meta's Impressions before Views). */
  renamed: z.array(z.object({ network: Network, metric: z.string(), header: z.string() })),
});
export type FileReport = z.infer<typeof FileReport>;

export const Metrics = z.object({
  views: z.number().nullable(),
  reach: z.number().nullable(),
  likes: z.number().nullable(),
  comments: z.number().nullable(),
  shares: z.number().nullable(),
  saves: z.number().nullable(),
  clicks: z.number().nullable(),
  follows: z.number().nullable(),
  engagements: z.number().nullable(),
});

export const MatchKind = z.enum(['permalink', 'auto', 'confirmed', 'created', 'none']);

export const InsightRow = z.object({
  id: Id,
  clientId: Id,
  network: Network,
  externalId: z.string(),
  permalink: z.string(),
  caption: z.string(),
  publishedAt: IsoInstant.nullable(),
  /** The client's wall clock; the time is 00:00 when the export gives only a day. */
  localTime: WallClock.nullable(),
  precision: z.enum(['time', 'day', 'none']),
  match: MatchKind,
  matchScore: z.number().nullable(),
  post: z.object({ id: Id, title: z.string(), status: z.string(), localTime: WallClock.nullable() }).nullable(),
  metrics: Metrics,
  engagements: z.number().nullable(),
  engagementRate: z.number().nullable(),
  exportDate: IsoInstant,
});
export type InsightRow = z.infer<typeof InsightRow>;

const Totals = z.object({
  posts: z.number().int(),
  measured: z.number().int(),
  reach: z.number().nullable(),
  impressions: z.number().nullable(),
  engagements: z.number().nullable(),
  engagementRate: z.number().nullable(),
  clicks: z.number().nullable(),
  followersGained: z.number().nullable(),
});
export const Change = z.object({ previous: z.number().nullable(), delta: z.number().nullable(), ratio: z.number().nullable() });

export const TimeCell = z.object({
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  posts: z.number().int(),
  score: z.number().nullable(),
  confidence: z.enum(['high', 'medium', 'low']),
  audience: z.number().nullable(),
});

export const TopPost = z.object({
  insightId: Id,
  postId: Id.nullable(),
  network: Network,
  title: z.string(),
  caption: z.string(),
  localTime: WallClock.nullable(),
  /** 'day' when the export gives only the day (the time is then 00:00). */
  precision: z.enum(['time', 'day', 'none']),
  permalink: z.string(),
  views: z.number().nullable(),
  reach: z.number().nullable(),
  engagements: z.number().nullable(),
  engagementRate: z.number().nullable(),
  /** URL path of the post's design thumbnail (the /media/ route), or null. */
  thumbnail: z.string().nullable(),
});

export const Summary = Totals.extend({
  clientId: Id,
  clientName: z.string(),
  timeZone: z.string(),
  /** Inclusive days in the client's calendar. */
  period: z.object({ from: Day, to: Day }),
  previousPeriod: z.object({ from: Day, to: Day }),
  filters: z.object({ network: Network.nullable(), label: z.string().nullable(), campaign: z.string().nullable() }),
  previous: Totals,
  changes: z.object({ posts: Change, reach: Change, impressions: Change, engagements: Change, engagementRate: Change, clicks: Change, followersGained: Change }),
  /** Planned posts of the period (approved and later) and how many of them went out. */
  adherence: z.object({ planned: z.number().int(), published: z.number().int(), rate: z.number().nullable(), fromExport: z.number().int() }),
  previousAdherence: z.object({ planned: z.number().int(), published: z.number().int(), rate: z.number().nullable(), fromExport: z.number().int() }),
  networks: z.array(Totals.extend({ network: Network, denominator: z.enum(['reach', 'views']) })),
  topPosts: z.array(TopPost),
  daily: z.array(z.object({ date: Day, posts: z.number().int(), engagements: z.number().nullable(), followersGained: z.number().nullable() })),
  /** The best slots, best first (weekday 1 = Monday, hour in the client's zone). */
  bestTimes: z.array(TimeCell.extend({ time: z.string() })),
  heatmap: z.object({ cells: z.array(TimeCell), posts: z.number().int() }),
  /** Per network, the newest export the numbers come from (they are lifetime totals as of that day). */
  exports: z.array(z.object({ network: Network, exportDate: IsoInstant })),
  labels: z.array(z.string()),
  campaigns: z.array(z.string()),
});
export type Summary = z.infer<typeof Summary>;

const Period = {
  clientId: Id,
  month: Month.optional(),
  from: Day.optional(),
  to: Day.optional(),
};

export const SummaryInput = z
  .strictObject({
    ...Period,
    network: InsightNetwork.optional(),
    label: z.string().trim().min(1).max(60).optional(),
    campaign: z.string().trim().min(1).max(200).optional(),
  })
  .refine((v) => (v.month !== undefined) !== (v.from !== undefined || v.to !== undefined), { message: 'give either month, or from and to', path: ['month'] })
  .refine((v) => v.month !== undefined || (v.from !== undefined && v.to !== undefined && v.from <= v.to), { message: 'from and to must both be given, from first', path: ['to'] });

export const ReportInput = z.strictObject({
  clientId: Id,
  month: Month,
  language: z.enum(['en', 'fr']),
  /** Whose brand kit dresses the report (the freelancer's own studio, kept as a client); default: the client's. */
  brandClientId: Id.optional(),
  /** Where to write it (desktop, CLI); omitted: the PDF comes back as base64 (browser mode downloads it). */
  out: z.string().trim().min(1).max(4096).optional(),
});

export const insightMethods = defineMethods({
  'insights.import': {
    summary: "Import analytics exports (Meta, LinkedIn, X, TikTok, YouTube) for a client: all files or none; re-importing updates, never duplicates.",
    input: z.strictObject({ clientId: Id, files: z.array(ExportFile).min(1).max(20) }),
    output: z.object({ files: z.array(FileReport), postIds: z.array(Id) }),
  },
  'insights.imports': {
    summary: "A client's recent imports, newest first.",
    input: z.strictObject({ clientId: Id }),
    output: z.array(z.object({ id: Id, file: z.string(), sources: z.array(SourceId), exportDate: IsoInstant, importedAt: IsoInstant, posts: z.number().int(), added: z.number().int(), updated: z.number().int() })),
  },
  'insights.summary': {
    summary: 'KPIs for a client and period (optionally one network, label or campaign) with the previous period, top posts and best times.',
    input: SummaryInput,
    output: Summary,
  },
  'insights.rows': {
    summary: "Imported posts of a period and the Atelier post each is matched to (for review).",
    input: z.strictObject({ ...Period, network: InsightNetwork.optional() }).refine((v) => (v.month !== undefined) !== (v.from !== undefined || v.to !== undefined), { message: 'give either month, or from and to', path: ['month'] }),
    output: z.array(InsightRow),
  },
  'insights.candidates': {
    summary: 'Atelier posts an imported post could be matched to (same network, within three days), closest first.',
    input: z.strictObject({ id: Id }),
    output: z.array(z.object({ id: Id, title: z.string(), status: z.string(), localTime: WallClock.nullable(), similarity: z.number() })),
  },
  'insights.setMatch': {
    summary: 'Confirm or change the post an imported row belongs to; null makes it a post of its own, "from the export".',
    input: z.strictObject({ id: Id, postId: Id.nullable() }),
    output: InsightRow,
  },
  'insights.useAsSlots': {
    summary: "Add best times as weekly queue slots for a network (the client's zone); existing slots are kept.",
    input: z.strictObject({
      clientId: Id,
      network: Network,
      slots: z.array(z.strictObject({ weekday: z.number().int().min(1).max(7), hour: z.number().int().min(0).max(23) })).min(1).max(21),
    }),
    output: z.object({ added: z.array(Slot), existing: z.number().int() }),
  },
  'insights.report': {
    summary: "The monthly client report as a PDF (cover, KPIs with change, charts, top posts, best times, next month's plan), in English or French.",
    input: ReportInput,
    output: z.object({ file: z.string().nullable(), dataBase64: z.string().nullable(), bytes: z.number().int(), pages: z.number().int(), name: z.string() }),
  },
});
