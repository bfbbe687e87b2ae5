// The Editor's start view: create a design (sizes, templates) and find one: thumbnails, search that
// ignores accents ("ete" finds "Été"), a client filter, rename, duplicate, delete with undo, and the
// recently deleted designs to restore.
import { Copy, Pencil, RotateCcw, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../src-main/contract';
import type { DesignSummary, TemplateSummary } from '../../../src-main/contract/api/designs';
import { parseDesign, SIZE_PRESETS, type DesignDocument } from '../../../src-main/core/design';
import { matchesQuery } from '../../../src-main/core/domain/search';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { DesignGrid } from '../../ui/DesignGrid';
import { ClientOptions } from '../../ui/ClientOptions';
import { undoToast } from '../../ui/undo-toast';
import { useModal } from '../../ui/use-modal';
import { renderPageInBrowser } from './scene-context';

/** The name the services give a design nobody named (older designs keep it): shown translated. */
export const DEFAULT_DESIGN_NAME = 'Untitled design';

export function useDesignName() {
  const { t } = useTranslation();
  return useCallback((name: string) => (name === DEFAULT_DESIGN_NAME ? t('editor.untitled') : name), [t]);
}

/** A one-field dialog (rename, save as template): Enter confirms, Escape cancels. */
export function NameDialog({ title, label, initial, confirm, onConfirm, onCancel, problem }: { title: string; label: string; initial: string; confirm: string; onConfirm(name: string): void; onCancel(): void; problem?: React.ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useModal(ref);
  const [name, setName] = useState(initial);
  const ids = { title: useId(), field: useId() };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={ids.title}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onConfirm(name.trim());
        }}
      >
        <h2 id={ids.title}>{title}</h2>
        <div className="ed-field wide">
          <label htmlFor={ids.field}>{label}</label>
          <input id={ids.field} value={name} maxLength={200} autoFocus onFocus={(e) => e.target.select()} onChange={(e) => setName(e.target.value)} />
        </div>
        {problem}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('editor.gallery.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={!name.trim()}>
            {confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}

const thumbs = new Map<string, Promise<string>>();
function templateThumb(host: ReturnType<typeof useHost>, id: string): Promise<string> {
  let url = thumbs.get(id);
  if (!url) {
    url = host
      .invoke('designs.template', { id })
      .then((tpl) => parseDesign(tpl.document))
      .then((doc: DesignDocument) => renderPageInBrowser(doc, 0, { scale: 240 / Math.max(doc.width, doc.height) }))
      .then(({ blob }) => URL.createObjectURL(blob));
    thumbs.set(id, url);
  }
  return url;
}

function TemplateTile({ template, name, onUse }: { template: TemplateSummary; name: string; onUse(): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    templateThumb(host, template.id).then((u) => live && setSrc(u), () => undefined);
    return () => {
      live = false;
    };
  }, [host, template.id]);
  return (
    <li className="design-card">
      <button type="button" className="design-card-open" onClick={onUse} data-template={template.id} aria-label={t('editor.start.useTemplate', { name })}>
        {src && <img className="design-card-thumb" src={src} alt="" />}
      </button>
      <span className="design-card-name">{name}</span>
      <span className="design-card-meta">
        {template.width}×{template.height} · {t('editor.start.pages', { count: template.pages })}
      </span>
    </li>
  );
}

export function DesignsGallery({ onOpen }: { onOpen(id: string): void }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const appClient = useApp((s) => s.clientId);
  const displayName = useDesignName();
  const [designs, setDesigns] = useState<DesignSummary[]>([]);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [clients, setClients] = useState<Client[]>([]);
  const [query, setQuery] = useState('');
  const [clientFilter, setClientFilter] = useState<string>(appClient ?? '');
  const [deletedView, setDeletedView] = useState(false);
  const [renaming, setRenaming] = useState<DesignSummary | null>(null);
  const [version, setVersion] = useState(0);
  const ids = { search: useId(), client: useId() };
  useEffect(() => host.on('designs.changed', () => setVersion((v) => v + 1)), [host]);
  useEffect(() => {
    void host.invoke('designs.list', { includeDeleted: true }).then(setDesigns, () => undefined);
  }, [host, version]);
  useEffect(() => {
    void host.invoke('designs.templates', {}).then(setTemplates, () => undefined);
    void host.invoke('clients.list', {}).then(setClients, () => undefined);
  }, [host]);
  useEffect(() => setClientFilter(appClient ?? ''), [appClient]);

  const clientName = useMemo(() => new Map(clients.map((c) => [c.id, c.name])), [clients]);
  const shown = designs.filter(
    (d) => Boolean(d.deletedAt) === deletedView && (!clientFilter || d.clientId === clientFilter) && matchesQuery(`${displayName(d.name)} ${d.clientId ? (clientName.get(d.clientId) ?? '') : ''}`, query),
  );
  const deletedCount = designs.filter((d) => d.deletedAt).length;
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }), [i18n.language]);
  const templateName = (tp: TemplateSummary) => (tp.source === 'bundled' ? t(`polish.templates.${tp.id}`, { defaultValue: tp.name }) : tp.name);

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
      return undefined;
    }
  }
  const create = (input: { preset?: string; templateId?: string; name: string }) =>
    run(async () => {
      const d = await host.invoke('designs.create', { ...input, clientId: clientFilter || appClient || undefined });
      onOpen(d.id);
    });
  const remove = (d: DesignSummary) =>
    run(async () => {
      await host.invoke('designs.delete', { id: d.id });
      undoToast(t('editor.gallery.deleted', { name: displayName(d.name) }), t('polish.undo.undo'), () => host.invoke('designs.restore', { id: d.id }));
    });

  return (
    <div className="ed-start">
      <h1>{t('editor.title')}</h1>
      <section aria-labelledby="ed-sizes">
        <h2 id="ed-sizes">{t('editor.start.sizes')}</h2>
        <ul className="ed-tiles">
          {SIZE_PRESETS.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => void create({ preset: p.id, name: t('editor.untitled') })} data-preset={p.id}>
                <strong>{p.platform}</strong> {t(`polish.presets.${p.id}`, { defaultValue: p.label })}
                <span className="muted"> {p.width}×{p.height}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ed-recent">
        <h2 id="ed-recent">{deletedView ? t('editor.gallery.deletedTitle') : t('editor.gallery.title')}</h2>
        <div className="ed-gallery-bar">
          <div className="ed-field">
            <label htmlFor={ids.search}>{t('editor.gallery.search')}</label>
            <input id={ids.search} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          <div className="ed-field">
            <label htmlFor={ids.client}>{t('editor.gallery.client')}</label>
            <select id={ids.client} value={clientFilter} onChange={(e) => setClientFilter(e.target.value)}>
              <ClientOptions clients={clients} empty={t('editor.gallery.allClients')} />
            </select>
          </div>
          <button type="button" className="button" aria-pressed={deletedView} onClick={() => setDeletedView(!deletedView)}>
            {deletedView ? t('editor.gallery.backToDesigns') : t('editor.gallery.showDeleted', { count: deletedCount })}
          </button>
        </div>
        {shown.length === 0 ? (
          <p className="muted">{designs.some((d) => Boolean(d.deletedAt) === deletedView) ? t('editor.gallery.noMatch') : deletedView ? t('editor.gallery.noDeleted') : t('editor.start.none')}</p>
        ) : (
          <DesignGrid
            designs={shown}
            label={deletedView ? t('editor.gallery.deletedTitle') : t('editor.gallery.title')}
            displayName={(d) => displayName(d.name)}
            openLabel={(name) => (deletedView ? t('editor.gallery.restoreNamed', { name }) : t('editor.gallery.open', { name }))}
            onOpen={(d) => (deletedView ? void run(() => host.invoke('designs.restore', { id: d.id })) : onOpen(d.id))}
            meta={(d) => [d.clientId ? clientName.get(d.clientId) : null, `${d.width}×${d.height}`, dateFormat.format(new Date(d.updatedAt))].filter(Boolean).join(' · ')}
            actions={(d) =>
              deletedView ? (
                <button type="button" className="ed-icon" onClick={() => void run(() => host.invoke('designs.restore', { id: d.id }))} aria-label={t('editor.gallery.restoreNamed', { name: displayName(d.name) })} title={t('editor.gallery.restore')}>
                  <RotateCcw size={16} aria-hidden="true" />
                </button>
              ) : (
                <>
                  <button type="button" className="ed-icon" onClick={() => setRenaming(d)} aria-label={t('editor.gallery.renameNamed', { name: displayName(d.name) })} title={t('editor.gallery.rename')}>
                    <Pencil size={16} aria-hidden="true" />
                  </button>
                  <button type="button" className="ed-icon" onClick={() => void run(() => host.invoke('designs.duplicate', { id: d.id, name: t('editor.gallery.copyName', { name: displayName(d.name) }) }))} aria-label={t('editor.gallery.duplicateNamed', { name: displayName(d.name) })} title={t('editor.gallery.duplicate')}>
                    <Copy size={16} aria-hidden="true" />
                  </button>
                  <button type="button" className="ed-icon" onClick={() => void remove(d)} aria-label={t('editor.gallery.deleteNamed', { name: displayName(d.name) })} title={t('editor.gallery.delete')}>
                    <Trash2 size={16} aria-hidden="true" />
                  </button>
                </>
              )
            }
          />
        )}
      </section>
      <section aria-labelledby="ed-templates">
        <h2 id="ed-templates">{t('editor.start.templates')}</h2>
        <ul className="design-grid">
          {templates.map((tp) => (
            <TemplateTile key={tp.id} template={tp} name={templateName(tp)} onUse={() => void create({ templateId: tp.id, name: templateName(tp) })} />
          ))}
        </ul>
      </section>
      {renaming && (
        <NameDialog
          title={t('editor.gallery.renameTitle')}
          label={t('editor.gallery.name')}
          initial={displayName(renaming.name)}
          confirm={t('editor.gallery.rename')}
          onCancel={() => setRenaming(null)}
          onConfirm={(name) => {
            const id = renaming.id;
            setRenaming(null);
            void run(() => host.invoke('designs.update', { id, name }));
          }}
        />
      )}
    </div>
  );
}
