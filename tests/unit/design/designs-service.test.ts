import { afterEach, describe, expect, it } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { parseDesign, SCHEMA_VERSION } from '../../../src-main/core/design';
import { testAtelier } from '../../helpers/app';

let ctx: ReturnType<typeof testAtelier>;
afterEach(() => ctx?.cleanup());

describe('designs service', () => {
  it('creates from a preset and from a template with fresh ids, lists and gets', async () => {
    ctx = testAtelier();
    const { atelier } = ctx;
    const blank = await atelier.call('designs.create', { preset: 'instagram-story', name: 'Story' });
    expect(blank).toMatchObject({ width: 1080, height: 1920, pages: 1, name: 'Story' });
    const fromTpl = await atelier.call('designs.create', { templateId: 'tpl-carousel-portrait' });
    expect(fromTpl.pages).toBe(5);
    const doc = parseDesign(fromTpl.document);
    expect(doc.id).toBe(fromTpl.id);
    expect(doc.pages[0]!.id).not.toMatch(/^page/);
    const list = await atelier.call('designs.list', {});
    expect(list.map((d) => d.id).sort()).toEqual([blank.id, fromTpl.id].sort());
    expect((await atelier.call('designs.templates', {})).length).toBeGreaterThanOrEqual(12);
  });

  it('saves a valid document and refuses a broken one, keeping the stored version', async () => {
    ctx = testAtelier();
    const { atelier } = ctx;
    const d = await atelier.call('designs.create', { templateId: 'tpl-quote-square' });
    const doc = parseDesign(d.document);
    await atelier.call('designs.save', { id: d.id, document: { ...doc, name: 'Renamed' } });
    const broken = structuredClone(doc) as unknown as { pages: { elements: { width: unknown }[] }[] };
    broken.pages[0]!.elements[0]!.width = 'wide';
    await expect(atelier.call('designs.save', { id: d.id, document: broken })).rejects.toThrow(/was not saved: pages\.0\.elements\.0\.width/);
    await expect(atelier.call('designs.save', { id: d.id, document: { ...doc, id: 'other' } })).rejects.toThrow(/document's id/);
    const stored = await atelier.call('designs.get', { id: d.id });
    expect(stored.name).toBe('Renamed');
    expect(parseDesign(stored.document).pages[0]!.elements[0]!.width).toBe(doc.pages[0]!.elements[0]!.width);
  });

  it('duplicates, deletes and restores, and makes linked magic-resize copies', async () => {
    ctx = testAtelier();
    const { atelier } = ctx;
    const d = await atelier.call('designs.create', { templateId: 'tpl-sale-square' });
    const copy = await atelier.call('designs.duplicate', { id: d.id });
    expect(copy.name).toMatch(/copy/);
    await atelier.call('designs.delete', { id: copy.id });
    expect((await atelier.call('designs.list', {})).map((x) => x.id)).toEqual([d.id]);
    await atelier.call('designs.restore', { id: copy.id });
    const resized = await atelier.call('designs.resize', { id: d.id, presets: ['instagram-story', 'youtube-thumbnail'] });
    expect(resized.map((r) => [r.width, r.height, r.linkedFrom])).toEqual([[1080, 1920, d.id], [1280, 720, d.id]]);
    const linked = await atelier.call('designs.linked', { id: resized[0]!.id });
    expect(linked.map((l) => l.id).sort()).toEqual([d.id, resized[1]!.id].sort());
    await expect(atelier.call('designs.resize', { id: d.id, presets: ['tiny'] })).rejects.toThrow(/Unknown size preset "tiny"/);
  });

  it('saves as a user template that new designs can start from', async () => {
    ctx = testAtelier();
    const { atelier } = ctx;
    const d = await atelier.call('designs.create', { templateId: 'tpl-tips-portrait' });
    const t = await atelier.call('designs.saveAsTemplate', { id: d.id, name: 'My tips' });
    expect((await atelier.call('designs.templates', {})).find((x) => x.id === t.id)?.source).toBe('user');
    expect((await atelier.call('designs.list', {})).map((x) => x.id)).toEqual([d.id]);
    const n = await atelier.call('designs.create', { templateId: t.id });
    expect(n.name).toBe('My tips');
  });

  it('upgrades the seeded demo (schema 1) documents on load', async () => {
    ctx = testAtelier();
    const { atelier } = ctx;
    await atelier.call('app.seedDemo', {});
    const list = await atelier.call('designs.list', {});
    expect(list.length).toBeGreaterThan(0);
    for (const d of list) expect(parseDesign((await atelier.call('designs.get', { id: d.id })).document).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('unknown ids and templates are clear not_found errors', async () => {
    ctx = testAtelier();
    await expect(ctx.atelier.call('designs.get', { id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(ctx.atelier.call('designs.create', { templateId: 'nope' })).rejects.toThrow(AtelierError);
  });
});
