// Side panels: properties of the selection, layers (also the accessible list of what is on the
// canvas), and pages.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { moveElementToIndex, updateElements, updatePage, type Element } from '../../../src-main/core/design';
import type { Commands } from './commands';
import type { EditorStore } from './editor-store';
import { BUNDLED_FAMILIES } from './scene-context';

function NumberField({ label, value, onChange, step = 1, min, max }: { label: string; value: number; onChange(v: number): void; step?: number; min?: number; max?: number }) {
  const id = useId();
  return (
    <div className="ed-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" step={step} min={min} max={max} value={Number.isFinite(value) ? Math.round(value * 100) / 100 : 0} onChange={(e) => e.target.value !== '' && onChange(Number(e.target.value))} />
    </div>
  );
}

function ColorField({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  const id = useId();
  const hex = /^#[0-9a-f]{6}$/i.test(value) ? value : '#000000';
  return (
    <div className="ed-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="color" value={hex} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function PropertiesPanel({ editor, cmd }: { editor: EditorStore; cmd: Commands }) {
  const { t } = useTranslation();
  const selection = useStore(editor.store, (s) => s.selection);
  const el = useStore(editor.store, (s) => (s.selection.length === 1 ? s.index.get(s.selection[0]!) : undefined));
  const doc = useStore(editor.store, (s) => s.doc);
  const pageId = useStore(editor.store, (s) => s.pageId);
  const ids = { text: useId(), font: useId(), weight: useId(), align: useId(), alt: useId() };
  const page = doc?.pages.find((p) => p.id === pageId);
  if (!doc || !page) return null;
  if (!el) {
    const bg = page.background.type === 'color' ? page.background.color : '#ffffff';
    return (
      <section className="ed-panel" aria-label={t('editor.props.title')}>
        <h3>{selection.length > 1 ? t('editor.props.many', { count: selection.length }) : t('editor.props.page')}</h3>
        {selection.length === 0 && (
          <ColorField label={t('editor.props.background')} value={bg} onChange={(color) => editor.apply((d, pid) => updatePage(d, pid, { background: { type: 'color', color } }), { key: `bg:${pageId}` })} />
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
      <h3>{el.name || t(`editor.types.${el.type}`)}</h3>
      <div className="ed-grid">
        <NumberField label="X" value={el.x} onChange={(x) => set({ x })} />
        <NumberField label="Y" value={el.y} onChange={(y) => set({ y })} />
        <NumberField label={t('editor.props.width')} value={el.width} min={1} onChange={(width) => set({ width: Math.max(1, width) })} />
        <NumberField label={t('editor.props.height')} value={el.height} min={0} onChange={(height) => set({ height: Math.max(0, height) })} />
        <NumberField label={t('editor.props.rotation')} value={el.rotation} onChange={(rotation) => set({ rotation })} />
        <NumberField label={t('editor.props.opacity')} value={el.opacity * 100} min={0} max={100} onChange={(o) => set({ opacity: Math.min(1, Math.max(0, o / 100)) })} />
      </div>
      {'fill' in el && typeof el.fill === 'string' && el.type !== 'text' && <ColorField label={t('editor.props.fill')} value={el.fill} onChange={(fill) => set({ fill })} />}
      {(el.type === 'line' || el.type === 'arrow') && <ColorField label={t('editor.props.stroke')} value={el.stroke} onChange={(stroke) => set({ stroke })} />}
      {(el.type === 'rect' || el.type === 'image') && <NumberField label={t('editor.props.cornerRadius')} value={el.cornerRadius} min={0} onChange={(cornerRadius) => set({ cornerRadius: Math.max(0, cornerRadius) })} />}
      {el.type === 'text' && (
        <>
          <div className="ed-field wide">
            <label htmlFor={ids.text}>{t('editor.props.text')}</label>
            <textarea id={ids.text} value={el.text} rows={3} onChange={(e) => set({ text: e.target.value }, `text:${el.id}`)} />
          </div>
          <div className="ed-field wide">
            <label htmlFor={ids.font}>{t('editor.props.font')}</label>
            <select id={ids.font} value={el.fontFamily} onChange={(e) => set({ fontFamily: e.target.value })}>
              {!BUNDLED_FAMILIES.includes(el.fontFamily) && <option value={el.fontFamily}>{t('editor.props.unknownFont', { font: el.fontFamily })}</option>}
              {BUNDLED_FAMILIES.filter((f) => f !== 'Noto Color Emoji').map((f) => (
                <option key={f} value={f}>{f}</option>
              ))}
            </select>
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
            {typeof el.fill === 'string' && <ColorField label={t('editor.props.color')} value={el.fill} onChange={(fill) => set({ fill })} />}
          </div>
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
            <NumberField label={t('editor.props.cropX')} value={el.crop.x * 100} min={0} max={99} onChange={(v) => set({ crop: { ...el.crop, x: v / 100, width: Math.min(el.crop.width, 1 - v / 100) } })} />
            <NumberField label={t('editor.props.cropY')} value={el.crop.y * 100} min={0} max={99} onChange={(v) => set({ crop: { ...el.crop, y: v / 100, height: Math.min(el.crop.height, 1 - v / 100) } })} />
            <NumberField label={t('editor.props.cropW')} value={el.crop.width * 100} min={1} max={100} onChange={(v) => set({ crop: { ...el.crop, width: Math.min(v / 100, 1 - el.crop.x) } })} />
            <NumberField label={t('editor.props.cropH')} value={el.crop.height * 100} min={1} max={100} onChange={(v) => set({ crop: { ...el.crop, height: Math.min(v / 100, 1 - el.crop.y) } })} />
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

function layerLabel(t: (k: string) => string, el: Element): string {
  if (el.name) return el.name;
  if (el.type === 'text') return el.text.slice(0, 30) || t('editor.types.text');
  return t(`editor.types.${el.type}`);
}

export function LayersPanel({ editor }: { editor: EditorStore }) {
  const { t } = useTranslation();
  const order = useStore(editor.store, (s) => s.order);
  const index = useStore(editor.store, (s) => s.index);
  const selection = useStore(editor.store, (s) => s.selection);
  const top = [...order].reverse();
  return (
    <section className="ed-panel" aria-label={t('editor.layers.title')}>
      <h3>{t('editor.layers.title')}</h3>
      {top.length === 0 && <p className="muted">{t('editor.layers.empty')}</p>}
      <ul className="ed-layers" role="list">
        {top.map((id, i) => {
          const el = index.get(id)!;
          const selected = selection.includes(id);
          const label = layerLabel(t, el);
          return (
            <li
              key={id}
              className={selected ? 'selected' : undefined}
              draggable
              onDragStart={(e) => e.dataTransfer.setData('text/x-atelier-layer', id)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                const from = e.dataTransfer.getData('text/x-atelier-layer');
                if (from && from !== id) editor.apply((d, pid) => moveElementToIndex(d, pid, from, order.length - 1 - i));
              }}
            >
              <button
                type="button"
                className="ed-layer-name"
                aria-pressed={selected}
                onClick={(e) => editor.select(e.shiftKey ? (selected ? selection.filter((x) => x !== id) : [...selection, id]) : [id])}
              >
                {label}
              </button>
              <button type="button" className="ed-icon" aria-pressed={!el.visible} aria-label={t(el.visible ? 'editor.layers.hide' : 'editor.layers.show', { name: label })} onClick={() => editor.apply((d, pid) => updateElementsSafe(d, pid, id, { visible: !el.visible }))}>
                {el.visible ? '◉' : '○'}
              </button>
              <button type="button" className="ed-icon" aria-pressed={el.locked} aria-label={t(el.locked ? 'editor.layers.unlock' : 'editor.layers.lock', { name: label })} onClick={() => editor.apply((d, pid) => updateElementsSafe(d, pid, id, { locked: !el.locked }))}>
                {el.locked ? '🔒' : '🔓'}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function updateElementsSafe(d: Parameters<typeof updateElements>[0], pid: string, id: string, patch: Record<string, unknown>) {
  return updateElements(d, pid, [id], patch);
}

export function PagesPanel({ editor, cmd }: { editor: EditorStore; cmd: Commands }) {
  const { t } = useTranslation();
  const pages = useStore(editor.store, (s) => s.doc?.pages ?? []);
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
                <button type="button" className="ed-icon" aria-label={t('editor.pages.left')} disabled={i === 0} onClick={() => cmd.movePage(p.id, i - 1)}>←</button>
                <button type="button" className="ed-icon" aria-label={t('editor.pages.right')} disabled={i === pages.length - 1} onClick={() => cmd.movePage(p.id, i + 1)}>→</button>
                <button type="button" className="ed-icon" aria-label={t('editor.pages.duplicate')} onClick={() => cmd.duplicatePage(p.id)}>⧉</button>
                <button type="button" className="ed-icon" aria-label={t('editor.pages.delete')} disabled={pages.length < 2} onClick={() => cmd.deletePage(p.id)}>✕</button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => cmd.addPage()}>{t('editor.pages.add')}</button>
    </nav>
  );
}
