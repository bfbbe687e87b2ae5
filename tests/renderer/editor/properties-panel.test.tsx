// The properties panel in happy-dom over the editor's real store and commands (real SQLite through
// the in-process host). Its fields only re-render when what they show changes, so each change must
// still start from the element as it is now: two filters set one after the other are both kept, a
// size typed with proportions kept follows the other side as it now is, and a field edits the
// element selected now, not the one selected when the field was drawn.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDesign, type DesignDocument } from '../../../src-main/core/design';
import { createI18n } from '../../../src-renderer/app/i18n';
import { commandsFor } from '../../../src-renderer/features/editor/commands';
import { createEditorStore, type EditorStore } from '../../../src-renderer/features/editor/editor-store';
import { PropertiesPanel } from '../../../src-renderer/features/editor/PropertiesPanel';
import { testAtelier } from '../../helpers/app';
import { inProcessHost } from '../../helpers/in-process-host';

let t: ReturnType<typeof testAtelier>;
let editor: EditorStore;

beforeEach(async () => {
  t = testAtelier();
  const created = await t.atelier.call('designs.create', { name: 'Panel', preset: 'instagram-square' });
  const empty = created.document as DesignDocument;
  const elements = [
    { id: 'a', type: 'rect', x: 0, y: 0, width: 100, height: 50 },
    { id: 'b', type: 'rect', x: 300, y: 300, width: 40, height: 40 },
    { id: 'photo', type: 'image', assetId: 'a'.repeat(64), x: 10, y: 10, width: 200, height: 100 },
  ];
  await t.atelier.call('designs.save', { id: created.id, document: parseDesign({ ...empty, pages: [{ ...empty.pages[0]!, elements }] }) });
  editor = createEditorStore(inProcessHost(t.atelier), { autosaveMs: 60_000 });
  await editor.open(created.id);
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <PropertiesPanel editor={editor} cmd={commandsFor(editor)} />
    </I18nextProvider>,
  );
});
afterEach(async () => {
  cleanup();
  await editor.close();
  t.cleanup();
});

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });

describe('properties panel', () => {
  it('keeps both filters when one is set after the other', () => {
    act(() => editor.select(['photo']));
    type('Contrast', '30');
    type('Brightness', '20');
    type('Blur', '4');
    const photo = editor.element('photo') as { filters: { brightness: number; contrast: number; blur: number } };
    expect(photo.filters).toMatchObject({ brightness: 0.2, contrast: 30, blur: 4 });
  });

  it('keeps proportions from the size the element has now', () => {
    act(() => editor.select(['a']));
    type('Height', '100');
    expect(editor.element('a')).toMatchObject({ width: 200, height: 100 });
    type('Width', '100');
    expect(editor.element('a')).toMatchObject({ width: 100, height: 50 });
    // Unlocked, one side changes alone.
    fireEvent.click(screen.getByRole('button', { name: 'Keep proportions' }));
    type('Width', '60');
    expect(editor.element('a')).toMatchObject({ width: 60, height: 50 });
  });

  it('edits the element selected now, and shows its values after an undo', () => {
    act(() => editor.select(['a']));
    type('X', '25');
    act(() => editor.select(['b']));
    expect(screen.getByLabelText('X', { exact: true })).toHaveProperty('value', '300');
    type('X', '310');
    expect(editor.element('a')!.x).toBe(25);
    expect(editor.element('b')!.x).toBe(310);
    act(() => editor.undo());
    expect(editor.element('b')!.x).toBe(300);
    expect(screen.getByLabelText('X', { exact: true })).toHaveProperty('value', '300');
    expect(screen.getByLabelText('Y', { exact: true })).toHaveProperty('value', '300');
  });
});
