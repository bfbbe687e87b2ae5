// Files dropped anywhere on the window, or pasted from the clipboard, while a screen that takes them
// is shown (the library; the editor can use the same hook).
import { useEffect, useState } from 'react';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['button', 'checkbox', 'color', 'file', 'radio'].includes((el as HTMLInputElement).type)) || el.isContentEditable));
}

/**
 * Calls `onFiles` with dropped or pasted files; returns whether files are being dragged over the window.
 * `onFiles` reports its own failures (a toast per file): a drop event cannot wait for the import.
 */
export function useFileDrop(onFiles: (files: File[]) => Promise<void>): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      // Fire and forget: the import runs past the event, and onFiles tells the person how it went.
      if (files.length > 0) void onFiles(files);
    };
    const paste = (e: ClipboardEvent) => {
      const files = Array.from(e.clipboardData?.files ?? []);
      if (files.length === 0) return;
      // Text pasted into a field stays text; only files (a copied image) are imported.
      if (isTextField(e.target) && e.clipboardData?.types.includes('text/plain')) return;
      e.preventDefault();
      void onFiles(files); // as for a drop: onFiles reports its own outcome
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    window.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
      window.removeEventListener('paste', paste);
    };
  }, [onFiles]);
  return dragging;
}
