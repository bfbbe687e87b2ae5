// Side panels: properties of the selection, layers (also the accessible list of what is on the
// canvas), and pages.
import { ArrowLeft, ArrowRight, ChevronDown, ChevronRight, Copy, Eye, EyeOff, Link, Lock, Trash2, Unlink, Unlock } from 'lucide-react';
import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { lockedResize, moveElementToIndex, recropForSize, updateElements, updatePage, type Element } from '../../../src-main/core/design';
import { useBrand } from './brand';
import type { Commands } from './commands';
import { selectionSet, type EditorStore } from './editor-store';
import { BUNDLED_FAMILIES, imageSize, isFontAvailable, registerImportedFont } from './scene-context';
import { undoToast } from '../../ui/undo-toast';

const LAYERS_SHOWN = 150;

/**
 * The names core/design/factory.ts gives new elements ("Text", "Star"): not the user's words but
 * English placeholders, so the editor shows the type in the studio's language (or a text's own words)
 * instead. A name the user or a template gave is shown as it is.
 */
const FACTORY_NAMES: Partial<Record<Element['type'], string>> = { text: 'Text', image: 'Image', rect: 'Rectangle', ellipse: 'Ellipse', star: 'Star', polygon: 'Polygon', line: 'Line', arrow: 'Arrow' };
function ownName(el: Element): string {
  return el.name && el.name !== FACTORY_NAMES[el.type] ? el.name : '';
}

function NumberField({ label, value, onChange, step = 1, min, max, readOnly }: { label: string; value: number; onChange(v: number): void; step?: number; min?: number; max?: number; readOnly?: boolean }) {
  const id = useId();
  return (
    <div className="ed-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" step={step} min={min} max={max} readOnly={readOnly} value={Number.isFinite(value) ? Math.round(value * 100) / 100 : 0} onChange={(e) => e.target.value !== '' && onChange(Number(e.target.value))} />
    </div>
  );
}

