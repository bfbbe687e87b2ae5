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

/** Fills defaults (via the schema) for a partially specified element. */
export function makeElement(input: ElementInput): Element {
  return Element.parse(input);
}

export function newText(id: string, x: number, y: number, text: string, fontSize = 64): Element {
  return makeElement({ id, type: 'text', name: 'Text', x, y, width: Math.max(200, text.length * fontSize * 0.6), height: fontSize * 1.3, text, fontFamily: 'Inter', fontSize, fill: '#111111' });
}

export function newShape(id: string, type: 'rect' | 'ellipse' | 'star' | 'polygon', x: number, y: number, size = 240): Element {
  const names = { rect: 'Rectangle', ellipse: 'Ellipse', star: 'Star', polygon: 'Polygon' } as const;
  return makeElement({ id, type, name: names[type], x, y, width: size, height: size, fill: '#6366f1' });
}

export function newLine(id: string, type: 'line' | 'arrow', x: number, y: number, length = 300): Element {
  return makeElement({ id, type, name: type === 'line' ? 'Line' : 'Arrow', x, y, width: length, height: 0, points: [0, 0, length, 0], stroke: '#111111', strokeWidth: 8 });
}

export function newImage(id: string, assetId: string, x: number, y: number, width: number, height: number, alt = ''): Element {
  return makeElement({ id, type: 'image', name: 'Image', x, y, width, height, assetId, alt });
}
