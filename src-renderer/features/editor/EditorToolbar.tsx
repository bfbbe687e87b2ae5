// The editor's toolbar: back to the designs, the design's name, undo/redo, arrange, zoom, and what
// can be done with the whole design (resize, save as template, schedule, export). Each group
// subscribes to what it shows, so an edit re-renders a button or two, not the toolbar.
// It stays on one row: on a narrow window (1024 px, or French words) it gives up, in order, the words
// beside secondary icons, then (into a "More tools" menu) resize and save as template, the arrange
// extras and scheduling, then the back button's word; only then does it wrap onto a second row.
import { ArrowLeft, BringToFront, CalendarPlus, Cloud, CloudAlert, CloudCheck, CloudUpload, Copy, Download, Ellipsis, Group, LayoutTemplate, Lock, Maximize, Redo2, SendToBack, Trash2, Undo2, Ungroup, ZoomIn, ZoomOut, type LucideIcon } from 'lucide-react';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
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
import type { EditorStore, SaveState } from './editor-store';
import { useFitLevel } from './fit-level';

/** What the toolbar gives up, level by level (see useFitLevel). */
const FIT = { words: 1, designInMenu: 2, arrangeInMenu: 3, scheduleInMenu: 4, tight: 5, wrap: 6 } as const;

/** Where a control is drawn: in the toolbar's row (words beside icons unless `compact`), or in the "More tools" menu. */
type Place = 'row' | 'compact' | 'menu';

function ResizeControl({ editor, onOpen, place }: { editor: EditorStore; onOpen(id: string): void; place: Place }) {
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
  // Compact, the label is read (not shown) and the list's empty choice names it instead.
  return (
    <label className="ed-inline">
      <span className={place === 'compact' ? 'visually-hidden' : undefined}>{t('editor.resize.label')}</span>
      <select value="" onChange={(e) => void resize(e.target.value)}>
        <option value="">{place === 'compact' ? t('editor.resize.label') : '—'}</option>
        {SIZE_PRESETS.filter((p) => p.id !== preset).map((p) => (
          <option key={p.id} value={p.id}>{p.platform} {t(`polish.presets.${p.id}`, { defaultValue: p.label })}</option>
        ))}
      </select>
    </label>
  );
}

const SAVE_ICONS: Record<SaveState, LucideIcon> = { saved: CloudCheck, pending: Cloud, saving: CloudUpload, error: CloudAlert };
const SAVE_STATES = Object.keys(SAVE_ICONS) as SaveState[];

/**
 * Whether the design is saved, beside its name: an icon and its words, or (compact) the icon alone
 * with the words as tooltip and for screen readers. With words, the slot is as wide as the longest
 * state, so the toolbar does not shift (or fold) when "Saved" becomes "Unsaved changes".
 */
const SaveStatus = memo(function SaveStatus({ editor, compact }: { editor: EditorStore; compact: boolean }) {
  const { t } = useTranslation();
  const save = useStore(editor.store, (s) => s.save);
  const Icon = SAVE_ICONS[save];
  const words = t(`editor.save.${save}`);
  return (
    <span className="ed-save-slot">
      <span className={`ed-save ${save}`} role="status" title={compact ? words : undefined}>
        <Icon size={16} aria-hidden="true" />
        <span className={compact ? 'visually-hidden' : undefined}>{words}</span>
      </span>
      {!compact &&
        SAVE_STATES.filter((other) => other !== save).map((other) => {
          const Other = SAVE_ICONS[other];
          return (
            <span key={other} className="ed-save ed-save-ghost" aria-hidden="true">
              <Other size={16} />
              <span>{t(`editor.save.${other}`)}</span>
            </span>
          );
        })}
    </span>
  );
});

