// Shapes of the records that cross the boundary. Inputs are strict: an unknown key is an error,
// so a typo in a CLI flag or a renderer call never silently does nothing.
import { z } from 'zod';
import { HEX_COLOR } from '../core/domain/clients';
import { NETWORKS, POST_STATUSES } from '../core/domain/posts';
import { isValidTimeZone } from '../core/time/zones';

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be an Atelier id');
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, { message: 'is not a known IANA time zone (e.g. Europe/Paris)' });
export const HexColor = z.string().regex(HEX_COLOR, 'must be a colour like #4f46e5');
export const IsoInstant = z.iso.datetime({ offset: true });
/** A client's wall-clock time, `YYYY-MM-DDTHH:mm`. */
export const WallClock = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must look like 2026-12-03T09:30');
export const PostStatus = z.enum(POST_STATUSES);
export const Network = z.enum(NETWORKS);
const Name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const Client = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  color: z.string(),
  notes: z.string(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  deletedAt: IsoInstant.nullable(),
});
export type Client = z.infer<typeof Client>;

export const ClientCreate = z.strictObject({
  name: Name,
  timeZone: TimeZone,
  color: HexColor.optional(),
  notes: z.string().max(20_000).optional(),
});

export const ClientUpdate = z.strictObject({
  id: Id,
  name: Name.optional(),
  timeZone: TimeZone.optional(),
  color: HexColor.optional(),
  notes: z.string().max(20_000).optional(),
});

export const Variant = z.object({
  id: Id,
  network: Network,
  caption: z.string(),
  /** True while the variant still follows the post's master caption. */
  followsMaster: z.boolean(),
  designId: Id.nullable(),
  pageIndex: z.number().int().nullable(),
  firstComment: z.string(),
});
export type Variant = z.infer<typeof Variant>;

export const Post = z.object({
  id: Id,
  clientId: Id,
  title: z.string(),
  status: PostStatus,
  caption: z.string(),
  /** UTC instant, or null for an unscheduled draft. */
  scheduledAt: IsoInstant.nullable(),
  /** The client's IANA zone, and the wall-clock time the post shows there. */
  timeZone: z.string(),
  localTime: WallClock.nullable(),
  labels: z.array(z.string()),
  campaign: z.string(),
  notes: z.string(),
  variants: z.array(Variant),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  deletedAt: IsoInstant.nullable(),
});
export type Post = z.infer<typeof Post>;

const Label = z.string().trim().min(1).max(60);

/** One network of a post as the composer saves it: its own caption or the master's, its media, its first comment. */
export const VariantInput = z.strictObject({
  network: Network,
  /** The network's own text; absent or null means it follows the master caption. */
  caption: z.string().max(100_000).nullable().optional(),
  /** The design whose pages are the post's visuals on this network (null: none). */
  designId: Id.nullable().optional(),
  /** One page of that design, or null for all its pages (a carousel). */
  pageIndex: z.number().int().min(0).max(999).nullable().optional(),
  firstComment: z.string().max(10_000).optional(),
});
export type VariantInput = z.infer<typeof VariantInput>;

const VariantInputs = z
  .array(VariantInput)
  .max(10)
  .refine((list) => new Set(list.map((v) => v.network)).size === list.length, { message: 'names a network twice' });

export const PostCreate = z
  .strictObject({
    clientId: Id,
    title: Name,
    status: PostStatus.optional(),
    /** Wall-clock time in the client's zone. */
    at: WallClock.optional(),
    /** Or an exact instant. */
    scheduledAt: IsoInstant.optional(),
    caption: z.string().max(100_000).optional(),
    networks: z.array(Network).max(10).optional(),
    /** The networks with their captions and media (instead of `networks`). */
    variants: VariantInputs.optional(),
    labels: z.array(Label).max(50).optional(),
    campaign: z.string().max(200).optional(),
    notes: z.string().max(20_000).optional(),
  })
  .refine((v) => !(v.at && v.scheduledAt), { message: 'give either at or scheduledAt, not both', path: ['at'] })
  .refine((v) => !(v.networks && v.variants), { message: 'give either networks or variants, not both', path: ['variants'] });

export const PostUpdate = z
  .strictObject({
    id: Id,
    title: Name.optional(),
    status: PostStatus.optional(),
    at: WallClock.nullable().optional(),
    scheduledAt: IsoInstant.nullable().optional(),
    caption: z.string().max(100_000).optional(),
    /** The post's networks, whole: a network not listed is removed, a new one added. */
    variants: VariantInputs.optional(),
    labels: z.array(Label).max(50).optional(),
    campaign: z.string().max(200).optional(),
    notes: z.string().max(20_000).optional(),
  })
  .refine((v) => !(v.at !== undefined && v.scheduledAt !== undefined), {
    message: 'give either at or scheduledAt, not both',
    path: ['at'],
  });

export const PostQuery = z.strictObject({
  clientId: Id.optional(),
  /** Inclusive start and exclusive end, as UTC instants. */
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
  status: z.array(PostStatus).optional(),
  /** Include unscheduled posts (they have no time, so a range never matches them). */
  includeUnscheduled: z.boolean().optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
});

export const Settings = z.object({
  language: z.enum(['system', 'en', 'fr']),
  theme: z.enum(['system', 'light', 'dark']),
});
export type Settings = z.infer<typeof Settings>;
export const SettingsPatch = Settings.partial().strict();

export const Doctor = z.object({
  ok: z.boolean(),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  integrity: z.string(),
  foreignKeyProblems: z.number().int(),
  paths: z.object({ dataDir: z.string(), database: z.string(), assets: z.string(), backups: z.string() }),
  counts: z.record(z.string(), z.number().int()),
});
export type Doctor = z.infer<typeof Doctor>;
