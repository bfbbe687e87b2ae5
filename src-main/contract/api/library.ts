// The media and brand library: assets (images, fonts, logos), their tags and references, gc,
// fonts, and one brand kit per client.
import { z } from 'zod';
import { ASSET_KINDS, MAX_ASSET_BYTES, MAX_TAG_LENGTH, SHA256 } from '../../core/domain/assets';
import { HexColor, Id, IsoInstant } from '../entities';
import { defineMethods } from './define';

export const AssetId = z.string().regex(SHA256, 'must be an asset id (64 lower-case hex characters, its SHA-256)');
const Tag = z.string().trim().min(1).max(MAX_TAG_LENGTH);
const Tags = z.array(Tag).max(50);
const AssetName = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

export const Asset = z.object({
  id: AssetId,
  kind: z.enum(ASSET_KINDS),
  mime: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  name: z.string(),
  clientId: Id.nullable(),
  tags: z.array(z.string()),
  fontFamily: z.string().nullable(),
  usage: z.object({ posts: z.number().int(), designs: z.number().int(), brandKits: z.number().int() }),
  createdAt: IsoInstant,
  deletedAt: IsoInstant.nullable(),
});
export type Asset = z.infer<typeof Asset>;

export const ImportResult = z.object({ asset: Asset, duplicate: z.boolean() });
export type ImportResult = z.infer<typeof ImportResult>;

/** Where an asset is used; `clientId` lets the renderer link to the owner. */
export const AssetUsage = z.object({
  ownerType: z.enum(['design', 'post', 'brand_kit']),
  ownerId: z.string(),
  title: z.string().nullable(),
  clientId: z.string().nullable(),
});
export type AssetUsage = z.infer<typeof AssetUsage>;

export const GcReport = z.object({
  removedAssets: z.number().int(),
  removedFiles: z.number().int(),
  freedBytes: z.number().int(),
  keptDeleted: z.number().int(),
});
export type GcReport = z.infer<typeof GcReport>;

export const FontChoice = z.object({ family: z.string().trim().min(1).max(200), assetId: AssetId.nullable() });
export type FontChoice = z.infer<typeof FontChoice>;

export const FontEntry = z.object({
  family: z.string(),
  style: z.string(),
  source: z.enum(['bundled', 'imported']),
  /** Bundled: the file under assets/fonts. Imported: null (load it from mediaPath('files', assetId)). */
  file: z.string().nullable(),
  assetId: AssetId.nullable(),
  /** Heading or body font of the asked client's brand kit: these come first. */
  inBrandKit: z.boolean(),
});
export type FontEntry = z.infer<typeof FontEntry>;

export const BrandKit = z.object({
  clientId: Id,
  palette: z.array(z.string()),
  headingFont: FontChoice.nullable(),
  bodyFont: FontChoice.nullable(),
  logos: z.array(Asset),
  updatedAt: IsoInstant.nullable(),
});
export type BrandKit = z.infer<typeof BrandKit>;

export const AssetQuery = z.strictObject({
  search: z.string().max(200).optional(),
  kind: z.enum(ASSET_KINDS).optional(),
  clientId: Id.nullable().optional(),
  unused: z.boolean().optional(),
  tag: z.string().max(MAX_TAG_LENGTH).optional(),
  includeDeleted: z.boolean().optional(),
});

/** Import metadata (the bytes come with `assets.import`, or as the body of the web host's PUT /media/upload). */
export const ImportMeta = z.strictObject({
  name: AssetName,
  clientId: Id.optional(),
  tags: Tags.optional(),
});

export const libraryMethods = defineMethods({
  'assets.list': { summary: 'List assets, newest first, filtered by search, kind, client, tag or unused.', input: AssetQuery, output: z.array(Asset) },
  'assets.get': { summary: 'One asset by id (its SHA-256).', input: z.strictObject({ id: AssetId }), output: Asset },
  'assets.import': {
    summary: "Import one file's bytes (a Uint8Array: Electron's IPC carries it as it is); the type is decided from the bytes. Same bytes are stored once.",
    input: ImportMeta.extend({
      bytes: z
        .custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be the file’s bytes (a Uint8Array)')
        .refine((b) => b.byteLength > 0, 'is empty')
        .refine((b) => b.byteLength <= MAX_ASSET_BYTES, 'is larger than 200 MB'),
    }),
    output: ImportResult,
  },
  'assets.importFile': {
    summary: 'Import one file from disk (the CLI; in browser mode only an upload in the library). Same bytes are stored once.',
    input: z.strictObject({ file: z.string().min(1).max(4096), name: AssetName.optional(), clientId: Id.optional(), tags: Tags.optional() }),
    output: ImportResult,
  },
  'assets.rename': { summary: 'Rename an asset.', input: z.strictObject({ id: AssetId, name: AssetName }), output: Asset },
  'assets.setTags': { summary: "Replace an asset's tags.", input: z.strictObject({ id: AssetId, tags: Tags }), output: Asset },
  'assets.setClient': { summary: 'Give an asset to a client, or to nobody (null).', input: z.strictObject({ id: AssetId, clientId: Id.nullable() }), output: Asset },
  'assets.delete': {
    summary: 'Move an asset to the trash (refused while it is used, unless force); restorable until gc.',
    input: z.strictObject({ id: AssetId, force: z.boolean().optional() }),
    output: Asset,
  },
  'assets.restore': { summary: 'Bring a deleted asset back.', input: z.strictObject({ id: AssetId }), output: Asset },
  'assets.usage': { summary: 'Where an asset is used: posts, designs, brand kits.', input: z.strictObject({ id: AssetId }), output: z.array(AssetUsage) },
  'assets.setRefs': {
    summary: 'Record every asset a design or post uses (replaces its previous list).',
    input: z.strictObject({ ownerType: z.enum(['design', 'post']), ownerId: Id, assetIds: z.array(AssetId).max(10_000) }),
    output: z.object({ assetIds: z.array(AssetId) }),
  },
  'assets.tags': { summary: 'Every tag in use, with how many assets carry it.', input: z.strictObject({}), output: z.array(z.object({ tag: z.string(), count: z.number().int() })) },
  'assets.gc': {
    summary: 'Remove deleted, unreferenced assets older than the grace period, and stray files.',
    input: z.strictObject({ graceDays: z.number().min(0).max(3650).optional() }),
    output: GcReport,
  },
  'fonts.list': {
    summary: "Bundled and imported fonts; with a client, that client's brand-kit fonts first.",
    input: z.strictObject({ clientId: Id.optional() }),
    output: z.array(FontEntry),
  },
  'fonts.file': {
    summary: 'The TrueType/OpenType file of the face nearest a family, weight and style (imported or bundled; WOFF2 decoded), for embedding in a PDF. Null when the family is unknown.',
    input: z.strictObject({ family: z.string().trim().min(1).max(200), weight: z.number().int().min(100).max(900), italic: z.boolean() }),
    output: z.object({ dataBase64: z.string() }).nullable(),
  },
  'brandKits.get': { summary: "A client's brand kit (empty until set).", input: z.strictObject({ clientId: Id }), output: BrandKit },
  'brandKits.update': {
    summary: "Change a client's palette, heading/body fonts or logos.",
    input: z.strictObject({
      clientId: Id,
      palette: z.array(HexColor).max(24).optional(),
      headingFont: FontChoice.nullable().optional(),
      bodyFont: FontChoice.nullable().optional(),
      logoIds: z.array(AssetId).max(24).optional(),
    }),
    output: BrandKit,
  },
});
