// Designs: documents stored as validated JSON. A save that fails the schema is refused and the
// stored document is kept; every load upgrades older documents through core/design.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DesignSummary, designMethods, DesignWithDocument, TemplateSummary } from '../contract/api/designs';
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
import { createAssetsRepository } from '../db/repositories/assets';
import type { DesignListRow, DesignRow } from '../db/repositories/designs';
import type { HandlersFor } from '../dispatch';
import { findBundledDir } from './bundled';
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
  };
}

function rowSummary(row: DesignRow, doc: DesignDocument): DesignSummary {
  return summary({ ...row, width: doc.width, height: doc.height, pages: doc.pages.length });
}

function invalid(error: DesignDocumentError, what: string): AtelierError {
  return new AtelierError('invalid_input', `${what}: ${error.message.replace(/^The design is invalid: /, '')}`, { issues: error.issues });
}

/** Fresh ids for every page and element (copies must not share ids with their source). */
export function reidDocument(doc: DesignDocument, id: string, newId: () => string): DesignDocument {
  return { ...doc, id, pages: doc.pages.map((p) => ({ ...p, id: newId(), elements: p.elements.map((e) => cloneElement(e, newId)) })) };
}

export interface DesignServiceOptions {
  templatesDir?: string;
  /** Called after a document is stored, so the asset library can record which images it uses. */
  onStored?: (designId: string, doc: DesignDocument) => void;
}

export function createDesignService(lib: Library, events: EventBus, options: DesignServiceOptions = {}) {
  const assets = createAssetsRepository(lib.db);
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
    if (!row) throw new AtelierError('not_found', `No design with id ${id}.`, { id });
    return row;
  }

  function load(row: DesignRow): DesignDocument {
    try {
      return parseDesign(JSON.parse(row.document));
    } catch (error) {
      if (error instanceof DesignDocumentError) throw invalid(error, `Design ${row.id} cannot be opened`);
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
      if (input.clientId && !lib.clients.get(input.clientId)) throw new AtelierError('not_found', `No client with id ${input.clientId}.`, { clientId: input.clientId });
      const id = lib.ids();
      let doc: DesignDocument;
      if (input.templateId) {
        const template = bundledTemplates().get(input.templateId) ?? (() => {
          const row = lib.designs.get(input.templateId!);
          return row && row.is_template === 1 ? load(row) : undefined;
        })();
        if (!template) throw new AtelierError('not_found', `No template with id ${input.templateId}.`, { templateId: input.templateId });
        doc = { ...reidDocument(template, id, lib.ids), name: input.name ?? template.name, linkedFrom: null };
      } else {
        const preset = input.preset ? findPreset(input.preset) : findPreset('instagram-square');
        if (input.preset && input.preset !== CUSTOM_PRESET && !preset) throw new AtelierError('invalid_input', `Unknown size preset "${input.preset}".`, { preset: input.preset });
        const width = input.width ?? preset?.width;
        const height = input.height ?? preset?.height;
        if (!width || !height) throw new AtelierError('invalid_input', 'A custom size needs a width and a height.');
        doc = blankDocument({ id, name: input.name ?? 'Untitled design', preset: input.preset ?? preset!.id, width, height, pageId: lib.ids() });
      }
      const row = insert(doc, { clientId: input.clientId ?? null });
      changed([id]);
      return withDoc(row, doc);
    },
    /** Photos from the library as a design at a preset: a page each, covering it. */
    fromPhotos(input: { clientId?: string | null; preset: string; assetIds: string[]; name?: string }): DesignWithDocument {
      const client = input.clientId ? lib.clients.get(input.clientId) : null;
      if (input.clientId && (!client || client.deleted_at !== null)) throw new AtelierError('not_found', `No client with id ${input.clientId}.`, { clientId: input.clientId });
      const preset = findPreset(input.preset);
      if (!preset) throw new AtelierError('invalid_input', `Unknown size preset "${input.preset}".`, { preset: input.preset });
      const photos = input.assetIds.map((assetId) => {
        const asset = assets.get(assetId);
        if (!asset || asset.deleted_at !== null || asset.kind !== 'image') {
          throw new AtelierError('not_found', `No photo ${assetId.slice(0, 12)}… in the library.`, { field: 'assetIds', assetId });
        }
        return { assetId, width: asset.width, height: asset.height };
      });
      const id = lib.ids();
      const first = assets.get(input.assetIds[0]!)!;
      const name = input.name ?? first.original_name.replace(/\.[^.]+$/, '') ?? 'Photos';
      const doc = parseDesign(photoDesign({ id, name: name || 'Photos', preset: preset.id, width: preset.width, height: preset.height, photos, newId: lib.ids }));
      const row = insert(doc, { clientId: input.clientId ?? null });
      changed([id]);
      return withDoc(row, doc);
    },
    /** Validates then stores; on any problem the stored document is left untouched. */
    save(id: string, raw: unknown): DesignSummary {
      const row = requireRow(id);
      let doc: DesignDocument;
      try {
        doc = parseDesign(raw);
      } catch (error) {
        if (error instanceof DesignDocumentError) throw invalid(error, `Design ${id} was not saved`);
        throw error;
      }
      if (doc.id !== id) throw new AtelierError('invalid_input', `Design ${id} was not saved: the document's id is ${doc.id}.`, { id, documentId: doc.id });
      const now = lib.clock.now();
      lib.write(() => lib.designs.saveDocument(id, doc, JSON.stringify(doc), now));
      options.onStored?.(id, doc);
      changed([id]);
      return rowSummary({ ...row, name: doc.name, preset: doc.preset, updated_at: now }, doc);
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
    resize(id: string, presets: string[]): DesignSummary[] {
      const src = requireRow(id);
      const doc = load(src);
      const unknown = presets.filter((p) => !findPreset(p));
      if (unknown.length) throw new AtelierError('invalid_input', `Unknown size preset "${unknown[0]}".`, { presets: unknown });
      const out: DesignSummary[] = [];
      for (const presetId of presets) {
        const preset = findPreset(presetId)!;
        const copy = parseDesign(magicResize(doc, { id: lib.ids(), preset: preset.id, width: preset.width, height: preset.height, name: `${doc.name} (${preset.platform} ${preset.label})` }));
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
    saveAsTemplate(id: string, name?: string): TemplateSummary {
      const src = requireRow(id);
      const newId = lib.ids();
      const doc = { ...reidDocument(load(src), newId, lib.ids), name: name ?? src.name, linkedFrom: null };
      insert(doc, { isTemplate: true });
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
    'designs.save': ({ id, document }) => designs.save(id, document),
    'designs.fromPhotos': (input) => designs.fromPhotos(input),
    'designs.duplicate': ({ id, name }) => designs.duplicate(id, name),
    'designs.delete': ({ id }) => designs.setDeleted(id, true),
    'designs.restore': ({ id }) => designs.setDeleted(id, false),
    'designs.resize': ({ id, presets }) => designs.resize(id, presets),
    'designs.linked': ({ id }) => designs.linked(id),
    'designs.templates': () => designs.templates(),
    'designs.saveAsTemplate': ({ id, name }) => designs.saveAsTemplate(id, name),
  };
}
