// The content-pack format: a zip others will read, so it is versioned and described by a schema
// (manifest.schema.json, generated from this file and shipped inside every pack).
import { z } from 'zod';
import { NETWORKS, POST_STATUSES } from '../domain/posts';

export const PACK_FORMAT = 'atelier-pack';
export const PACK_VERSION = 1;
export const DECISIONS_FORMAT = 'atelier-pack-decisions';

/** A path inside the pack: relative, forward slashes, no `..`, no empty or dot segments. */
export const PackPath = z
  .string()
  .min(1)
  .max(255)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), {
    message: 'must be a relative path inside the pack',
  });

const Instant = z.iso.datetime({ offset: true });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');

export const PackMeasure = z.object({
  length: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  remaining: z.number().int(),
  valid: z.boolean(),
  unit: z.string(),
});

export const PackVariant = z.object({
  network: z.enum(NETWORKS),
  caption: z.string(),
  firstComment: z.string(),
  measure: PackMeasure,
  captionFile: PackPath,
  images: z.array(PackPath),
  designId: z.string().nullable(),
  pageIndex: z.number().int().nonnegative().nullable(),
});

export const PackPost = z.object({
  id: z.string().min(1).max(64),
  title: z.string(),
  status: z.enum(POST_STATUSES),
  caption: z.string(),
  scheduledAt: Instant.nullable(),
  timeZone: z.string(),
  localTime: z.string().nullable(),
  labels: z.array(z.string()),
  campaign: z.string(),
  variants: z.array(PackVariant),
});

export const PackManifest = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  generator: z.string(),
  createdAt: Instant,
  client: z.object({ id: z.string(), name: z.string(), timeZone: z.string(), color: z.string() }),
  period: z.object({ from: Instant.nullable(), to: Instant.nullable() }),
  posts: z.array(PackPost),
  designs: z.array(z.object({ id: z.string(), name: z.string(), file: PackPath })),
  assets: z.array(z.object({ sha256: Sha256, file: PackPath, mime: z.string(), size: z.number().int().nonnegative() })),
  files: z.object({
    preview: PackPath,
    schedule: PackPath,
    hootsuite: PackPath.nullable(),
    calendar: PackPath.nullable(),
    /** The client's monthly report for the month before the pack's period, when insights were imported. */
    report: PackPath.nullable().optional(),
  }),
});
export type PackManifest = z.infer<typeof PackManifest>;
export type PackPost = z.infer<typeof PackPost>;

export const Decision = z.object({
  postId: z.string().min(1).max(64),
  decision: z.enum(['approve', 'changes_requested']),
  comment: z.string().max(10_000),
  decidedAt: Instant,
});

export type Decision = z.infer<typeof Decision>;

export const Decisions = z.object({
  format: z.literal(DECISIONS_FORMAT),
  version: z.literal(1),
  packCreatedAt: Instant,
  client: z.object({ id: z.string(), name: z.string() }),
  decisions: z.array(Decision).max(10_000),
});
export type Decisions = z.infer<typeof Decisions>;

/** The JSON Schema shipped beside the manifest, for tools that are not Atelier. */
export function manifestJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://atelier.app/schemas/${PACK_FORMAT}-v${PACK_VERSION}.json`,
    title: 'Atelier content pack manifest',
    ...z.toJSONSchema(PackManifest, { target: 'draft-2020-12' }),
  };
}

/** Reads the format and version first, so an unknown pack gets a precise message. */
export function checkPackHeader(value: unknown): { ok: true } | { ok: false; message: string; newer?: boolean } {
  if (typeof value !== 'object' || value === null) return { ok: false, message: 'manifest.json is not a JSON object.' };
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== PACK_FORMAT) return { ok: false, message: `This is not an Atelier pack (format is ${JSON.stringify(format ?? null)}, expected "${PACK_FORMAT}").` };
  if (version !== PACK_VERSION) {
    return {
      ok: false,
      message: `This pack uses version ${JSON.stringify(version ?? null)} of the format; this Atelier reads version ${PACK_VERSION}. Update Atelier to open it.`,
      newer: typeof version === 'number' && version > PACK_VERSION,
    };
  }
  return { ok: true };
}
