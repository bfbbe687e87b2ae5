// Content packs: export a client's posts as one zip (images, captions, schedule, designs, assets,
// an offline preview page), import one back, and apply the client's decisions.json.
import { z } from 'zod';
import { Id, PostStatus } from '../entities';
import { Message } from '../errors';
import { defineMethods } from './define';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-01');
const FilePath = z.string().trim().min(1).max(4096);

export const PackExportInput = z
  .strictObject({
    clientId: Id,
    /** First and last day, inclusive, read in the client's calendar. */
    from: Day.optional(),
    to: Day.optional(),
    statuses: z.array(PostStatus).max(10).optional(),
    /** Explicit selection (must belong to the client); overrides from/to/statuses. */
    postIds: z.array(Id).min(1).max(10_000).optional(),
    /** Where to write the zip; omitted: the library's exports folder (browser mode downloads it). */
    out: FilePath.optional(),
    /** Chosen by the caller so it can cancel before the call returns. */
    jobId: Id.optional(),
    language: z.enum(['en', 'fr']).optional(),
  })
  .refine((v) => !(v.from && v.to && v.to < v.from), { message: 'the end of the period comes before its start', path: ['to'] });

export const PackExportReport = z.object({
  jobId: Id,
  file: z.string(),
  /** File name inside the exports folder when `out` was omitted (for the download route). */
  download: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  posts: z.number().int().nonnegative(),
  images: z.number().int().nonnegative(),
  designs: z.number().int().nonnegative(),
  assets: z.number().int().nonnegative(),
  warnings: z.array(Message),
});
export type PackExportReport = z.infer<typeof PackExportReport>;

export const PackImportInput = z
  .strictObject({
    file: FilePath,
    clientId: Id.optional(),
    asNewClient: z.boolean().optional(),
  })
  .refine((v) => !(v.clientId && v.asNewClient), { message: 'give either clientId or asNewClient, not both', path: ['asNewClient'] });

export const PackImportReport = z.object({
  clientId: Id,
  clientName: z.string(),
  createdClient: z.boolean(),
  posts: z.number().int().nonnegative(),
  skippedPosts: z.array(z.object({ id: z.string(), title: z.string(), reason: Message })),
  designs: z.number().int().nonnegative(),
  assetsAdded: z.number().int().nonnegative(),
  assetsAlreadyPresent: z.number().int().nonnegative(),
  warnings: z.array(Message),
});
export type PackImportReport = z.infer<typeof PackImportReport>;

export const DecisionsInput = z
  .strictObject({
    /** A decisions.json on disk (desktop, CLI)… */
    file: FilePath.optional(),
    /** …or its text (browser mode reads the picked file). */
    text: z.string().max(5_000_000).optional(),
  })
  .refine((v) => (v.file === undefined) !== (v.text === undefined), { message: 'give either file or text', path: ['file'] });

/** `from` equals `to` when the decision changed no status (the post was already there: approving a scheduled post keeps it scheduled). */
export const DecisionsReport = z.object({
  applied: z.array(z.object({ postId: Id, title: z.string(), from: PostStatus, to: PostStatus, comment: z.string() })),
  skipped: z.array(z.object({ postId: z.string(), title: z.string(), reason: Message })),
});
export type DecisionsReport = z.infer<typeof DecisionsReport>;

export const PackProgress = z.object({
  jobId: Id,
  phase: z.enum(['render', 'write', 'done']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const packMethods = defineMethods({
  'packs.export': {
    summary: "Export a client's posts as a content pack (zip with images, captions, schedule, designs, assets and a preview page).",
    input: PackExportInput,
    output: PackExportReport,
  },
  'packs.cancel': {
    summary: 'Cancel a running pack export; no partial file is left.',
    input: z.strictObject({ jobId: Id }),
    output: z.object({ cancelled: z.boolean() }),
  },
  'packs.import': {
    summary: 'Import a content pack (all or nothing) into a client or as a new client.',
    input: PackImportInput,
    output: PackImportReport,
  },
  'packs.applyDecisions': {
    summary: "Apply a client's decisions.json (approve / changes requested, with comments) to the posts.",
    input: DecisionsInput,
    output: DecisionsReport,
  },
});