/** A toolbar button: an icon with its name as tooltip and accessible name (the name shows too when `text`). */
function Tool({ icon: Icon, label, onClick, disabled, text, pressed, shortcut }: { icon: LucideIcon; label: string; onClick(): void; disabled?: boolean; text?: boolean; pressed?: boolean; shortcut?: string }) {
  const { t } = useTranslation();
  // The shortcut as the platform and language write it (Ctrl+Maj+Z in French), and as ARIA spells it.
  // Worked out once per shortcut and language: Undo and Redo re-render on every edit.
  const keys = useMemo(() => (shortcut ? comboKeys(shortcut, isMac(), (k) => t(`polish.keys.${k}`)).join('+') : ''), [shortcut, t]);
  const aria = shortcut?.replace('Mod', isMac() ? 'Meta' : 'Control');
  return (
    <button type="button" onClick={onClick} disabled={disabled} aria-label={text ? undefined : label} title={shortcut ? `${label} (${keys})` : label} aria-pressed={pressed} aria-keyshortcuts={aria}>
      <Icon size={18} aria-hidden="true" />
      {text && <span>{label}</span>}
    </button>
  );
}

/** "Save as template": the button can move into the menu, so its name dialog lives in the toolbar itself. */
function useTemplateSaver(editor: EditorStore): { ask(): void; dialog: ReactNode } {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
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
  const ask = useCallback(() => setAsking({ name: editor.store.getState().doc?.name ?? '', exists: null }), [editor]);
  const dialog = asking && (
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
  );
  return { ask, dialog };
}

/** Resize and save as template: what is done to the whole design, in the toolbar's row or in its menu. */
const DesignExtras = memo(function DesignExtras({ editor, onOpen, onSaveTemplate, place }: { editor: EditorStore; onOpen(id: string): void; onSaveTemplate(): void; place: Place }) {
  const { t } = useTranslation();
  return (
    <>
      <ResizeControl editor={editor} onOpen={onOpen} place={place} />
      <Tool icon={LayoutTemplate} label={t('editor.saveTemplate.button')} text={place === 'menu'} onClick={onSaveTemplate} />
    </>
  );
});

/**
 * "Schedule this design": saved first, so the composer (and the post) see what is on the canvas.
 * Features that act on a design add their button beside it.
 */
const ScheduleButton = memo(function ScheduleButton({ editor, place }: { editor: EditorStore; place: Place }) {
  const { t } = useTranslation();
  const toast = useApp((s) => s.toast);
  const openComposer = useApp((s) => s.openComposer);
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
  return <Tool icon={CalendarPlus} label={t('editor.schedule')} text={place !== 'compact'} onClick={() => void schedule()} />;
});

/**
 * "More tools": what the row has no room for, in a panel under an ellipsis button. A disclosure, not
 * an ARIA menu (it holds lists as well as buttons): Tab walks it, Escape or a click outside closes it,
 * and using one of its tools closes it and gives the focus back to the button.
 */
