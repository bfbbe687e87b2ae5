import { z } from 'zod';
import { Id, IsoInstant } from '../entities';
import { AssetId } from './library';
import { defineMethods } from './define';

export const DesignSummary = z.object({
  id: Id,
  clientId: Id.nullable(),
  name: z.string(),
  preset: z.string(),
  width: z.number(),
  height: z.number(),
  pages: z.number().int(),
  linkedFrom: Id.nullable(),
  isTemplate: z.boolean(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  deletedAt: IsoInstant.nullable(),
  /** URL path of the first page's thumbnail (rendered on first use, a new path after each save). */
  thumbnail: z.string().nullable(),
});
export type DesignSummary = z.infer<typeof DesignSummary>;

/** The document travels as JSON and is validated by the service (schema + upgrade), not here. */
export const DesignWithDocument = DesignSummary.extend({ document: z.unknown() });
export type DesignWithDocument = z.infer<typeof DesignWithDocument>;

export const TemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  preset: z.string(),
  width: z.number(),
  height: z.number(),
  pages: z.number().int(),
  source: z.enum(['bundled', 'user']),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

/** A template with its document (the editor draws its thumbnail and can apply a brand kit to it). */
export const TemplateWithDocument = TemplateSummary.extend({ document: z.unknown() });
export type TemplateWithDocument = z.infer<typeof TemplateWithDocument>;

const Name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const PresetId = z.string().min(1).max(64);

export const designMethods = defineMethods({
  'designs.list': {
    summary: 'List designs (newest first), optionally for one client.',
    input: z.strictObject({ clientId: Id.optional(), includeDeleted: z.boolean().optional() }),
    output: z.array(DesignSummary),
  },
  'designs.get': { summary: 'One design with its document (upgraded to the current schema).', input: z.strictObject({ id: Id }), output: DesignWithDocument },
  'designs.create': {
    summary: 'Create a design from a size preset, a custom size or a template.',
    input: z.strictObject({
      name: Name.optional(),
      clientId: Id.nullable().optional(),
      preset: PresetId.optional(),
      width: z.number().int().min(1).max(10_000).optional(),
      height: z.number().int().min(1).max(10_000).optional(),
      templateId: z.string().min(1).max(64).optional(),
    }),
    output: DesignWithDocument,
  },
  'designs.save': {
    summary: 'Save a design document; a document that fails the schema, or one based on an older save (baseUpdatedAt), is refused and the stored one kept.',
    input: z.strictObject({
      id: Id,
      document: z.unknown(),
      /**
       * The `updatedAt` of the version this document was edited from. When the stored design has
       * changed since (another window saved it), the save is refused rather than overwriting that.
       */
      baseUpdatedAt: IsoInstant.optional(),
    }),
    output: DesignSummary,
  },
  'designs.fromPhotos': {
    summary: 'A design at a size preset with one page per library photo, each photo covering its page.',
    input: z.strictObject({ clientId: Id.nullable().optional(), preset: PresetId, assetIds: z.array(AssetId).min(1).max(20), name: Name.optional() }),
    output: DesignWithDocument,
  },
  'designs.duplicate': { summary: 'Copy a design (new ids).', input: z.strictObject({ id: Id, name: Name.optional() }), output: DesignWithDocument },
  'designs.update': {
    summary: "Rename a design or give it to a client (or to nobody: null); the document's name follows.",
    input: z.strictObject({ id: Id, name: Name.optional(), clientId: Id.nullable().optional() }),
    output: DesignSummary,
  },
  'designs.delete': { summary: 'Move a design to the trash; restorable.', input: z.strictObject({ id: Id }), output: DesignSummary },
  'designs.restore': { summary: 'Bring a deleted design back.', input: z.strictObject({ id: Id }), output: DesignSummary },
  'designs.resize': {
    summary: 'Magic resize: linked copies of a design for other presets.',
    input: z.strictObject({
      id: Id,
      presets: z.array(PresetId).min(1).max(20),
      /** A name per preset for the copies (the studio names them in its language); default "<name> (<platform> <size>)". */
      names: z.record(z.string(), Name).optional(),
    }),
    output: z.array(DesignSummary),
  },
  'designs.linked': { summary: 'The linked copies of a design (and its source).', input: z.strictObject({ id: Id }), output: z.array(DesignSummary) },
  'designs.previews': {
    summary: 'Thumbnail URL paths of designs, one per page (small for cards, large for galleries and previews).',
    input: z.strictObject({ ids: z.array(Id).max(1000), size: z.enum(['small', 'large']) }),
    output: z.record(Id, z.array(z.string())),
  },
  'designs.templates': { summary: 'Bundled and user templates.', input: z.strictObject({}), output: z.array(TemplateSummary) },
  'designs.template': { summary: 'One template with its document.', input: z.strictObject({ id: z.string().min(1).max(64) }), output: TemplateWithDocument },
  'designs.saveAsTemplate': {
    summary: 'Save a copy of a design as a user template. A name another user template has is refused (conflict) unless replace is set, which replaces that template.',
    input: z.strictObject({ id: Id, name: Name.optional(), replace: z.boolean().optional() }),
    output: TemplateSummary,
  },
});
