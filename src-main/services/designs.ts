// Designs: documents stored as validated JSON. A save that fails the schema is refused and the
// stored document is kept; every load upgrades older documents through core/design.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DesignSummary, designMethods, DesignWithDocument, TemplateSummary, TemplateWithDocument } from '../contract/api/designs';
import type { Asset } from '../contract/api/library';
import { AtelierError } from '../contract/errors';
import {
  blankDocument,
  cloneElement,
  CUSTOM_PRESET,
  DesignDocumentError,
  findPreset,
  magicResize,
  parseDesign,
  photoDesign,
  type DesignDocument,
} from '../core/design';
import type { DesignListRow, DesignRow } from '../db/repositories/designs';
import type { HandlersFor } from '../contract/handlers';
import { foldText } from '../core/domain/search';
import { designThumbPath } from '../core/domain/design-thumbs';
import { findBundledDir } from '../render/bundled';
import { thumbnailRevision } from './design-thumbnails';
import { iso, isoOrNull } from './convert';
import type { DesignThumbnails } from './design-thumbnails';
import type { EventBus } from './events';
import type { Library } from './library';

function summary(row: DesignListRow): DesignSummary {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    preset: row.preset,
    width: row.width,
    height: row.height,
    pages: row.pages,
    linkedFrom: row.linked_from ?? null,
    isTemplate: row.is_template === 1,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    deletedAt: isoOrNull(row.deleted_at),
    // Templates have no thumbnail route; a design's changes with every save (see design-thumbnails).
    thumbnail: row.is_template === 1 || row.size === undefined ? null : designThumbPath(row.id, 0, thumbnailRevision({ updated_at: row.updated_at, size: row.size }), 'large'),
  };
}

function rowSummary(row: DesignRow, doc: DesignDocument): DesignSummary {
  return summary({ ...row, width: doc.width, height: doc.height, pages: doc.pages.length, size: Buffer.byteLength(row.document) });
}

function invalid(error: DesignDocumentError, what: string, reason: { key: string; params?: Record<string, string> }): AtelierError {
  return new AtelierError('invalid_input', `${what}: ${error.message.replace(/^The design is invalid: /, '')}`, { issues: error.issues }, reason);
}

/** Fresh ids for every page and element (copies must not share ids with their source). */
export function reidDocument(doc: DesignDocument, id: string, newId: () => string): DesignDocument {
  return { ...doc, id, pages: doc.pages.map((p) => ({ ...p, id: newId(), elements: p.elements.map((e) => cloneElement(e, newId)) })) };
}

export interface DesignServiceOptions {
  templatesDir?: string;
  /** Called after a document is stored, so the asset library can record which images it uses. */
  onStored?: (designId: string, doc: DesignDocument) => void;
  /** The asset library's lookup (its service owns the table), for designs made from photos. */
  findAsset: (id: string) => Asset | null;
}