function MoreTools({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('button:not(:disabled), select:not(:disabled)')?.focus();
    const away = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  const label = t('editor.moreTools');
  return (
    <div className="ed-more">
      <button
        ref={button}
        type="button"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        <Ellipsis size={18} aria-hidden="true" />
      </button>
      {open && (
        <div
          ref={panel}
          id={id}
          className="ed-more-panel"
          role="group"
          aria-label={label}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
          onClick={(e) => {
            const used = (e.target as HTMLElement).closest('button');
            if (used && !used.disabled) close();
          }}
          onChange={close}
        >
          {children}
        </div>
      )}
    </div>
  );
}

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

/** Duplicate and delete, always in the row, and the other arrange tools unless the menu has them. */
const ArrangeTools = memo(function ArrangeTools({ editor, cmd, extras }: { editor: EditorStore; cmd: Commands; extras: Place }) {
  const { t } = useTranslation();
  const none = useStore(editor.store, (s) => s.selection.length === 0);
  return (
    <div className="ed-tool-group" role="group" aria-label={t('editor.toolbarGroups.arrange')}>
      <Tool icon={Copy} label={t('editor.duplicate')} shortcut="Mod+D" disabled={none} onClick={() => cmd.duplicate()} />
      <Tool icon={Trash2} label={t('editor.delete')} shortcut="Delete" disabled={none} onClick={() => cmd.remove()} />
      {extras !== 'menu' && <ArrangeExtras editor={editor} cmd={cmd} place={extras} />}
    </div>
  );
});

/** Group, lock, order, align: they only need to know how many elements are selected. */
const ArrangeExtras = memo(function ArrangeExtras({ editor, cmd, place }: { editor: EditorStore; cmd: Commands; place: Place }) {
  const { t } = useTranslation();
  const count = useStore(editor.store, (s) => Math.min(s.selection.length, 2));
  const none = count === 0;
  const text = place === 'menu';
  return (
    <>
      <Tool icon={Group} label={t('editor.group')} shortcut="Mod+G" text={text} disabled={count < 2} onClick={() => cmd.group()} />
      <Tool icon={Ungroup} label={t('editor.ungroup')} shortcut="Mod+Shift+G" text={text} disabled={none} onClick={() => cmd.ungroup()} />
      <Tool icon={Lock} label={t('editor.lock')} shortcut="Alt+Shift+L" text={text} disabled={none} onClick={() => cmd.toggleLock()} />
      <Tool icon={BringToFront} label={t('editor.front')} shortcut="Mod+Alt+]" text={text} disabled={none} onClick={() => cmd.zorder('front')} />
      <Tool icon={SendToBack} label={t('editor.back2')} shortcut="Mod+Alt+[" text={text} disabled={none} onClick={() => cmd.zorder('back')} />
      <label className="ed-inline">
        <span className={place === 'compact' ? 'visually-hidden' : undefined}>{t('editor.alignLabel')}</span>
        <select value="" disabled={none} onChange={(e) => e.target.value && cmd.align(e.target.value as 'left')}>
          <option value="">{place === 'compact' ? t('editor.alignLabel') : '—'}</option>
          {(['left', 'center', 'right', 'top', 'middle', 'bottom'] as const).map((a) => <option key={a} value={a}>{t(`editor.alignTo.${a}`)}</option>)}
        </select>
      </label>
    </>
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
  const { t, i18n } = useTranslation();
  const row = useRef<HTMLDivElement>(null);
  const level = useFitLevel(row, FIT.wrap, [i18n.language]);
  const compact = level >= FIT.words;
  const placeAt = (menu: number): Place => (level >= menu ? 'menu' : compact ? 'compact' : 'row');
  const design = placeAt(FIT.designInMenu);
  const arrange = placeAt(FIT.arrangeInMenu);
  const schedule = placeAt(FIT.scheduleInMenu);
  const tight = level >= FIT.tight;
  const template = useTemplateSaver(editor);
  return (
    <div ref={row} className="ed-toolbar" role="toolbar" aria-label={t('editor.toolbar')} data-fit={level}>
      <button type="button" onClick={onClose} aria-label={tight ? t('editor.back') : undefined} title={tight ? t('editor.back') : undefined}>
        <ArrowLeft size={18} aria-hidden="true" />
        {!tight && <span>{t('editor.back')}</span>}
      </button>
      <DesignName editor={editor} />
      <SaveStatus editor={editor} compact={compact} />
      <HistoryTools editor={editor} />
      <ArrangeTools editor={editor} cmd={cmd} extras={arrange} />
      <ZoomTools editor={editor} />
      <div className="ed-tool-group ed-design-tools" role="group" aria-label={t('editor.toolbarGroups.design')}>
        {design !== 'menu' && <DesignExtras editor={editor} onOpen={onOpen} onSaveTemplate={template.ask} place={design} />}
        {schedule !== 'menu' && <ScheduleButton editor={editor} place={schedule} />}
        <button type="button" className="primary" onClick={onExport}>
          <Download size={18} aria-hidden="true" />
          <span>{t('editor.export.open')}</span>
        </button>
        {design === 'menu' && (
          <MoreTools>
            {arrange === 'menu' && (
              <div role="group" aria-label={t('editor.toolbarGroups.arrange')}>
                <ArrangeExtras editor={editor} cmd={cmd} place="menu" />
              </div>
            )}
            <div role="group" aria-label={t('editor.toolbarGroups.design')}>
              <DesignExtras editor={editor} onOpen={onOpen} onSaveTemplate={template.ask} place="menu" />
              {schedule === 'menu' && <ScheduleButton editor={editor} place="menu" />}
            </div>
          </MoreTools>
        )}
      </div>
      {extra}
      {template.dialog}
    </div>
  );
});
