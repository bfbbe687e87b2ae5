// New documents and elements with sensible defaults, always valid under the schema.
import { Element, SCHEMA_VERSION, type DesignDocument, type ElementInput, type Page } from './schema';

export function blankPage(id: string, name = ''): Page {
  return { id, name, background: { type: 'color', color: '#ffffff' }, elements: [] };
}

export function blankDocument(input: { id: string; name: string; preset: string; width: number; height: number; pageId: string }): DesignDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: input.id,
    name: input.name,
    preset: input.preset,
    width: input.width,
    height: input.height,
    linkedFrom: null,
    pages: [blankPage(input.pageId, 'Page 1')],
  };
}

/**
 * The names new elements get: English placeholders, not the user's words, so a screen shows the type
 * in its own language (see `ownName`) instead.
 */
export const PLACEHOLDER_NAMES = { text: 'Text', image: 'Image', rect: 'Rectangle', ellipse: 'Ellipse', star: 'Star', polygon: 'Polygon', line: 'Line', arrow: 'Arrow' } as const satisfies Partial<Record<Element['type'], string>>;

/** An element's name as the user or a template gave it, or '' for a placeholder or no name. */
export function ownName(el: Element): string {
  return el.name && el.name !== (PLACEHOLDER_NAMES as Partial<Record<Element['type'], string>>)[el.type] ? el.name : '';
}

/** Fills defaults (via the schema) for a partially specified element. */
export function makeElement(input: ElementInput): Element {
  return Element.parse(input);
}

export function newText(id: string, x: number, y: number, text: string, fontSize = 64): Element {
  return makeElement({ id, type: 'text', name: PLACEHOLDER_NAMES.text, x, y, width: Math.max(200, text.length * fontSize * 0.6), height: fontSize * 1.3, text, fontFamily: 'Inter', fontSize, fill: '#111111' });
}

export function newShape(id: string, type: 'rect' | 'ellipse' | 'star' | 'polygon', x: number, y: number, size = 240): Element {
  return makeElement({ id, type, name: PLACEHOLDER_NAMES[type], x, y, width: size, height: size, fill: '#6366f1' });
}

export function newLine(id: string, type: 'line' | 'arrow', x: number, y: number, length = 300): Element {
  return makeElement({ id, type, name: PLACEHOLDER_NAMES[type], x, y, width: length, height: 0, points: [0, 0, length, 0], stroke: '#111111', strokeWidth: 8 });
}

export function newImage(id: string, assetId: string, x: number, y: number, width: number, height: number, alt = ''): Element {
  return makeElement({ id, type: 'image', name: PLACEHOLDER_NAMES.image, x, y, width, height, assetId, alt });
}
