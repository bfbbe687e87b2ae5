// The editor's left panel, as in Canva: Templates, Photos, Brand, Text and Elements. Everything in
// it can be clicked (added in the middle of the page) or dragged onto the canvas (added where it is
// dropped; a photo dropped on a photo replaces it).
import { Blocks, Image as ImageIcon, LayoutTemplate, Palette, Type, type LucideIcon } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Client } from '../../../src-main/contract';
import type { TemplateSummary } from '../../../src-main/contract/api/designs';
import type { Asset } from '../../../src-main/contract/api/library';
import { applyBrandKit, parseDesign, updatePage, type BrandStyle, type DesignDocument } from '../../../src-main/core/design';
import { mediaPath } from '../../../src-main/core/domain/assets';
import { matchesQuery } from '../../../src-main/core/domain/search';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { undoToast } from '../../ui/undo-toast';
import { useBrand } from './brand';
import type { Commands } from './commands';
import type { EditorStore } from './editor-store';
import { ICONS } from './icons';
import { importImage } from './import-image';
import { renderPageInBrowser } from './scene-context';

export type SideTab = 'templates' | 'photos' | 'brand' | 'text' | 'elements';
const TABS: { id: SideTab; icon: LucideIcon }[] = [
  { id: 'templates', icon: LayoutTemplate },
  { id: 'photos', icon: ImageIcon },
  { id: 'brand', icon: Palette },
  { id: 'text', icon: Type },
  { id: 'elements', icon: Blocks },
];

/** What a drag from the panel carries (the canvas drop handler reads it). */
export const DRAG_TYPE = 'application/x-atelier-element';
export type PanelDrop =
  | { kind: 'image'; assetId: string; width: number; height: number; name?: string }
  | { kind: 'text'; preset: 'heading' | 'subheading' | 'body' }
  | { kind: 'shape'; shape: 'rect' | 'ellipse' | 'star' | 'polygon' }
  | { kind: 'line'; line: 'line' | 'arrow' | 'dashed' }
  | { kind: 'icon'; key: string };

function dragProps(payload: PanelDrop) {
  return {
    draggable: true,
    onDragStart: (e: React.DragEvent) => {
      e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(payload));
      e.dataTransfer.effectAllowed = 'copy';
    },
  };
}

