// The properties panel: the selected element's position, size and look, or the page's background.
import { Link, Unlink } from 'lucide-react';
import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { lockedResize, ownName, recropForSize, updatePage, type Element } from '../../../src-main/core/design';
import { useBrand } from './brand';
import type { Commands } from './commands';
import type { EditorStore } from './editor-store';
import { BUNDLED_FAMILIES, imageSize, isFontAvailable, registerImportedFont } from './scene-context';

// The fields are memoised and their handlers stable (see useSetters): an undo that moves the
// selected element re-renders the X field, not every input of the panel.
const NumberField = memo(function NumberField({ label, value, onChange, step = 1, min, max, readOnly }: { label: string; value: number; onChange(v: number): void; step?: number; min?: number; max?: number; readOnly?: boolean }) {
  const id = useId();
  return (
    <div className="ed-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" step={step} min={min} max={max} readOnly={readOnly} value={Number.isFinite(value) ? Math.round(value * 100) / 100 : 0} onChange={(e) => e.target.value !== '' && onChange(Number(e.target.value))} />
    </div>
  );
});

/** A colour input with the brand kit's colours as swatches beside it (one click applies one). */
const ColorField = memo(function ColorField({ label, value, onChange, wide }: { label: string; value: string; onChange(v: string): void; wide?: boolean }) {
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
});

/** Kit fonts first (marked), then every other bundled and imported font. */
const FontSelect = memo(function FontSelect({ id, value, onChange }: { id: string; value: string; onChange(family: string): void }) {
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
});

