// The layers list: what is on the page, top first, as rows to select, show or hide, lock and reorder
// by dragging (also the accessible list of what is on the canvas). Groups open into their children.
import { ChevronDown, ChevronRight, Eye, EyeOff, Lock, Unlock } from 'lucide-react';
import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { moveElementToIndex, ownName, updateElements, type Element } from '../../../src-main/core/design';
import { selectionSet, type EditorStore } from './editor-store';

const LAYERS_SHOWN = 150;

const views = new WeakMap<Element, string>();
/** What a row shows of its element, worked out once per element version (rows ask on every store change). */
function layerView(e: Element | undefined): string | null {
  if (!e) return null;
  let view = views.get(e);
  if (view === undefined) views.set(e, (view = `${e.visible ? 1 : 0}${e.locked ? 1 : 0}${e.type}|${ownName(e) || (e.type === 'text' ? e.text.slice(0, 30) : '')}`));
  return view;
}

/** A layer row's words, translated once for the whole list (a 150-row list asked i18n 900 times). */
interface LayerLabels {
  expand: string;
  collapse: string;
  hide: string;
  show: string;
  lock: string;
  unlock: string;
  type(type: string): string;
}

function useLayerLabels(): LayerLabels {
  const { t } = useTranslation();
  return useMemo(() => {
    const types = new Map<string, string>();
    return {
      expand: t('editor.layers.expand'),
      collapse: t('editor.layers.collapse'),
      hide: t('editor.layers.hide'),
      show: t('editor.layers.show'),
      lock: t('editor.layers.lock'),
      unlock: t('editor.layers.unlock'),
      type(type: string) {
        let label = types.get(type);
        if (label === undefined) types.set(type, (label = t(`editor.types.${type}`)));
        return label;
      },
    };
  }, [t]);
}

const LayerRow = memo(function LayerRow({ editor, labels, id, groupId, position, count, depth }: { editor: EditorStore; labels: LayerLabels; id: string; groupId: string | null; position: number; count: number; depth: number }) {
  // Subscribe to what the row shows only, so moving 1,000 elements does not re-render 1,000 rows.
  const view = useStore(editor.store, (s) => {
    if (!groupId) return layerView(s.index.get(id));
    const g = s.index.get(groupId);
    return layerView(g?.type === 'group' ? g.elements.find((c) => c.id === id) : undefined);
  });
  const childIds = useStore(editor.store, (s) => {
    const e = groupId ? undefined : s.index.get(id);
    return e?.type === 'group' ? e.elements.map((c) => c.id).join(',') : '';
  });
  const selected = useStore(editor.store, (s) => selectionSet(s.selection).has(id));
  const [open, setOpen] = useState(false);
  const nameId = useId();
  if (view === null) return null;
  const el = { visible: view[0] === '1', locked: view[1] === '1' };
  const bar = view.indexOf('|');
  const type = view.slice(2, bar);
  const label = view.slice(bar + 1) || labels.type(type);
  const toggle = (patch: Record<string, unknown>) => editor.apply((d, pid) => updateElements(d, pid, [id], patch));
  const children = childIds ? childIds.split(',').reverse() : [];
  return (
    <li className={selected ? 'selected' : undefined}>
      <div
        className="ed-layer"
        style={{ paddingLeft: depth * 16 }}
        draggable={!groupId}
        onDragStart={(e) => e.dataTransfer.setData('text/x-atelier-layer', id)}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          const from = e.dataTransfer.getData('text/x-atelier-layer');
          if (from && from !== id && !groupId) editor.apply((d, pid) => moveElementToIndex(d, pid, from, count - 1 - position));
        }}
      >
        {type === 'group' ? (
          <button type="button" className="ed-icon ed-twisty" aria-expanded={open} aria-label={open ? labels.collapse : labels.expand} aria-describedby={nameId} onClick={() => setOpen(!open)}>
            {open ? <ChevronDown size={14} aria-hidden="true" /> : <ChevronRight size={14} aria-hidden="true" />}
          </button>
        ) : (
          <span className="ed-twisty-space" />
        )}
        <button
          type="button"
          id={nameId}
          className="ed-layer-name"
          // An element's name is the design's content (a template's, in its own language).
          translate={view.slice(bar + 1) ? 'no' : undefined}
          aria-pressed={selected}
          onClick={(e) => {
            // A child is picked by stepping into its group, as a double-click on the canvas does.
            if (groupId) return editor.enterGroup(groupId, [id]);
            const s = editor.store.getState();
            if (s.groupId) editor.enterGroup(null);
            const sel = editor.store.getState().selection;
            editor.select(e.shiftKey ? (selected ? sel.filter((x) => x !== id) : [...sel, id]) : [id]);
          }}
        >
          <span className="ed-layer-label" title={label}>{label}</span>
        </button>
        <button type="button" className="ed-icon" aria-pressed={!el.visible} aria-label={el.visible ? labels.hide : labels.show} aria-describedby={nameId} title={el.visible ? labels.hide : labels.show} onClick={() => toggle({ visible: !el.visible })}>
          {el.visible ? <Eye size={16} aria-hidden="true" /> : <EyeOff size={16} aria-hidden="true" />}
        </button>
        <button type="button" className="ed-icon" aria-pressed={el.locked} aria-label={el.locked ? labels.unlock : labels.lock} aria-describedby={nameId} title={el.locked ? labels.unlock : labels.lock} onClick={() => toggle({ locked: !el.locked })}>
          {el.locked ? <Lock size={16} aria-hidden="true" /> : <Unlock size={16} aria-hidden="true" />}
        </button>
      </div>
      {open && children.length > 0 && (
        <ul className="ed-layers" role="list">
          {children.map((cid, i) => (
            <LayerRow key={cid} editor={editor} labels={labels} id={cid} groupId={id} position={i} count={children.length} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
});

const NO_LAYERS: readonly string[] = [];

export function LayersPanel({ editor }: { editor: EditorStore }) {
  const { t } = useTranslation();
  // The list follows the page a moment later (a background render): opening a big design paints
  // the canvas first, and a bulk edit does not wait for 150 rows.
  const current = useStore(editor.store, (s) => s.order);
  const order = useDeferredValue(current, NO_LAYERS);
  const labels = useLayerLabels();
  const [showAll, setShowAll] = useState(false);
  const top = [...order].reverse();
  // Very large pages list the top LAYERS_SHOWN rows first (what is on top is what people reach for).
  const shown = showAll ? top : top.slice(0, LAYERS_SHOWN);
  return (
    <section className="ed-panel" aria-label={t('editor.layers.title')}>
      <h3>{t('editor.layers.title')}</h3>
      {current.length === 0 && <p className="muted">{t('editor.layers.empty')}</p>}
      <ul className="ed-layers" role="list">
        {shown.map((id, i) => (
          <LayerRow key={id} editor={editor} labels={labels} id={id} groupId={null} position={i} count={order.length} depth={0} />
        ))}
      </ul>
      {shown.length < top.length && (
        <button type="button" onClick={() => setShowAll(true)}>
          {t('editor.layers.showAll', { count: top.length })}
        </button>
      )}
    </section>
  );
}
