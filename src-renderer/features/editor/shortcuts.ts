// The editor's keyboard shortcuts (Canva's where they exist): undo/redo, copy/paste, group, order,
// zoom and fit, single keys to add text and shapes, nudges, and Enter/Escape in crop mode.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import type { Commands } from './commands';
import { cropSession } from './CropOverlay';
import { importImage } from './import-image';
import type { EditorStore } from './editor-store';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
}

export function useShortcuts(editor: EditorStore, cmd: Commands) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || !editor.store.getState().doc) return;
      const s = editor.store.getState();
      const mod = e.metaKey || e.ctrlKey;
      const k = e.key.toLowerCase();
      const step = e.shiftKey ? 10 : 1;
      let handled = true;
      // Crop mode owns Enter and Escape.
      if (s.croppingId && (k === 'enter' || k === 'escape')) {
        if (k === 'enter') cropSession.apply?.();
        else cropSession.cancel?.();
        e.preventDefault();
        return;
      }
      const plain = !mod && !e.altKey && !e.shiftKey;
      if (mod && k === 'z' && !e.shiftKey) editor.undo();
      else if (mod && ((k === 'z' && e.shiftKey) || k === 'y')) editor.redo();
      else if (mod && k === 'd') cmd.duplicate();
      else if (mod && k === 'c') cmd.copy();
      else if (mod && k === 'v') cmd.paste();
      else if (mod && k === 'a') cmd.selectAll();
      else if (mod && k === 'g' && e.shiftKey) cmd.ungroup();
      else if (mod && k === 'g') cmd.group();
      // Canva: Ctrl+Alt+] / [ to the very front / back; Ctrl+] / [ one step (Shift too, as before).
      else if (mod && e.code === 'BracketRight') cmd.zorder(e.altKey || e.shiftKey ? 'front' : 'forward');
      else if (mod && e.code === 'BracketLeft') cmd.zorder(e.altKey || e.shiftKey ? 'back' : 'backward');
      else if (mod && (e.code === 'Digit0' || e.code === 'Numpad0')) editor.fit();
      else if (!mod && e.shiftKey && !e.altKey && e.code === 'Digit1') editor.fit();
      else if (mod && (k === '=' || k === '+' || e.code === 'NumpadAdd')) editor.setZoom(s.zoom * 1.25);
      else if (mod && (k === '-' || e.code === 'NumpadSubtract')) editor.setZoom(s.zoom / 1.25);
      else if (e.altKey && e.shiftKey && !mod && e.code === 'KeyL') cmd.toggleLock();
      else if (plain && k === 't') cmd.addText(t('editor.newText'));
      else if (plain && k === 'r') cmd.addShape('rect');
      else if (plain && k === 'c') cmd.addShape('ellipse');
      else if (plain && k === 'l') cmd.addLine('line');
      else if (k === 'delete' || k === 'backspace') cmd.remove();
      else if (k === 'arrowleft') cmd.nudge(-step, 0);
      else if (k === 'arrowright') cmd.nudge(step, 0);
      else if (k === 'arrowup') cmd.nudge(0, -step);
      else if (k === 'arrowdown') cmd.nudge(0, step);
      else if (k === 'escape') {
        if (s.groupId) editor.enterGroup(null);
        else editor.select([]);
      } else if (k === 'enter' && e.target instanceof Element && e.target.closest('[role="toolbar"]')) {
        // Enter on a toolbar button presses it ("More tools", Export), even with a text selected.
        handled = false;
      } else if (k === 'enter') {
        const only = s.selection.length === 1 ? editor.element(s.selection[0]!) : undefined;
        if (only?.type === 'text') editor.editText(only.id);
        else if (only?.type === 'image' && s.index.has(only.id)) editor.crop(only.id);
        else if (only?.type === 'group') editor.enterGroup(only.id, only.elements[0] ? [only.elements[0].id] : []);
        else handled = false;
      } else handled = false;
      if (handled) e.preventDefault();
    };
    // Images pasted from the OS become image elements.
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !editor.store.getState().doc) return;
      const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
      if (!file) return;
      e.preventDefault();
      void importImage(host, file).then(
        (img) => cmd.addImage(img.assetId, img.width, img.height),
        (error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }),
      );
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('paste', onPaste);
    };
  }, [editor, cmd, host, t, toast]);
}