export function createDesignService(lib: Library, events: EventBus, options: DesignServiceOptions) {
  let bundled: Map<string, DesignDocument> | null = null;
  function bundledTemplates(): Map<string, DesignDocument> {
    if (bundled) return bundled;
    const dir = options.templatesDir ?? findBundledDir('templates');
    bundled = new Map();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const doc = parseDesign(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      bundled.set(doc.id, doc);
    }
    return bundled;
  }

  function requireRow(id: string): DesignRow {
    const row = lib.designs.get(id);
    if (!row) throw new AtelierError('not_found', `No design with id ${id}.`, { id }, { key: 'designs.notFound' });
    return row;
  }

  function load(row: DesignRow): DesignDocument {
    try {
      return parseDesign(JSON.parse(row.document));
    } catch (error) {
      if (error instanceof DesignDocumentError) throw invalid(error, `Design ${row.id} cannot be opened`, { key: 'designs.cannotOpen', params: { name: row.name } });
      throw error;
    }
  }

  function changed(ids: string[]): void {
    events.emit('designs.changed', { ids });
  }

  function insert(doc: DesignDocument, extra: { clientId?: string | null; isTemplate?: boolean } = {}): DesignRow {
    const now = lib.clock.now();
    const row: DesignRow = {
      id: doc.id,
      client_id: extra.clientId ?? null,
      name: doc.name,
      preset: doc.preset,
      schema_version: doc.schemaVersion,
      document: JSON.stringify(doc),
      created_at: now,
      updated_at: now,
      deleted_at: null,
      is_template: extra.isTemplate ? 1 : 0,
      linked_from: doc.linkedFrom,
    };
    lib.write(() => lib.designs.insert(row));
    options.onStored?.(row.id, doc);
    return row;
  }

  function withDoc(row: DesignRow, doc: DesignDocument): DesignWithDocument {
    return { ...rowSummary(row, doc), document: doc };
  }

  const service = {
    list(input: { clientId?: string; includeDeleted?: boolean } = {}): DesignSummary[] {
      return lib.designs.list({ clientId: input.clientId, includeDeleted: input.includeDeleted }).map(summary);
    },
    get(id: string): DesignWithDocument {
      const row = requireRow(id);
      return withDoc(row, load(row));
    },
    document(id: string): DesignDocument {
      return load(requireRow(id));
    },
    create(input: { name?: string; clientId?: string | null; preset?: string; width?: number; height?: number; templateId?: string }): DesignWithDocument {
      if (input.clientId && !lib.clients.get(input.clientId)) throw new AtelierError('not_found', `No client with id ${input.clientId}.`, { clientId: input.clientId }, { key: 'clients.notFound' });
      const id = lib.ids();
      let doc: DesignDocument;
      if (input.templateId) {
        const template = bundledTemplates().get(input.templateId) ?? (() => {
          const row = lib.designs.get(input.templateId!);
          return row && row.is_template === 1 ? load(row) : undefined;
        })();
        if (!template) throw new AtelierError('not_found', `No template with id ${input.templateId}.`, { templateId: input.templateId }, { key: 'designs.templateNotFound' });
        doc = { ...reidDocument(template, id, lib.ids), name: input.name ?? template.name, linkedFrom: null };
      } else {
        const preset = input.preset ? findPreset(input.preset) : findPreset('instagram-square');
        if (input.preset && input.preset !== CUSTOM_PRESET && !preset) throw new AtelierError('invalid_input', `Unknown size preset "${input.preset}".`, { preset: input.preset }, { key: 'designs.unknownPreset', params: { preset: input.preset } });
        const width = input.width ?? preset?.width;
        const height = input.height ?? preset?.height;
        if (!width || !height) throw new AtelierError('invalid_input', 'A custom size needs a width and a height.', { field: 'width' }, { key: 'designs.customSize' });
        doc = blankDocument({ id, name: input.name ?? 'Untitled design', preset: input.preset ?? preset!.id, width, height, pageId: lib.ids() });
      }
      const row = insert(doc, { clientId: input.clientId ?? null });
      changed([id]);
      return withDoc(row, doc);
    },
    /** Photos from the library as a design at a preset: a page each, covering it. */
    fromPhotos(input: { clientId?: string | null; preset: string; assetIds: string[]; name?: string }): DesignWithDocument {
      const client = input.clientId ? lib.clients.get(input.clientId) : null;
      if (input.clientId && (!client || client.deleted_at !== null)) throw new AtelierError('not_found', `No client with id ${input.clientId}.`, { clientId: input.clientId }, { key: 'clients.notFound' });
      const preset = findPreset(input.preset);
      if (!preset) throw new AtelierError('invalid_input', `Unknown size preset "${input.preset}".`, { preset: input.preset }, { key: 'designs.unknownPreset', params: { preset: input.preset } });
      const photos = input.assetIds.map((assetId) => {
        const asset = options.findAsset(assetId);
        if (!asset || asset.deletedAt !== null || asset.kind !== 'image') {
          throw new AtelierError('not_found', `No photo ${assetId.slice(0, 12)}… in the library.`, { field: 'assetIds', assetId }, { key: 'designs.photoNotFound' });
        }
        return { assetId, width: asset.width, height: asset.height };
      });
      const id = lib.ids();
      const first = options.findAsset(input.assetIds[0]!)!;
      const name = input.name ?? first.name.replace(/\.[^.]+$/, '') ?? 'Photos';
      const doc = parseDesign(photoDesign({ id, name: name || 'Photos', preset: preset.id, width: preset.width, height: preset.height, photos, newId: lib.ids }));
      const row = insert(doc, { clientId: input.clientId ?? null });
      changed([id]);
      return withDoc(row, doc);
    },
    /** Validates then stores; on any problem the stored document is left untouched. */
    save(id: string, raw: unknown, baseUpdatedAt?: string): DesignSummary {
      const row = requireRow(id);
      // Optimistic concurrency: the save says which version it was edited from.
      if (baseUpdatedAt !== undefined && Date.parse(baseUpdatedAt) !== row.updated_at) {
        throw new AtelierError(
          'conflict',
          `"${row.name}" was changed in another window since this one opened it; nothing was saved. Reload it to see that version.`,
          { id, updatedAt: iso(row.updated_at) },
          { key: 'designs.changedElsewhere', params: { name: row.name } },
        );
      }
      let doc: DesignDocument;
      try {
        doc = parseDesign(raw);
      } catch (error) {
        if (error instanceof DesignDocumentError) throw invalid(error, `Design ${id} was not saved`, { key: 'designs.notSaved', params: { name: row.name } });
        throw error;
      }
      if (doc.id !== id) throw new AtelierError('invalid_input', `Design ${id} was not saved: the document's id is ${doc.id}.`, { id, documentId: doc.id }, { key: 'designs.notSaved', params: { name: row.name } });
      // Every save is a new revision, even two in the same millisecond.
      const now = Math.max(lib.clock.now(), row.updated_at + 1);
      lib.write(() => lib.designs.saveDocument(id, doc, JSON.stringify(doc), now));
      options.onStored?.(id, doc);
      changed([id]);
      return rowSummary({ ...row, name: doc.name, preset: doc.preset, updated_at: now }, doc);
    },
    /** Rename and/or give to a client; the stored document is otherwise untouched. */
    update(id: string, patch: { name?: string; clientId?: string | null }): DesignSummary {
      requireRow(id);
      if (patch.clientId && !lib.clients.get(patch.clientId)) throw new AtelierError('not_found', `No client with id ${patch.clientId}; the design was not changed.`, { clientId: patch.clientId }, { key: 'clients.notFound' });
      const now = lib.clock.now();
      lib.write(() => {
        if (patch.name !== undefined) lib.designs.rename(id, patch.name, now);
        if (patch.clientId !== undefined) lib.designs.setClient(id, patch.clientId, now);
      });
      changed([id]);
      const row = requireRow(id);
      return rowSummary(row, load(row));
    },
    duplicate(id: string, name?: string): DesignWithDocument {
      const src = requireRow(id);
      const newId = lib.ids();
      const doc = { ...reidDocument(load(src), newId, lib.ids), name: name ?? `${src.name} (copy)` };
      const row = insert(doc, { clientId: src.client_id });
      changed([newId]);
      return withDoc(row, doc);
    },
    setDeleted(id: string, deleted: boolean): DesignSummary {
      const row = requireRow(id);
      const now = lib.clock.now();
      lib.write(() => lib.designs.setDeleted(id, deleted ? (row.deleted_at ?? now) : null, now));
      changed([id]);
      const updated = requireRow(id);
      return rowSummary(updated, load(updated));
    },
    /** Linked copies for other presets, laid out by magic resize. */
    resize(id: string, presets: string[], names: Readonly<Record<string, string>> = {}): DesignSummary[] {
      const src = requireRow(id);
      const doc = load(src);
      const unknown = presets.filter((p) => !findPreset(p));
      if (unknown.length) throw new AtelierError('invalid_input', `Unknown size preset "${unknown[0]}".`, { presets: unknown }, { key: 'designs.unknownPreset', params: { preset: unknown[0]! } });
      const out: DesignSummary[] = [];
      for (const presetId of presets) {
        const preset = findPreset(presetId)!;
        const copy = parseDesign(magicResize(doc, { id: lib.ids(), preset: preset.id, width: preset.width, height: preset.height, name: names[preset.id] ?? `${doc.name} (${preset.platform} ${preset.label})` }));
        const row = insert(copy, { clientId: src.client_id });
        out.push(rowSummary(row, copy));
      }
      changed(out.map((d) => d.id));
      return out;
    },
    linked(id: string): DesignSummary[] {
      const row = requireRow(id);
      const root = row.linked_from ?? row.id;
      return lib.designs.list({ clientId: undefined }).filter((d) => d.id !== id && (d.id === root || d.linked_from === root)).map(summary);
    },
    templates(): TemplateSummary[] {
      const out: TemplateSummary[] = [...bundledTemplates().values()].map((d) => ({ id: d.id, name: d.name, preset: d.preset, width: d.width, height: d.height, pages: d.pages.length, source: 'bundled' as const }));
      for (const row of lib.designs.list({ templates: true })) out.push({ id: row.id, name: row.name, preset: row.preset, width: row.width, height: row.height, pages: row.pages, source: 'user' });
      return out;
    },
    template(id: string): TemplateWithDocument {
      const bundledDoc = bundledTemplates().get(id);
      if (bundledDoc) return { id, name: bundledDoc.name, preset: bundledDoc.preset, width: bundledDoc.width, height: bundledDoc.height, pages: bundledDoc.pages.length, source: 'bundled', document: bundledDoc };
      const row = lib.designs.get(id);
      if (!row || row.is_template !== 1 || row.deleted_at !== null) throw new AtelierError('not_found', `No template with id ${id}.`, { templateId: id }, { key: 'designs.templateNotFound' });
      const doc = load(row);
      return { id, name: row.name, preset: row.preset, width: doc.width, height: doc.height, pages: doc.pages.length, source: 'user', document: doc };
    },
    /**
     * A copy of a design as a user template. Two templates with one name (case and accents aside)
     * would be told apart by nobody: such a name is refused unless `replace`, which overwrites it.
     */
    saveAsTemplate(id: string, name?: string, replace = false): TemplateSummary {
      const src = requireRow(id);
      const wanted = (name ?? src.name).trim();
      const same = lib.designs.list({ templates: true }).find((t) => foldText(t.name) === foldText(wanted));
      if (same && !replace) {
        throw new AtelierError('conflict', `A template named "${same.name}" already exists; choose another name or replace it. Nothing was saved.`, { templateId: same.id, name: same.name }, { key: 'designs.templateExists', params: { name: same.name } });
      }
      const newId = same ? same.id : lib.ids();
      const doc = { ...reidDocument(load(src), newId, lib.ids), name: wanted, linkedFrom: null };
      if (same) {
        const now = lib.clock.now();
        lib.write(() => lib.designs.saveDocument(newId, doc, JSON.stringify(doc), now));
        options.onStored?.(newId, doc);
      } else insert(doc, { isTemplate: true });
      changed([newId]);
      return { id: newId, name: doc.name, preset: doc.preset, width: doc.width, height: doc.height, pages: doc.pages.length, source: 'user' };
    },
  };
  return service;
}

