// The layers list: what is on the page, top first, as rows to select, show or hide, lock and reorder
// by dragging (also the accessible list of what is on the canvas). Groups open into their children.
// The rows are virtualised in the side column's scroll: a 1,000-element page keeps a few dozen rows
// in the document, so an edit elsewhere (an undo, a nudge) does not make the browser walk 1,000 rows
// when it paints.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { ChevronDown, ChevronRight, Eye, EyeOff, Lock, Unlock } from 'lucide-react';
import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { moveElementToIndex, ownName, updateElements, type Element } from '../../../src-main/core/design';
import { selectionSet, type EditorStore } from './editor-store';

/** A row's height until it is measured (each row is: an open group's holds its children), and the gap between rows. */
const ROW_HEIGHT = 30;
const ROW_GAP = 2;

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

interface LayerRowProps {
  editor: EditorStore;
  labels: LayerLabels;
  id: string;
  groupId: string | null;
  position: number;
  count: number;
  depth: number;
  /** Whether a group shows its children, and how to change that (kept by the list: a row scrolled out of view unmounts). */
  open?: boolean;
  onOpen?(id: string, open: boolean): void;
  /** A top-level row of the virtualised list: its offset in the list, and the ref that measures its height. */
  start?: number;
  measure?(node: HTMLLIElement | null): void;
}

const LayerRow = memo(function LayerRow({ editor, labels, id, groupId, position, count, depth, open = false, onOpen, start, measure }: LayerRowProps) {
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
  const nameId = useId();
  if (view === null) return null;
  const el = { visible: view[0] === '1', locked: view[1] === '1' };
  const bar = view.indexOf('|');
  const type = view.slice(2, bar);
  const label = view.slice(bar + 1) || labels.type(type);
  const toggle = (patch: Record<string, unknown>) => editor.apply((d, pid) => updateElements(d, pid, [id], patch));
  const children = childIds ? childIds.split(',').reverse() : [];
  return (
    <li
      className={selected ? 'selected' : undefined}
      {...(measure && { ref: measure, 'data-index': position, 'aria-posinset': position + 1, 'aria-setsize': count, style: { transform: `translateY(${start ?? 0}px)` } })}
    >
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
          <button type="button" className="ed-icon ed-twisty" aria-expanded={open} aria-label={open ? labels.collapse : labels.expand} aria-describedby={nameId} onClick={() => onOpen?.(id, !open)}>
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

/** Where the list starts in its scroller's content, kept up to date as the panels above it change height. */
function useOffsetIn(scrollRef: RefObject<HTMLElement | null>, listRef: RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  // A passive effect: the scroller is a parent, and its ref is set only after its children's layout effects.
  useEffect(() => {
    const scroller = scrollRef.current;
    const list = listRef.current;
    if (!scroller || !list) return;
    const update = () => setOffset(Math.round(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop));
    update();
    if (typeof ResizeObserver === 'undefined') return;
    // Each panel's size is watched, and the panels themselves: the properties panel is a new
    // element when the selection goes from nothing (the page's properties) to an element.
    const sizes = new ResizeObserver(update);
    const watch = () => {
      sizes.disconnect();
      for (const child of scroller.children) sizes.observe(child);
      update();
    };
    watch();
    const panels = new MutationObserver(watch);
    panels.observe(scroller, { childList: true });
    return () => {
      sizes.disconnect();
      panels.disconnect();
    };
  }, [scrollRef, listRef]);
  return offset;
}

export function LayersPanel({ editor, scrollRef }: { editor: EditorStore; scrollRef: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  // The list follows the page a moment later (a background render): opening a big design paints
  // the canvas first, and a bulk edit does not wait for the rows.
  const current = useStore(editor.store, (s) => s.order);
  const order = useDeferredValue(current, NO_LAYERS);
  const labels = useLayerLabels();
  const top = useMemo(() => [...order].reverse(), [order]);
  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(() => new Set());
  const onOpen = useCallback((id: string, open: boolean) => {
    setOpenGroups((groups) => {
      const next = new Set(groups);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const listRef = useRef<HTMLUListElement>(null);
  const scrollMargin = useOffsetIn(scrollRef, listRef);
  // The row holding the keyboard focus stays in the document when it scrolls out of view (a wheel
  // or the scrollbar): unmounted, it would drop the focus back to the page's start.
  const focused = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const rows = defaultRangeExtractor(range);
    const f = focused.current;
    return f !== null && f < range.count && !rows.includes(f) ? [...rows, f].sort((a, b) => a - b) : rows;
  }, []);
  const virtualizer = useVirtualizer({
    count: top.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    gap: ROW_GAP,
    overscan: 10,
    scrollMargin,
    getItemKey: (i) => top[i]!,
    rangeExtractor,
  });
  return (
    <section className="ed-panel" aria-label={t('editor.layers.title')}>
      <h3>{t('editor.layers.title')}</h3>
      {current.length === 0 && <p className="muted">{t('editor.layers.empty')}</p>}
      <ul
        ref={listRef}
        className="ed-layers virtual"
        role="list"
        style={{ height: virtualizer.getTotalSize() }}
        onFocus={(e) => {
          const row = (e.target as HTMLElement).closest<HTMLElement>('li[data-index]');
          focused.current = row ? Number(row.dataset.index) : null;
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) focused.current = null;
        }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const id = top[row.index]!;
          return (
            <LayerRow
              key={id}
              editor={editor}
              labels={labels}
              id={id}
              groupId={null}
              position={row.index}
              count={top.length}
              depth={0}
              open={openGroups.has(id)}
              onOpen={onOpen}
              start={row.start - scrollMargin}
              measure={virtualizer.measureElement}
            />
          );
        })}
      </ul>
    </section>
  );
}
