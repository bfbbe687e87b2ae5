// Older documents upgrade on load through small pure steps, one per schema version.

import { DesignDocument, SCHEMA_VERSION } from './schema';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * v1 → v2: v1 (the first seed format) allowed a page background as a bare colour string, pages
 * without ids and no `linkedFrom`. v2 makes them explicit.
 */
function v1ToV2(doc: Json): Json {
  const pages = Array.isArray(doc.pages) ? doc.pages : [];
  return {
    ...doc,
    schemaVersion: 2,
    linkedFrom: doc.linkedFrom ?? null,
    pages: pages.map((page: unknown, i: number) => {
      if (!isObject(page)) return page;
      const bg = page.background;
      return {
        ...page,
        id: typeof page.id === 'string' && page.id ? page.id : `page-${i + 1}`,
        background: typeof bg === 'string' ? { type: 'color', color: bg } : bg,
      };
    }),
  };
}

/** v2 → v3: schema 3 adds the `path` element (icons); every v2 document is a valid v3 one. */
function v2ToV3(doc: Json): Json {
  return { ...doc, schemaVersion: 3 };
}

const STEPS: Record<number, (doc: Json) => Json> = { 1: v1ToV2, 2: v2ToV3 };

export class DesignDocumentError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(message: string, issues: { path: string; message: string }[]) {
    super(message);
    this.name = 'DesignDocumentError';
    this.issues = issues;
  }
}

/** Brings any known older version up to SCHEMA_VERSION. Unknown or newer versions are refused. */
export function upgradeDocument(raw: unknown): unknown {
  if (!isObject(raw)) throw new DesignDocumentError('The design is not a JSON object.', [{ path: '(document)', message: 'must be an object' }]);
  let doc: Json = raw;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : NaN;
  if (!Number.isInteger(version) || version < 1) {
    throw new DesignDocumentError('The design has no valid schemaVersion.', [{ path: 'schemaVersion', message: 'must be a positive integer' }]);
  }
  if (version > SCHEMA_VERSION) {
    throw new DesignDocumentError(
      `The design was saved by a newer Atelier (schema ${version}; this version reads up to ${SCHEMA_VERSION}).`,
      [{ path: 'schemaVersion', message: `newer than ${SCHEMA_VERSION}` }],
    );
  }
  while (version < SCHEMA_VERSION) {
    const step = STEPS[version];
    if (!step) throw new DesignDocumentError(`No upgrade from schema ${version}.`, [{ path: 'schemaVersion', message: 'unsupported' }]);
    doc = step(doc);
    version = doc.schemaVersion as number;
  }
  return doc;
}

/** Upgrade then validate; the result is a complete current document, or a DesignDocumentError naming the field. */
export function parseDesign(raw: unknown): DesignDocument {
  const upgraded = upgradeDocument(raw);
  const parsed = DesignDocument.safeParse(upgraded);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(document)', message: i.message }));
    throw new DesignDocumentError(`The design is invalid: ${issues[0]!.path} ${issues[0]!.message}`, issues);
  }
  return parsed.data;
}

export function safeParseDesign(raw: unknown): { ok: true; doc: DesignDocument } | { ok: false; error: DesignDocumentError } {
  try {
    return { ok: true, doc: parseDesign(raw) };
  } catch (error) {
    if (error instanceof DesignDocumentError) return { ok: false, error };
    throw error;
  }
}