/** A colour input with the brand kit's colours as swatches beside it (one click applies one). */
function ColorField({ label, value, onChange, wide }: { label: string; value: string; onChange(v: string): void; wide?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { kit } = useBrand();
  const hex = /^#[0-9a-f]{6}$/i.test(value) ? value : '#000000';
  const palette = kit?.palette ?? [];
  return (
    <div className={`ed-field${wide || palette.length ? ' ed-color wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <span className="ed-color-row">
        <input id={id} type="color" value={hex} onChange={(e) => onChange(e.target.value)} />
        {palette.length > 0 && (
          <span className="ed-swatches" role="group" aria-label={t('editor.brand.swatches', { field: label })}>
            {palette.map((c) => (
              <button key={c} type="button" className="ed-swatch" style={{ background: c }} aria-pressed={c.toLowerCase() === value.toLowerCase()} aria-label={t('editor.brand.swatch', { colour: c })} title={c} onClick={() => onChange(c)} />
            ))}
          </span>
        )}
      </span>
    </div>
  );
}

/** Kit fonts first (marked), then every other bundled and imported font. */
function FontSelect({ id, value, onChange }: { id: string; value: string; onChange(family: string): void }) {
  const { t } = useTranslation();
  const { fonts } = useBrand();
  const kit = fonts.filter((f) => f.inBrandKit);
  const rest = fonts.length ? fonts.filter((f) => !f.inBrandKit).map((f) => f.family) : BUNDLED_FAMILIES.filter((f) => f !== 'Noto Color Emoji');
  const known = fonts.some((f) => f.family === value) || rest.includes(value);
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => {
        const family = e.target.value;
        const entry = fonts.find((f) => f.family === family);
        // An imported font is loaded before it is used, so the text is measured and drawn with it.
        if (entry?.assetId && !isFontAvailable(family)) void registerImportedFont(family, entry.assetId).then(() => onChange(family));
        else onChange(family);
      }}
    >
      {!known && <option value={value}>{t('editor.props.unknownFont', { font: value })}</option>}
      {kit.length > 0 && (
        <optgroup label={t('editor.props.kitFonts')}>
          {kit.map((f) => (
            <option key={`kit-${f.family}`} value={f.family}>
              {f.family}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label={t('editor.props.allFonts')}>
        {rest.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </optgroup>
    </select>
  );
}

/** Width and height, kept in proportion unless unlocked; a photo's frame never stretches its photo. */
function SizeFields({ editor, cmd, el }: { editor: EditorStore; cmd: Commands; el: Element }) {
  const { t } = useTranslation();
  const locked = useStore(editor.store, (s) => s.aspectLocked);
  // A text box's height follows its text (unless it shrinks text to fit); a line has no height.
  const textLike = (el.type === 'text' && !el.autoFit) || el.type === 'line' || el.type === 'arrow';
  const set = (change: { width?: number; height?: number }) => {
    let size = { width: change.width ?? el.width, height: change.height ?? el.height };
    if (locked && !textLike) size = lockedResize(el, change);
    const patch: Record<string, unknown> = { width: Math.max(1, size.width), height: Math.max(el.type === 'line' || el.type === 'arrow' ? 0 : 1, size.height) };
    if (el.type === 'image') {
      const natural = imageSize(el.assetId);
      if (natural) patch.crop = recropForSize(el, natural, patch as { width: number; height: number });
    }
    if (el.type === 'line' || el.type === 'arrow') {
      const fx = el.width ? (patch.width as number) / el.width : 1;
      patch.points = el.points.map((p, i) => (i % 2 === 0 ? p * fx : p));
      patch.height = el.height;
    }
    cmd.update([el.id], patch, `size:${el.id}`);
  };
  return (
    <>
      <NumberField label={t('editor.props.width')} value={el.width} min={1} onChange={(width) => set({ width })} />
      <NumberField label={t('editor.props.height')} value={el.height} min={0} readOnly={textLike} onChange={(height) => !textLike && set({ height })} />
      {!textLike && (
        <button type="button" className="ed-ratio" aria-pressed={locked} onClick={() => editor.setAspectLocked(!locked)}>
          {locked ? <Link size={16} aria-hidden="true" /> : <Unlink size={16} aria-hidden="true" />}
          <span>{t('editor.props.keepRatio')}</span>
        </button>
      )}
    </>
  );
}

export function PropertiesPanel({ editor, cmd }: { editor: EditorStore; cmd: Commands }) {
  const { t } = useTranslation();
  const selection = useStore(editor.store, (s) => s.selection);
  const el = useStore(editor.store, (s) => (s.selection.length === 1 ? (s.index.get(s.selection[0]!) ?? editor.element(s.selection[0]!)) : undefined));
  const pageId = useStore(editor.store, (s) => s.pageId);
  const background = useStore(editor.store, (s) => s.doc?.pages.find((p) => p.id === s.pageId)?.background);
  const ids = { text: useId(), font: useId(), weight: useId(), align: useId(), alt: useId() };
  if (!background) return null;
  if (!el) {
    const bg = background.type === 'color' ? background.color : '#ffffff';
    return (
      <section className="ed-panel" aria-label={t('editor.props.title')}>
        <h3>{selection.length > 1 ? t('editor.props.many', { count: selection.length }) : t('editor.props.page')}</h3>
        {selection.length === 0 && (
          <ColorField wide label={t('editor.props.background')} value={bg} onChange={(color) => editor.apply((d, pid) => updatePage(d, pid, { background: { type: 'color', color } }), { key: `bg:${pageId}` })} />
        )}
        {selection.length > 1 && (
          <div className="ed-row">
            <button type="button" onClick={() => cmd.distribute('horizontal')}>{t('editor.distribute.horizontal')}</button>
            <button type="button" onClick={() => cmd.distribute('vertical')}>{t('editor.distribute.vertical')}</button>
          </div>
        )}
      </section>
    );
  }
  const set = (patch: Record<string, unknown>, key?: string) => cmd.update([el.id], patch, key ?? `prop:${el.id}:${Object.keys(patch).join(',')}`);
  return (
    <section className="ed-panel" aria-label={t('editor.props.title')}>
      <h3>{ownName(el) || t(`editor.types.${el.type}`)}</h3>
      <div className="ed-grid">
        <NumberField label="X" value={el.x} onChange={(x) => set({ x })} />
        <NumberField label="Y" value={el.y} onChange={(y) => set({ y })} />
        <SizeFields editor={editor} cmd={cmd} el={el} />
        <NumberField label={t('editor.props.rotation')} value={el.rotation} onChange={(rotation) => set({ rotation })} />
        <NumberField label={t('editor.props.opacity')} value={el.opacity * 100} min={0} max={100} onChange={(o) => set({ opacity: Math.min(1, Math.max(0, o / 100)) })} />
      </div>
      {'fill' in el && typeof el.fill === 'string' && el.type !== 'text' && <ColorField label={t('editor.props.fill')} value={el.fill} onChange={(fill) => set({ fill })} />}
      {(el.type === 'line' || el.type === 'arrow') && <ColorField label={t('editor.props.stroke')} value={el.stroke} onChange={(stroke) => set({ stroke })} />}
      {el.type === 'path' && el.stroke !== null && <ColorField label={t('editor.props.iconColour')} value={el.stroke} onChange={(stroke) => set({ stroke })} />}
      {el.type === 'path' && <NumberField label={t('editor.props.iconStroke')} value={el.strokeWidth} step={0.25} min={0.25} max={6} onChange={(strokeWidth) => set({ strokeWidth: Math.min(6, Math.max(0.25, strokeWidth)) })} />}
      {(el.type === 'rect' || el.type === 'image') && <NumberField label={t('editor.props.cornerRadius')} value={el.cornerRadius} min={0} onChange={(cornerRadius) => set({ cornerRadius: Math.max(0, cornerRadius) })} />}
      {el.type === 'text' && (
        <>
          <div className="ed-field wide">
            <label htmlFor={ids.text}>{t('editor.props.text')}</label>
            <textarea id={ids.text} value={el.text} rows={3} onChange={(e) => set({ text: e.target.value }, `text:${el.id}`)} />
          </div>
          <div className="ed-field wide">
            <label htmlFor={ids.font}>{t('editor.props.font')}</label>
            <FontSelect id={ids.font} value={el.fontFamily} onChange={(fontFamily) => set({ fontFamily })} />
          </div>
          <div className="ed-grid">
            <NumberField label={t('editor.props.fontSize')} value={el.fontSize} min={1} onChange={(fontSize) => set({ fontSize: Math.max(1, fontSize) })} />
            <div className="ed-field">
              <label htmlFor={ids.weight}>{t('editor.props.weight')}</label>
              <select id={ids.weight} value={el.fontWeight} onChange={(e) => set({ fontWeight: Number(e.target.value) })}>
                {[400, 600, 700].map((w) => <option key={w} value={w}>{w}</option>)}
              </select>
            </div>
            <div className="ed-field">
              <label htmlFor={ids.align}>{t('editor.props.align')}</label>
              <select id={ids.align} value={el.align} onChange={(e) => set({ align: e.target.value })}>
                {(['left', 'center', 'right', 'justify'] as const).map((a) => <option key={a} value={a}>{t(`editor.align.${a}`)}</option>)}
              </select>
            </div>
          </div>
          {typeof el.fill === 'string' && <ColorField label={t('editor.props.color')} value={el.fill} onChange={(fill) => set({ fill })} />}
          <label className="ed-check"><input type="checkbox" checked={el.autoFit} onChange={(e) => set({ autoFit: e.target.checked })} /> {t('editor.props.autoFit')}</label>
          <label className="ed-check"><input type="checkbox" checked={el.fontStyle === 'italic'} onChange={(e) => set({ fontStyle: e.target.checked ? 'italic' : 'normal' })} /> {t('editor.props.italic')}</label>
          <label className="ed-check"><input type="checkbox" checked={el.shadow !== null} onChange={(e) => set({ shadow: e.target.checked ? { color: '#000000', blur: 12, offsetX: 0, offsetY: 4, opacity: 0.5 } : null })} /> {t('editor.props.shadow')}</label>
          <label className="ed-check"><input type="checkbox" checked={el.background !== null} onChange={(e) => set({ background: e.target.checked ? { color: '#fde68a', padding: 16, cornerRadius: 24 } : null })} /> {t('editor.props.pill')}</label>
        </>
      )}
      {el.type === 'image' && (
        <>
          <div className="ed-field wide">
            <label htmlFor={ids.alt}>{t('editor.props.alt')}</label>
            <input id={ids.alt} value={el.alt} onChange={(e) => set({ alt: e.target.value }, `alt:${el.id}`)} />
          </div>
          <div className="ed-grid">
            <NumberField label={t('editor.filters.brightness')} value={el.filters.brightness * 100} min={-100} max={100} onChange={(v) => set({ filters: { ...el.filters, brightness: v / 100 } })} />
            <NumberField label={t('editor.filters.contrast')} value={el.filters.contrast} min={-100} max={100} onChange={(v) => set({ filters: { ...el.filters, contrast: v } })} />
            <NumberField label={t('editor.filters.saturation')} value={el.filters.saturation} step={0.1} min={-2} max={10} onChange={(v) => set({ filters: { ...el.filters, saturation: v } })} />
            <NumberField label={t('editor.filters.blur')} value={el.filters.blur} min={0} max={40} onChange={(v) => set({ filters: { ...el.filters, blur: v } })} />
          </div>
          <div className="ed-row">
            <button type="button" onClick={() => editor.crop(el.id)} disabled={!editor.store.getState().index.has(el.id)}>{t('editor.crop.button')}</button>
          </div>
          <label className="ed-check"><input type="checkbox" checked={el.filters.grayscale} onChange={(e) => set({ filters: { ...el.filters, grayscale: e.target.checked } })} /> {t('editor.filters.grayscale')}</label>
          <div className="ed-row">
            <button type="button" aria-pressed={el.flipX} onClick={() => set({ flipX: !el.flipX })}>{t('editor.props.flipX')}</button>
            <button type="button" aria-pressed={el.flipY} onClick={() => set({ flipY: !el.flipY })}>{t('editor.props.flipY')}</button>
          </div>
        </>
      )}
    </section>
  );
}


function layerView(e: Element | undefined): string | null {
  return e ? `${e.visible ? 1 : 0}${e.locked ? 1 : 0}${e.type}|${ownName(e) || (e.type === 'text' ? e.text.slice(0, 30) : '')}` : null;
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
          {label}
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

export function PagesPanel({ editor, cmd }: { editor: EditorStore; cmd: Commands }) {
  const { t } = useTranslation();
  // The page ids only: an edit on a page must not re-render this row.
  const pageIds = useStore(editor.store, (s) => s.doc?.pages.map((p) => p.id).join(',') ?? '');
  const pages = pageIds ? pageIds.split(',').map((id) => ({ id })) : [];
  const current = useStore(editor.store, (s) => s.pageId);
  return (
    <nav className="ed-pages" aria-label={t('editor.pages.title')}>
      <ol>
        {pages.map((p, i) => (
          <li key={p.id} className={p.id === current ? 'current' : undefined}>
            <button type="button" aria-current={p.id === current ? 'page' : undefined} onClick={() => editor.setPage(p.id)}>
              {t('editor.pages.page', { n: i + 1 })}
            </button>
            {p.id === current && (
              <span className="ed-row">
                <button type="button" className="ed-icon" aria-label={t('editor.pages.left')} title={t('editor.pages.left')} disabled={i === 0} onClick={() => cmd.movePage(p.id, i - 1)}><ArrowLeft size={16} aria-hidden="true" /></button>
                <button type="button" className="ed-icon" aria-label={t('editor.pages.right')} title={t('editor.pages.right')} disabled={i === pages.length - 1} onClick={() => cmd.movePage(p.id, i + 1)}><ArrowRight size={16} aria-hidden="true" /></button>
                <button type="button" className="ed-icon" aria-label={t('editor.pages.duplicate')} title={t('editor.pages.duplicate')} onClick={() => cmd.duplicatePage(p.id)}><Copy size={16} aria-hidden="true" /></button>
                <button type="button" className="ed-icon" aria-label={t('editor.pages.delete')} title={t('editor.pages.delete')} disabled={pages.length < 2} onClick={() => { cmd.deletePage(p.id); undoToast(t('polish.undo.pageDeleted', { n: i + 1 }), t('polish.undo.undo'), () => editor.undo()); }}><Trash2 size={16} aria-hidden="true" /></button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => cmd.addPage()}>{t('editor.pages.add')}</button>
    </nav>
  );
}
