import { parseDesign, type DesignDocument, type ElementInput } from '../../../src-main/core/design';

export function doc(elements: ElementInput[], extra: Partial<DesignDocument> = {}): DesignDocument {
  return parseDesign({ schemaVersion: 2, id: 'd1', name: 'Test', preset: 'instagram-square', width: 1080, height: 1080, pages: [{ id: 'p1', elements }], ...extra });
}

export const rect = (id: string, x: number, y: number, w = 100, h = 100, more: Record<string, unknown> = {}): ElementInput => ({ id, type: 'rect', x, y, width: w, height: h, ...more });

export function counter(prefix = 'n'): () => string {
  let i = 0;
  return () => `${prefix}${++i}`;
}