/** Width and height, kept in proportion unless unlocked; a photo's frame never stretches its photo. */
const SizeFields = memo(function SizeFields({ editor, cmd, id, width, height, textLike }: { editor: EditorStore; cmd: Commands; id: string; width: number; height: number; textLike: boolean }) {
  const { t } = useTranslation();
  const locked = useStore(editor.store, (s) => s.aspectLocked);
  const [setWidth, setHeight] = useMemo(() => {
    // The element as it is when the field changes (the fields only re-render when what they show changes).
    const set = (change: { width?: number; height?: number }) => {
      const el = editor.element(id);
      if (!el) return;
      // A text box's height follows its text (unless it shrinks text to fit); a line has no height.
      const textLike = (el.type === 'text' && !el.autoFit) || el.type === 'line' || el.type === 'arrow';
      let size = { width: change.width ?? el.width, height: change.height ?? el.height };
      if (editor.store.getState().aspectLocked && !textLike) size = lockedResize(el, change);
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
    return [(w: number) => set({ width: w }), (h: number) => set({ height: h })];
  }, [editor, cmd, id]);
  return (
    <>
      <NumberField label={t('editor.props.width')} value={width} min={1} onChange={setWidth} />
      <NumberField label={t('editor.props.height')} value={height} min={0} readOnly={textLike} onChange={textLike ? IGNORE : setHeight} />
      {!textLike && (
        <button type="button" className="ed-ratio" aria-pressed={locked} onClick={() => editor.setAspectLocked(!locked)}>
          {locked ? <Link size={16} aria-hidden="true" /> : <Unlink size={16} aria-hidden="true" />}
          <span>{t('editor.props.keepRatio')}</span>
        </button>
      )}
    </>
  );
});

const IGNORE = () => {};
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/**
 * The properties panel's handlers for one element, made once per element: each patches the element
 * by id, and those that merge (filters) read the element when they run, so a field that did not
 * re-render never writes back an old value.
 */
function useSetters(editor: EditorStore, cmd: Commands, id: string) {
  return useMemo(() => {
    const set = (patch: Record<string, unknown>, key?: string) => cmd.update([id], patch, key ?? `prop:${id}:${Object.keys(patch).join(',')}`);
    const field = <T,>(name: string, map: (v: T) => unknown = (v) => v) => (v: T) => set({ [name]: map(v) });
    const filter = (name: string, map: (v: number) => unknown) => (v: number) => {
      const el = editor.element(id);
      if (el?.type === 'image') set({ filters: { ...el.filters, [name]: map(v) } });
    };
    const toggle = (name: string, on: unknown, off: unknown) => (checked: boolean) => set({ [name]: checked ? on : off });
    return {
      x: field<number>('x'),
      y: field<number>('y'),
      rotation: field<number>('rotation'),
      opacity: field<number>('opacity', (o) => clamp(o / 100, 0, 1)),
      fill: field<string>('fill'),
      stroke: field<string>('stroke'),
      strokeWidth: field<number>('strokeWidth', (w) => clamp(w, 0.25, 6)),
      cornerRadius: field<number>('cornerRadius', (r) => Math.max(0, r)),
      text: (text: string) => set({ text }, `text:${id}`),
      fontFamily: field<string>('fontFamily'),
      fontSize: field<number>('fontSize', (v) => Math.max(1, v)),
      fontWeight: field<string>('fontWeight', Number),
      align: field<string>('align'),
      autoFit: toggle('autoFit', true, false),
      italic: toggle('fontStyle', 'italic', 'normal'),
      shadow: toggle('shadow', { color: '#000000', blur: 12, offsetX: 0, offsetY: 4, opacity: 0.5 }, null),
      pill: toggle('background', { color: '#fde68a', padding: 16, cornerRadius: 24 }, null),
      alt: (alt: string) => set({ alt }, `alt:${id}`),
      brightness: filter('brightness', (v) => v / 100),
      contrast: filter('contrast', (v) => v),
      saturation: filter('saturation', (v) => v),
      blur: filter('blur', (v) => v),
      grayscale: (checked: boolean) => {
        const el = editor.element(id);
        if (el?.type === 'image') set({ filters: { ...el.filters, grayscale: checked } });
      },
      flip: (axis: 'flipX' | 'flipY') => {
        const el = editor.element(id);
        if (el?.type === 'image') set({ [axis]: !el[axis] });
      },
    };
  }, [editor, cmd, id]);
}
type Setters = ReturnType<typeof useSetters>;

/** A text element's own fields (re-rendered only when one of them changes). */
const TextFields = memo(function TextFields({ el, on }: { el: Extract<Element, { type: 'text' }>; on: Setters }) {
  const { t } = useTranslation();
  const ids = { text: useId(), font: useId(), weight: useId(), align: useId() };
  return (
    <>
      <div className="ed-field wide">
        <label htmlFor={ids.text}>{t('editor.props.text')}</label>
        <textarea id={ids.text} value={el.text} rows={3} onChange={(e) => on.text(e.target.value)} />
      </div>
      <div className="ed-field wide">
        <label htmlFor={ids.font}>{t('editor.props.font')}</label>
        <FontSelect id={ids.font} value={el.fontFamily} onChange={on.fontFamily} />
      </div>
      <div className="ed-grid">
        <NumberField label={t('editor.props.fontSize')} value={el.fontSize} min={1} onChange={on.fontSize} />
        <div className="ed-field">
          <label htmlFor={ids.weight}>{t('editor.props.weight')}</label>
          <select id={ids.weight} value={el.fontWeight} onChange={(e) => on.fontWeight(e.target.value)}>
            {[400, 600, 700].map((w) => <option key={w} value={w}>{w}</option>)}
          </select>
        </div>
        <div className="ed-field">
          <label htmlFor={ids.align}>{t('editor.props.align')}</label>
          <select id={ids.align} value={el.align} onChange={(e) => on.align(e.target.value)}>
            {(['left', 'center', 'right', 'justify'] as const).map((a) => <option key={a} value={a}>{t(`editor.align.${a}`)}</option>)}
          </select>
        </div>
      </div>
      {typeof el.fill === 'string' && <ColorField label={t('editor.props.color')} value={el.fill} onChange={on.fill} />}
      <label className="ed-check"><input type="checkbox" checked={el.autoFit} onChange={(e) => on.autoFit(e.target.checked)} /> {t('editor.props.autoFit')}</label>
      <label className="ed-check"><input type="checkbox" checked={el.fontStyle === 'italic'} onChange={(e) => on.italic(e.target.checked)} /> {t('editor.props.italic')}</label>
      <label className="ed-check"><input type="checkbox" checked={el.shadow !== null} onChange={(e) => on.shadow(e.target.checked)} /> {t('editor.props.shadow')}</label>
      <label className="ed-check"><input type="checkbox" checked={el.background !== null} onChange={(e) => on.pill(e.target.checked)} /> {t('editor.props.pill')}</label>
    </>
  );
}, (a, b) => a.on === b.on && TEXT_KEYS.every((k) => a.el[k] === b.el[k]));
const TEXT_KEYS = ['text', 'fontFamily', 'fontSize', 'fontWeight', 'align', 'fill', 'autoFit', 'fontStyle', 'shadow', 'background'] as const;

/** A photo's own fields (re-rendered only when one of them changes). */
const ImageFields = memo(function ImageFields({ editor, el, on, croppable }: { editor: EditorStore; el: Extract<Element, { type: 'image' }>; on: Setters; croppable: boolean }) {
  const { t } = useTranslation();
  const altId = useId();
  return (
    <>
      <div className="ed-field wide">
        <label htmlFor={altId}>{t('editor.props.alt')}</label>
        <input id={altId} value={el.alt} onChange={(e) => on.alt(e.target.value)} />
      </div>
      <div className="ed-grid">
        <NumberField label={t('editor.filters.brightness')} value={el.filters.brightness * 100} min={-100} max={100} onChange={on.brightness} />
        <NumberField label={t('editor.filters.contrast')} value={el.filters.contrast} min={-100} max={100} onChange={on.contrast} />
        <NumberField label={t('editor.filters.saturation')} value={el.filters.saturation} step={0.1} min={-2} max={10} onChange={on.saturation} />
        <NumberField label={t('editor.filters.blur')} value={el.filters.blur} min={0} max={40} onChange={on.blur} />
      </div>
      <div className="ed-row">
        <button type="button" onClick={() => editor.crop(el.id)} disabled={!croppable}>{t('editor.crop.button')}</button>
      </div>
      <label className="ed-check"><input type="checkbox" checked={el.filters.grayscale} onChange={(e) => on.grayscale(e.target.checked)} /> {t('editor.filters.grayscale')}</label>
      <div className="ed-row">
        <button type="button" aria-pressed={el.flipX} onClick={() => on.flip('flipX')}>{t('editor.props.flipX')}</button>
        <button type="button" aria-pressed={el.flipY} onClick={() => on.flip('flipY')}>{t('editor.props.flipY')}</button>
      </div>
    </>
  );
}, (a, b) => a.on === b.on && a.editor === b.editor && a.croppable === b.croppable && IMAGE_KEYS.every((k) => a.el[k] === b.el[k]));
const IMAGE_KEYS = ['id', 'alt', 'filters', 'flipX', 'flipY'] as const;

export function PropertiesPanel({ editor, cmd }: { editor: EditorStore; cmd: Commands }) {
  const selection = useStore(editor.store, (s) => s.selection);
  const el = useStore(editor.store, (s) => (s.selection.length === 1 ? (s.index.get(s.selection[0]!) ?? editor.element(s.selection[0]!)) : undefined));
  if (el) return <ElementProperties editor={editor} cmd={cmd} el={el} />;
  return <PageProperties editor={editor} cmd={cmd} count={selection.length} />;
}

/** Nothing or several elements selected: the page's background, or how to spread the selection. */
function PageProperties({ editor, cmd, count }: { editor: EditorStore; cmd: Commands; count: number }) {
  const { t } = useTranslation();
  const pageId = useStore(editor.store, (s) => s.pageId);
  const background = useStore(editor.store, (s) => s.doc?.pages.find((p) => p.id === s.pageId)?.background);
  if (!background) return null;
  const bg = background.type === 'color' ? background.color : '#ffffff';
  return (
    <section className="ed-panel" aria-label={t('editor.props.title')}>
      <h3>{count > 1 ? t('editor.props.many', { count }) : t('editor.props.page')}</h3>
      {count === 0 && (
        <ColorField wide label={t('editor.props.background')} value={bg} onChange={(color) => editor.apply((d, pid) => updatePage(d, pid, { background: { type: 'color', color } }), { key: `bg:${pageId}` })} />
      )}
      {count > 1 && (
        <div className="ed-row">
          <button type="button" onClick={() => cmd.distribute('horizontal')}>{t('editor.distribute.horizontal')}</button>
          <button type="button" onClick={() => cmd.distribute('vertical')}>{t('editor.distribute.vertical')}</button>
        </div>
      )}
    </section>
  );
}

function ElementProperties({ editor, cmd, el }: { editor: EditorStore; cmd: Commands; el: Element }) {
  const { t } = useTranslation();
  const on = useSetters(editor, cmd, el.id);
  // A photo inside a group is cropped once the group is ungrouped (crop mode works on the page's own elements).
  const croppable = useStore(editor.store, (s) => s.index.has(el.id));
  // A text box's height follows its text (unless it shrinks text to fit); a line has no height.
  const textLike = (el.type === 'text' && !el.autoFit) || el.type === 'line' || el.type === 'arrow';
  return (
    <section className="ed-panel" aria-label={t('editor.props.title')}>
      <h3>{ownName(el) || t(`editor.types.${el.type}`)}</h3>
      <div className="ed-grid">
        <NumberField label="X" value={el.x} onChange={on.x} />
        <NumberField label="Y" value={el.y} onChange={on.y} />
        <SizeFields editor={editor} cmd={cmd} id={el.id} width={el.width} height={el.height} textLike={textLike} />
        <NumberField label={t('editor.props.rotation')} value={el.rotation} onChange={on.rotation} />
        <NumberField label={t('editor.props.opacity')} value={el.opacity * 100} min={0} max={100} onChange={on.opacity} />
      </div>
      {'fill' in el && typeof el.fill === 'string' && el.type !== 'text' && <ColorField label={t('editor.props.fill')} value={el.fill} onChange={on.fill} />}
      {(el.type === 'line' || el.type === 'arrow') && <ColorField label={t('editor.props.stroke')} value={el.stroke} onChange={on.stroke} />}
      {el.type === 'path' && el.stroke !== null && <ColorField label={t('editor.props.iconColour')} value={el.stroke} onChange={on.stroke} />}
      {el.type === 'path' && <NumberField label={t('editor.props.iconStroke')} value={el.strokeWidth} step={0.25} min={0.25} max={6} onChange={on.strokeWidth} />}
      {(el.type === 'rect' || el.type === 'image') && <NumberField label={t('editor.props.cornerRadius')} value={el.cornerRadius} min={0} onChange={on.cornerRadius} />}
      {el.type === 'text' && <TextFields el={el} on={on} />}
      {el.type === 'image' && <ImageFields editor={editor} el={el} on={on} croppable={croppable} />}
    </section>
  );
}
