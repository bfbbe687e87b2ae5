import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesignDocumentError, parseDesign, SCHEMA_VERSION, safeParseDesign } from '../../../src-main/core/design';

const v1 = {
  schemaVersion: 1,
  id: 'd',
  name: 'Old',
  preset: 'instagram-square',
  width: 1080,
  height: 1080,
  pages: [
    {
      name: 'P',
      background: '#fdf8f3',
      elements: [
        { id: 'g', type: 'group', x: 10, y: 10, width: 100, height: 100, rotation: 0, opacity: 1, visible: true, locked: false, version: 1, elements: [{ id: 'r', type: 'rect', x: 0, y: 0, width: 5, height: 5, fill: '#ff0000' }] },
        { id: 't', type: 'text', x: 0, y: 0, width: 100, height: 40, text: 'Hi', fontFamily: 'Inter', fontSize: 32, fontWeight: 700, fill: '#fff' },
      ],
    },
  ],
};

describe('design document schema', () => {
  it('upgrades a v1 document: string background, missing page id, defaults filled', () => {
    const doc = parseDesign(v1);
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.pages[0]!.id).toBe('page-1');
    expect(doc.pages[0]!.background).toEqual({ type: 'color', color: '#fdf8f3' });
    const text = doc.pages[0]!.elements[1]!;
    expect(text.type === 'text' && text.autoFit === false && text.shadow === null && text.lineHeight === 1.2).toBe(true);
    const group = doc.pages[0]!.elements[0]!;
    expect(group.type === 'group' && group.elements[0]!.type).toBe('rect');
  });

  it('names the failing field deep inside a group', () => {
    const bad = structuredClone(v1);
    (bad.pages[0]!.elements[0]!.elements![0] as Record<string, unknown>).width = -4;
    const r = safeParseDesign(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/pages\.0\.elements\.0\.elements\.0\.width/);
  });

  it('refuses newer versions and non-objects with a clear message', () => {
    expect(() => parseDesign({ ...v1, schemaVersion: 99 })).toThrow(/newer Atelier/);
    expect(() => parseDesign('nope')).toThrow(DesignDocumentError);
    expect(() => parseDesign({ ...v1, schemaVersion: undefined })).toThrow(/schemaVersion/);
  });

  it('accepts gradients with any number of stops and rejects an unknown element type', () => {
    const g = { type: 'linear', from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, stops: [{ offset: 0, color: '#000' }, { offset: 0.3, color: '#f00' }, { offset: 1, color: '#fff' }] };
    const doc = parseDesign({ ...v1, pages: [{ id: 'p', elements: [{ id: 'a', type: 'star', x: 0, y: 0, width: 9, height: 9, fill: g }] }] });
    expect(doc.pages[0]!.elements[0]).toMatchObject({ fill: g, numPoints: 5 });
    expect(() => parseDesign({ ...v1, pages: [{ id: 'p', elements: [{ id: 'a', type: 'blob', x: 0, y: 0, width: 1, height: 1 }] }] })).toThrow(/type/);
  });

  it('every bundled template is a valid current document', () => {
    const dir = path.resolve('assets/templates');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) {
      const r = safeParseDesign(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
      expect(r.ok, `${f}: ${r.ok ? '' : r.error.message}`).toBe(true);
    }
  });
});