export type DesignService = ReturnType<typeof createDesignService>;

export function designHandlers(designs: DesignService, thumbnails: Pick<DesignThumbnails, 'pagesFor'>): HandlersFor<typeof designMethods> {
  return {
    'designs.previews': ({ ids, size }) => thumbnails.pagesFor(ids, size),
    'designs.list': (input) => designs.list(input),
    'designs.get': ({ id }) => designs.get(id),
    'designs.create': (input) => designs.create(input),
    'designs.save': ({ id, document, baseUpdatedAt }) => designs.save(id, document, baseUpdatedAt),
    'designs.fromPhotos': (input) => designs.fromPhotos(input),
    'designs.duplicate': ({ id, name }) => designs.duplicate(id, name),
    'designs.update': ({ id, name, clientId }) => designs.update(id, { name, clientId }),
    'designs.template': ({ id }) => designs.template(id),
    'designs.delete': ({ id }) => designs.setDeleted(id, true),
    'designs.restore': ({ id }) => designs.setDeleted(id, false),
    'designs.resize': ({ id, presets, names }) => designs.resize(id, presets, names),
    'designs.linked': ({ id }) => designs.linked(id),
    'designs.templates': () => designs.templates(),
    'designs.saveAsTemplate': ({ id, name, replace }) => designs.saveAsTemplate(id, name, replace),
  };
}
