// The text box typed into on the canvas: a textarea laid over the text node, at its place, zoom and rotation.
import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { commandsFor } from './commands';
import { nodeFor } from './EditorCanvas';
import type { EditorStore } from './editor-store';

export function TextOverlay({ editor, stageRef }: { editor: EditorStore; stageRef: React.RefObject<Konva.Stage | null> }) {
  const { t } = useTranslation();
  const id = useStore(editor.store, (s) => s.editingTextId);
  // A group's child too: the overlay sits where the node is drawn (group offset and rotation included).
  const el = useStore(editor.store, (s) => (s.editingTextId ? (s.index.get(s.editingTextId) ?? editor.element(s.editingTextId)) : undefined));
  const zoom = useStore(editor.store, (s) => s.zoom);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, [id]);
  if (!id || !el || el.type !== 'text' || !stageRef.current) return null;
  const node = nodeFor(id);
  const at = node ? node.getAbsoluteTransform().decompose() : { x: stageRef.current.x() + el.x * zoom, y: stageRef.current.y() + el.y * zoom, rotation: el.rotation };
  const finish = () => {
    editor.seal();
    editor.editText(null);
  };
  return (
    <textarea
      ref={ref}
      className="ed-text-overlay"
      aria-label={t('editor.props.text')}
      value={el.text}
      style={{
        left: at.x,
        top: at.y,
        width: el.width * zoom,
        height: el.height * zoom,
        fontFamily: `"${el.fontFamily}"`,
        fontSize: el.fontSize * zoom,
        fontWeight: el.fontWeight,
        fontStyle: el.fontStyle,
        lineHeight: el.lineHeight,
        letterSpacing: el.letterSpacing * zoom,
        textAlign: el.align === 'justify' ? 'justify' : el.align,
        color: typeof el.fill === 'string' ? el.fill : '#000',
        transform: `rotate(${at.rotation}deg)`,
      }}
      onChange={(e) => commandsFor(editor).update([el.id], { text: e.target.value }, `text:${el.id}`)}
      onBlur={finish}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.metaKey || e.ctrlKey))) {
          e.preventDefault();
          finish();
        }
        e.stopPropagation();
      }}
    />
  );
}