export function SidePanel({ editor, cmd, tab, onTab }: { editor: EditorStore; cmd: Commands; tab: SideTab | null; onTab(tab: SideTab | null): void }) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <div className={`ed-side-left${tab ? ' open' : ''}`}>
      <div className="ed-rail" role="tablist" aria-label={t('editor.panel.label')} aria-orientation="vertical">
        {TABS.map(({ id, icon: Icon }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`${ids}-${id}`}
            aria-selected={tab === id}
            aria-controls={tab === id ? `${ids}-panel` : undefined}
            onClick={() => onTab(tab === id ? null : id)}
          >
            <Icon size={20} aria-hidden="true" />
            <span>{t(`editor.panel.${id}`)}</span>
          </button>
        ))}
      </div>
      {tab && (
        <div className="ed-drawer" role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-${tab}`}>
          {tab === 'templates' && <TemplatesTab editor={editor} cmd={cmd} />}
          {tab === 'photos' && <PhotosTab cmd={cmd} />}
          {tab === 'brand' && <BrandTab editor={editor} cmd={cmd} />}
          {tab === 'text' && <TextTab cmd={cmd} />}
          {tab === 'elements' && <ElementsTab cmd={cmd} />}
        </div>
      )}
    </div>
  );
}

// ---- templates ----

const thumbs = new Map<string, Promise<string>>();
/** A template's first page drawn by the editor itself (with the kit applied when asked), cached as an object URL. */
function templateThumb(doc: DesignDocument, kit: BrandStyle | null): Promise<string> {
  const key = `${doc.id}|${kit ? JSON.stringify(kit) : ''}`;
  let url = thumbs.get(key);
  if (!url) {
    const shown = kit ? applyBrandKit(doc, kit) : doc;
    url = renderPageInBrowser(shown, 0, { scale: 200 / Math.max(doc.width, doc.height) }).then(({ blob }) => URL.createObjectURL(blob));
    thumbs.set(key, url);
  }
  return url;
}

function formatOf(w: number, h: number): 'square' | 'portrait' | 'story' | 'landscape' {
  const r = w / h;
  if (Math.abs(r - 1) < 0.02) return 'square';
  if (r < 0.6) return 'story';
  return r < 1 ? 'portrait' : 'landscape';
}

function TemplateCard({ template, kit, onUse, label }: { template: TemplateSummary; kit: BrandStyle | null; onUse(doc: DesignDocument): void; label: string }) {
  const host = useHost();
  const [doc, setDoc] = useState<DesignDocument | null>(null);
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    host.invoke('designs.template', { id: template.id }).then((tpl) => live && setDoc(parseDesign(tpl.document)), () => undefined);
    return () => {
      live = false;
    };
  }, [host, template.id]);
  useEffect(() => {
    let live = true;
    if (doc) void templateThumb(doc, kit).then((u) => live && setSrc(u), () => undefined);
    return () => {
      live = false;
    };
  }, [doc, kit]);
  return (
    <li>
      <button type="button" className="ed-template" disabled={!doc} onClick={() => doc && onUse(doc)} aria-label={label} data-template={template.id}>
        <span className="ed-template-thumb">{src ? <img src={src} alt="" /> : null}</span>
        <span className="ed-template-name">{label}</span>
      </button>
    </li>
  );
}

function TemplatesTab({ editor, cmd }: { editor: EditorStore; cmd: Commands }) {
  const { t } = useTranslation();
  const host = useHost();
  const brand = useBrand();
  const size = useStore(editor.store, (s) => (s.doc ? formatOf(s.doc.width, s.doc.height) : 'square'));
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [format, setFormat] = useState<string>(size);
  const [withKit, setWithKit] = useState(true);
  const fieldId = useId();
  useEffect(() => {
    void host.invoke('designs.templates', {}).then(setTemplates, () => undefined);
  }, [host]);
  const kit = withKit ? brand.style : null;
  const shown = templates.filter((tp) => format === 'all' || formatOf(tp.width, tp.height) === format);
  const name = (tp: TemplateSummary) => (tp.source === 'bundled' ? t(`polish.templates.${tp.id}`, { defaultValue: tp.name }) : tp.name);
  return (
    <section aria-label={t('editor.panel.templates')}>
      <div className="ed-field">
        <label htmlFor={fieldId}>{t('editor.templates.format')}</label>
        <select id={fieldId} value={format} onChange={(e) => setFormat(e.target.value)}>
          {(['all', 'square', 'portrait', 'story', 'landscape'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`editor.templates.formats.${f}`)}
            </option>
          ))}
        </select>
      </div>
      {brand.style ? (
        <>
          <label className="ed-check">
            <input type="checkbox" checked={withKit} onChange={(e) => setWithKit(e.target.checked)} /> {t('editor.templates.withKit')}
          </label>
          <button type="button" className="ed-wide" onClick={() => cmd.applyBrandKit(brand.style!)}>
            {t('editor.templates.applyKit')}
          </button>
        </>
      ) : (
        <p className="muted ed-hint">{t('editor.templates.noKit')}</p>
      )}
      {shown.length === 0 && <p className="muted">{t('editor.templates.none')}</p>}
      <ul className="ed-template-grid">
        {shown.map((tp) => (
          <TemplateCard
            key={tp.id}
            template={tp}
            kit={kit}
            label={name(tp)}
            onUse={(doc) => {
              cmd.useTemplate(doc, kit ?? undefined);
              undoToast(t('editor.templates.used', { name: name(tp) }), t('polish.undo.undo'), () => editor.undo());
            }}
          />
        ))}
      </ul>
    </section>
  );
}

// ---- photos ----

function PhotosTab({ cmd }: { cmd: Commands }) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const [assets, setAssets] = useState<Asset[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [version, setVersion] = useState(0);
  const ids = { search: useId(), tag: useId(), upload: useId() };
  useEffect(() => host.on('assets.changed', () => setVersion((v) => v + 1)), [host]);
  useEffect(() => {
    void host.invoke('assets.list', { kind: 'image' }).then(setAssets, () => undefined);
    void host.invoke('assets.tags', {}).then((list) => setTags(list.map((x) => x.tag)), () => undefined);
  }, [host, version]);
  const shown = useMemo(() => assets.filter((a) => (!tag || a.tags.includes(tag)) && matchesQuery(`${a.name} ${a.tags.join(' ')}`, query)), [assets, query, tag]);
  async function upload(files: FileList) {
    for (const f of [...files]) {
      try {
        const img = await importImage(host, f);
        cmd.addImage(img.assetId, img.width, img.height);
      } catch (error) {
        toast({ message: errorMessage(t, error), tone: 'error' });
      }
    }
  }
  return (
    <section aria-label={t('editor.panel.photos')}>
      <div className="ed-field">
        <label htmlFor={ids.search}>{t('editor.photos.search')}</label>
        <input id={ids.search} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {tags.length > 0 && (
        <div className="ed-field">
          <label htmlFor={ids.tag}>{t('editor.photos.tag')}</label>
          <select id={ids.tag} value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">{t('editor.photos.allTags')}</option>
            {tags.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </div>
      )}
      <label className="ed-upload" htmlFor={ids.upload}>
        {t('editor.photos.upload')}
        <input id={ids.upload} type="file" accept="image/*" multiple hidden onChange={(e) => e.target.files && void upload(e.target.files)} />
      </label>
      {assets.length === 0 ? <p className="muted">{t('editor.photos.empty')}</p> : shown.length === 0 && <p className="muted">{t('editor.photos.noMatch')}</p>}
      <ul className="ed-photo-grid" aria-label={t('editor.photos.list', { count: shown.length })}>
        {shown.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="ed-photo"
              title={a.name}
              aria-label={t('editor.photos.add', { name: a.name })}
              onClick={() => cmd.addImage(a.id, a.width ?? 1000, a.height ?? 1000, { name: a.name })}
              {...dragProps({ kind: 'image', assetId: a.id, width: a.width ?? 1000, height: a.height ?? 1000, name: a.name })}
            >
              <img src={mediaPath('thumbs', a.id)} alt="" loading="lazy" draggable={false} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

// ---- brand ----

function BrandTab({ editor, cmd }: { editor: EditorStore; cmd: Commands }) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const brand = useBrand();
  const clientId = useStore(editor.store, (s) => s.clientId);
  const [clients, setClients] = useState<Client[]>([]);
  const fieldId = useId();
  useEffect(() => {
    void host.invoke('clients.list', {}).then(setClients, () => undefined);
  }, [host]);
  async function assign(id: string) {
    const designId = editor.store.getState().designId;
    if (!designId || !id) return;
    try {
      await editor.updateDesign({ clientId: id });
      editor.setClientId(id);
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }
  const client = clients.find((c) => c.id === clientId);
  const kit = brand.kit;
  return (
    <section aria-label={t('editor.panel.brand')}>
      <div className="ed-field">
        <label htmlFor={fieldId}>{t('editor.brand.client')}</label>
        <select id={fieldId} value={clientId ?? ''} onChange={(e) => void assign(e.target.value)}>
          {!clientId && <option value="">{t('editor.brand.noClient')}</option>}
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {!client || !kit ? (
        <p className="muted ed-hint">{t('editor.brand.chooseClient')}</p>
      ) : (
        <>
          <h4>{t('editor.brand.colours')}</h4>
          {kit.palette.length === 0 ? (
            <p className="muted ed-hint">{t('editor.brand.noColours', { client: client.name })}</p>
          ) : (
            <ul className="ed-swatches large" aria-label={t('editor.brand.colours')}>
              {kit.palette.map((c) => (
                <li key={c}>
                  <button type="button" className="ed-swatch" style={{ background: c }} aria-label={t('editor.brand.applyColour', { colour: c })} onClick={() => applyColour(editor, cmd, c)} />
                </li>
              ))}
            </ul>
          )}
          <h4>{t('editor.brand.fonts')}</h4>
          {!kit.headingFont && !kit.bodyFont && <p className="muted ed-hint">{t('editor.brand.noFonts', { client: client.name })}</p>}
          {kit.headingFont && (
            <button type="button" className="ed-text-preset" style={{ fontFamily: `"${kit.headingFont.family}"`, fontWeight: 700 }} onClick={() => cmd.addText(t('editor.text.headingSample'), { preset: 'heading', fontFamily: kit.headingFont!.family })}>
              {t('editor.brand.heading', { font: kit.headingFont.family })}
            </button>
          )}
          {kit.bodyFont && (
            <button type="button" className="ed-text-preset" style={{ fontFamily: `"${kit.bodyFont.family}"` }} onClick={() => cmd.addText(t('editor.text.bodySample'), { preset: 'body', fontFamily: kit.bodyFont!.family })}>
              {t('editor.brand.body', { font: kit.bodyFont.family })}
            </button>
          )}
          <h4>{t('editor.brand.logos')}</h4>
          {kit.logos.length === 0 && <p className="muted ed-hint">{t('editor.brand.noLogos', { client: client.name })}</p>}
          <ul className="ed-photo-grid">
            {kit.logos.map((a) => (
              <li key={a.id}>
                <button type="button" className="ed-photo contain" aria-label={t('editor.brand.addLogo', { name: a.name })} onClick={() => cmd.addImage(a.id, a.width ?? 600, a.height ?? 600, { name: a.name })} {...dragProps({ kind: 'image', assetId: a.id, width: a.width ?? 600, height: a.height ?? 600, name: a.name })}>
                  <img src={mediaPath('thumbs', a.id)} alt="" draggable={false} />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A kit colour on what is selected (a shape's fill, a text's colour, a line), or on the page. */
export function applyColour(editor: EditorStore, cmd: Commands, colour: string): void {
  const s = editor.store.getState();
  if (s.selection.length === 0) {
    editor.apply((d, pid) => updatePage(d, pid, { background: { type: 'color', color: colour } }));
    return;
  }
  for (const id of s.selection) {
    const el = editor.element(id);
    if (!el || el.locked) continue;
    if (el.type === 'line' || el.type === 'arrow') cmd.update([id], { stroke: colour });
    else if (el.type === 'path') cmd.update([id], el.fill ? { fill: colour } : { stroke: colour });
    else if ('fill' in el) cmd.update([id], { fill: colour });
  }
}

// ---- text ----

function TextTab({ cmd }: { cmd: Commands }) {
  const { t } = useTranslation();
  const brand = useBrand();
  const heading = brand.kit?.headingFont?.family;
  const body = brand.kit?.bodyFont?.family;
  const presets = [
    { preset: 'heading' as const, font: heading ?? 'Montserrat', weight: 700, size: '1.6rem', label: t('editor.text.heading'), sample: t('editor.text.headingSample') },
    { preset: 'subheading' as const, font: heading ?? 'Montserrat', weight: 600, size: '1.15rem', label: t('editor.text.subheading'), sample: t('editor.text.subheadingSample') },
    { preset: 'body' as const, font: body ?? 'Inter', weight: 400, size: '0.95rem', label: t('editor.text.body'), sample: t('editor.text.bodySample') },
  ];
  return (
    <section aria-label={t('editor.panel.text')}>
      {presets.map((p) => (
        <button
          key={p.preset}
          type="button"
          className="ed-text-preset"
          style={{ fontFamily: `"${p.font}"`, fontWeight: p.weight, fontSize: p.size }}
          onClick={() => cmd.addText(p.sample, { preset: p.preset, fontFamily: p.font })}
          {...dragProps({ kind: 'text', preset: p.preset })}
        >
          {p.label}
        </button>
      ))}
      {(heading || body) && <p className="muted ed-hint">{t('editor.text.kitFonts')}</p>}
    </section>
  );
}

// ---- elements ----

const SHAPES = ['rect', 'ellipse', 'star', 'polygon'] as const;
const LINES = ['line', 'arrow', 'dashed'] as const;

function ShapeGlyph({ kind }: { kind: (typeof SHAPES)[number] | (typeof LINES)[number] }) {
  const common = { fill: 'currentColor', stroke: 'none' };
  const line = { fill: 'none', stroke: 'currentColor', strokeWidth: 2.5, strokeLinecap: 'round' as const };
  return (
    <svg viewBox="0 0 40 40" width="36" height="36" aria-hidden="true">
      {kind === 'rect' && <rect x="6" y="9" width="28" height="22" rx="2" {...common} />}
      {kind === 'ellipse' && <circle cx="20" cy="20" r="13" {...common} />}
      {kind === 'star' && <polygon points="20,5 24.5,15 35,15.5 27,22.5 29.5,33 20,27.5 10.5,33 13,22.5 5,15.5 15.5,15" {...common} />}
      {kind === 'polygon' && <polygon points="20,6 32,13 32,27 20,34 8,27 8,13" {...common} />}
      {kind === 'line' && <line x1="6" y1="20" x2="34" y2="20" {...line} />}
      {kind === 'arrow' && <path d="M6 20h26M25 13l7 7-7 7" {...line} />}
      {kind === 'dashed' && <line x1="6" y1="20" x2="34" y2="20" strokeDasharray="5 4" {...line} />}
    </svg>
  );
}

function ElementsTab({ cmd }: { cmd: Commands }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const icons = ICONS.filter((i) => matchesQuery(t(`editor.icons.${i.key}`), query));
  return (
    <section aria-label={t('editor.panel.elements')}>
      <h4>{t('editor.elements.shapes')}</h4>
      <ul className="ed-element-grid">
        {SHAPES.map((k) => (
          <li key={k}>
            <button type="button" className="ed-element" aria-label={t(`editor.add.${k}`)} title={t(`editor.add.${k}`)} onClick={() => cmd.addShape(k)} {...dragProps({ kind: 'shape', shape: k })}>
              <ShapeGlyph kind={k} />
            </button>
          </li>
        ))}
      </ul>
      <h4>{t('editor.elements.lines')}</h4>
      <ul className="ed-element-grid">
        {LINES.map((k) => (
          <li key={k}>
            <button type="button" className="ed-element" aria-label={t(`editor.add.${k}`)} title={t(`editor.add.${k}`)} onClick={() => (k === 'dashed' ? cmd.addLine('line', { dashed: true }) : cmd.addLine(k))} {...dragProps({ kind: 'line', line: k })}>
              <ShapeGlyph kind={k} />
            </button>
          </li>
        ))}
      </ul>
      <h4>{t('editor.elements.icons')}</h4>
      <div className="ed-field">
        <label htmlFor={searchId}>{t('editor.elements.searchIcons')}</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {icons.length === 0 && <p className="muted">{t('editor.elements.noIcon')}</p>}
      <ul className="ed-element-grid icons">
        {icons.map((i) => (
          <li key={i.key}>
            <button type="button" className="ed-element" aria-label={t(`editor.icons.${i.key}`)} title={t(`editor.icons.${i.key}`)} onClick={() => cmd.addIcon({ name: t(`editor.icons.${i.key}`), data: i.data })} {...dragProps({ kind: 'icon', key: i.key })}>
              <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d={i.data} />
              </svg>
            </button>
          </li>
        ))}
      </ul>
      <p className="muted ed-hint">{t('editor.elements.iconCredit')}</p>
    </section>
  );
}
