// The editor's toolbar: back to the designs, the design's name, undo/redo, arrange, zoom, and what
// can be done with the whole design (resize, save as template, schedule, export). Each group
// subscribes to what it shows, so an edit re-renders a button or two, not the toolbar.
import { ArrowLeft, BringToFront, CalendarPlus, Copy, Download, Group, LayoutTemplate, Lock, Maximize, Redo2, SendToBack, Trash2, Undo2, Ungroup, ZoomIn, ZoomOut, type LucideIcon } from 'lucide-react';
import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { SIZE_PRESETS } from '../../../src-main/core/design';
import { AtelierError } from '../../../src-main/contract/errors';
import { truncate } from '../../../src-main/core/text/truncate';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { comboKeys, isMac } from '../../app/shortcuts';
import { useApp } from '../../app/store';
import type { Commands } from './commands';
import { NameDialog, useDesignName } from './DesignsGallery';
import type { EditorStore } from './editor-store';

function ResizeControl({ editor, onOpen }: { editor: EditorStore; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const preset = useStore(editor.store, (s) => s.doc?.preset);
  async function resize(to: string) {
    const id = editor.store.getState().designId;
    if (!id || !to) return;
    try {
      await editor.flush();
      // The copy's name in the studio's language ("Soldes (Instagram Story)"), like the menu shows it.
      const target = SIZE_PRESETS.find((p) => p.id === to);
      const name = editor.store.getState().doc?.name;
      const names = target && name ? { [to]: truncate(`${name} (${target.platform} ${t(`polish.presets.${to}`, { defaultValue: target.label })})`, 200, { maxUnits: 200 }) } : undefined;
      const [copy] = await host.invoke('designs.resize', { id, presets: [to], names });
      toast({ message: t('editor.resize.done', { name: copy!.name }), tone: 'info' });
      onOpen(copy!.id);
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }
  return (
    <label className="ed-inline">
      <span>{t('editor.resize.label')}</span>
      <select value="" onChange={(e) => void resize(e.target.value)}>
        <option value="">—</option>
        {SIZE_PRESETS.filter((p) => p.id !== preset).map((p) => (
          <option key={p.id} value={p.id}>{p.platform} {t(`polish.presets.${p.id}`, { defaultValue: p.label })}</option>
        ))}
      </select>
    </label>
  );
}

function SaveStatus({ editor }: { editor: EditorStore }) {
  const { t } = useTranslation();
  const save = useStore(editor.store, (s) => s.save);
  return (
    <span className={`ed-save ${save}`} role="status">
      {t(`editor.save.${save}`)}
    </span>
  );
}

/** A toolbar button: an icon with its name as tooltip and accessible name (the name shows too when `text`). */
function Tool({ icon: Icon, label, onClick, disabled, text, pressed, shortcut }: { icon: LucideIcon; label: string; onClick(): void; disabled?: boolean; text?: boolean; pressed?: boolean; shortcut?: string }) {
  const { t } = useTranslation();
  // The shortcut as the platform and language write it (Ctrl+Maj+Z in French), and as ARIA spells it.
  const keys = shortcut ? comboKeys(shortcut, isMac(), (k) => t(`polish.keys.${k}`)).join('+') : '';
  const aria = shortcut?.replace('Mod', isMac() ? 'Meta' : 'Control');
  return (
    <button type="button" onClick={onClick} disabled={disabled} aria-label={text ? undefined : label} title={shortcut ? `${label} (${keys})` : label} aria-pressed={pressed} aria-keyshortcuts={aria}>
      <Icon size={18} aria-hidden="true" />
      {text && <span>{label}</span>}
    </button>
  );
}

/**
 * What can be done with the whole design, at the toolbar's end: resize, save as template, export.
 * Features that act on a design (scheduling it, for one) add their button here.
 */
const DesignActions = memo(function DesignActions({ editor, onOpen, onExport }: { editor: EditorStore; onOpen(id: string): void; onExport(): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const openComposer = useApp((s) => s.openComposer);
  const name = useStore(editor.store, (s) => s.doc?.name ?? '');
  const [asking, setAsking] = useState<{ name: string; exists: string | null } | null>(null);
  async function save(templateName: string, replace: boolean) {
    const id = editor.store.getState().designId;
    if (!id) return;
    try {
      await editor.flush();
      const tpl = await host.invoke('designs.saveAsTemplate', { id, name: templateName, replace });
      setAsking(null);
      toast({ message: t('editor.saveTemplate.done', { name: tpl.name }), tone: 'info' });
    } catch (error) {
      // A name another template has: say so in the dialog, offer to replace it or pick another.
      if (error instanceof AtelierError && error.code === 'conflict') setAsking({ name: templateName, exists: (error.details as { name?: string } | undefined)?.name ?? templateName });
      else toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }
  /** "Schedule this design": saved first, so the composer (and the post) see what is on the canvas. */
  async function schedule() {
    const id = editor.store.getState().designId;
    if (!id) return;
    try {
      await editor.flush();
      openComposer({ kind: 'new', designId: id });
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }
  return (
    <div className="ed-tool-group" role="group" aria-label={t('editor.toolbarGroups.design')}>
      <ResizeControl editor={editor} onOpen={onOpen} />
      <Tool icon={LayoutTemplate} label={t('editor.saveTemplate.button')} onClick={() => setAsking({ name, exists: null })} />
      <SaveStatus editor={editor} />
      <Tool icon={CalendarPlus} label={t('editor.schedule')} text onClick={() => void schedule()} />
      <button type="button" className="primary" onClick={onExport}>
        <Download size={18} aria-hidden="true" />
        <span>{t('editor.export.open')}</span>
      </button>
      {asking && (
        <NameDialog
          key={asking.exists ?? 'new'}
          title={t('editor.saveTemplate.title')}
          label={t('editor.saveTemplate.name')}
          initial={asking.name}
          confirm={asking.exists ? t('editor.saveTemplate.replace') : t('editor.saveTemplate.save')}
          problem={asking.exists ? <p role="alert" className="error">{t('editor.saveTemplate.exists', { name: asking.exists })}</p> : undefined}
          onCancel={() => setAsking(null)}
          onConfirm={(templateName) => void save(templateName, asking.exists !== null && templateName.trim().toLowerCase() === asking.name.trim().toLowerCase())}
        />
      )}
    </div>
  );
});

const DesignName = memo(function DesignName({ editor }: { editor: EditorStore }) {
  const { t } = useTranslation();
  const toast = useApp((s) => s.toast);
  const shown = useDesignName();
  const name = useStore(editor.store, (s) => s.doc?.name ?? '');
  const [renaming, setRenaming] = useState(false);
  return (
    <>
      <button type="button" className="ed-name" title={t('editor.gallery.renameNamed', { name: shown(name) })} onClick={() => setRenaming(true)} translate="no">
        {shown(name)}
      </button>
      {renaming && (
        <NameDialog
          title={t('editor.gallery.renameTitle')}
          label={t('editor.gallery.name')}
          initial={shown(name)}
          confirm={t('editor.gallery.rename')}
          onCancel={() => setRenaming(false)}
          onConfirm={(next) => {
            setRenaming(false);
            // The open document carries the name too: it is saved with the next change as well.
            editor.apply((doc) => ({ ...doc, name: next }));
            void editor.updateDesign({ name: next }).catch((error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }));
          }}
        />
      )}
    </>
  );
});

/** Undo and redo: re-rendered when what can be undone changes, not the whole toolbar. */
const HistoryTools = memo(function HistoryTools({ editor }: { editor: EditorStore }) {
  const { t } = useTranslation();
  const canUndo = useStore(editor.store, (s) => s.canUndo);
  const canRedo = useStore(editor.store, (s) => s.canRedo);
  return (
    <div className="ed-tool-group" role="group" aria-label={t('editor.toolbarGroups.history')}>
      <Tool icon={Undo2} label={t('editor.undo')} shortcut="Mod+Z" disabled={!canUndo} onClick={() => editor.undo()} />
      <Tool icon={Redo2} label={t('editor.redo')} shortcut="Mod+Shift+Z" disabled={!canRedo} onClick={() => editor.redo()} />
    </div>
  );
});

/** Duplicate, delete, group, lock, order, align: they only need to know how many elements are selected. */
const ArrangeTools = memo(function ArrangeTools({ editor, cmd }: { editor: EditorStore; cmd: Commands }) {
  const { t } = useTranslation();
  const count = useStore(editor.store, (s) => Math.min(s.selection.length, 2));
  const none = count === 0;
  return (
    <div className="ed-tool-group" role="group" aria-label={t('editor.toolbarGroups.arrange')}>
      <Tool icon={Copy} label={t('editor.duplicate')} shortcut="Mod+D" disabled={none} onClick={() => cmd.duplicate()} />
      <Tool icon={Trash2} label={t('editor.delete')} shortcut="Delete" disabled={none} onClick={() => cmd.remove()} />
      <Tool icon={Group} label={t('editor.group')} shortcut="Mod+G" disabled={count < 2} onClick={() => cmd.group()} />
      <Tool icon={Ungroup} label={t('editor.ungroup')} shortcut="Mod+Shift+G" disabled={none} onClick={() => cmd.ungroup()} />
      <Tool icon={Lock} label={t('editor.lock')} shortcut="Alt+Shift+L" disabled={none} onClick={() => cmd.toggleLock()} />
      <Tool icon={BringToFront} label={t('editor.front')} shortcut="Mod+Alt+]" disabled={none} onClick={() => cmd.zorder('front')} />
      <Tool icon={SendToBack} label={t('editor.back2')} shortcut="Mod+Alt+[" disabled={none} onClick={() => cmd.zorder('back')} />
      <label className="ed-inline">
        <span>{t('editor.alignLabel')}</span>
        <select value="" disabled={none} onChange={(e) => e.target.value && cmd.align(e.target.value as 'left')}>
          <option value="">—</option>
          {(['left', 'center', 'right', 'top', 'middle', 'bottom'] as const).map((a) => <option key={a} value={a}>{t(`editor.alignTo.${a}`)}</option>)}
        </select>
      </label>
    </div>
  );
});

const ZoomTools = memo(function ZoomTools({ editor }: { editor: EditorStore }) {
  const { t } = useTranslation();
  const zoom = useStore(editor.store, (s) => s.zoom);
  return (
    <div className="ed-tool-group" role="group" aria-label={t('editor.toolbarGroups.zoom')}>
      <Tool icon={ZoomOut} label={t('editor.zoomOut')} shortcut="Mod+-" onClick={() => editor.setZoom(zoom / 1.25)} />
      <button type="button" className="ed-zoom" title={t('editor.zoomActual')} onClick={() => editor.setZoom(1)} aria-label={t('editor.zoomLevel', { zoom: Math.round(zoom * 100) })}>
        {Math.round(zoom * 100)} %
      </button>
      <Tool icon={ZoomIn} label={t('editor.zoomIn')} shortcut="Mod+=" onClick={() => editor.setZoom(zoom * 1.25)} />
      <Tool icon={Maximize} label={t('editor.zoomFit')} shortcut="Mod+0" onClick={() => editor.fit()} />
    </div>
  );
});

/** The toolbar subscribes to nothing itself: each group re-renders for what it shows (an undo redraws two buttons, not twenty). */
export const EditorToolbar = memo(function EditorToolbar({ editor, cmd, onClose, onOpen, onExport, extra }: { editor: EditorStore; cmd: Commands; onClose(): void; onOpen(id: string): void; onExport(): void; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="ed-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <button type="button" onClick={onClose}>
        <ArrowLeft size={18} aria-hidden="true" />
        <span>{t('editor.back')}</span>
      </button>
      <DesignName editor={editor} />
      <HistoryTools editor={editor} />
      <ArrangeTools editor={editor} cmd={cmd} />
      <ZoomTools editor={editor} />
      <DesignActions editor={editor} onOpen={onOpen} onExport={onExport} />
      {extra}
    </div>
  );
});
