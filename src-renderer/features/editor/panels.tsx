// Side panels: properties of the selection, and pages (the layers list is in LayersPanel.tsx).
import { ArrowLeft, ArrowRight, Copy, Link, Trash2, Unlink } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { lockedResize, ownName, recropForSize, updatePage, type Element } from '../../../src-main/core/design';
import { useBrand } from './brand';
import type { Commands } from './commands';
import type { EditorStore } from './editor-store';
import { BUNDLED_FAMILIES, imageSize, isFontAvailable, registerImportedFont } from './scene-context';
import { undoToast } from '../../ui/undo-toast';

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
