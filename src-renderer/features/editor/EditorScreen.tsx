// The Editor screen: a start view (designs, templates, sizes) and the workspace (toolbar, canvas,
// pages, properties, layers). Autosave writes at most AUTOSAVE_MS after the last change and is
// flushed when the screen closes or the window unloads.
import type Konva from 'konva';
import { ArrowLeft, BringToFront, CalendarPlus, Copy, Download, Group, LayoutTemplate, Lock, Maximize, Redo2, SendToBack, Trash2, Undo2, Ungroup, ZoomIn, ZoomOut, type LucideIcon } from 'lucide-react';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { SIZE_PRESETS, type DesignDocument } from '../../../src-main/core/design';
import { truncate } from '../../../src-main/core/text/truncate';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { comboKeys, isMac } from '../../app/shortcuts';
import { useApp } from '../../app/store';
import { BrandContext, useBrandData } from './brand';
import { commands, type Commands } from './commands';
import { cropSession } from './CropOverlay';
import { DesignsGallery, NameDialog, useDesignName } from './DesignsGallery';
import { EditorCanvas, nodeFor, topNode } from './EditorCanvas';
import { createEditorStore, type EditorStore } from './editor-store';
import { ExportDialog } from './ExportDialog';
import { ICONS } from './icons';
import { LayersPanel, PagesPanel, PropertiesPanel } from './panels';
import { AtelierError } from '../../../src-main/contract/errors';
import { importImage } from './import-image';
import { loadFonts, registerLocalImage, renderPageInBrowser } from './scene-context';
import { DRAG_TYPE, SidePanel, type PanelDrop, type SideTab } from './SidePanel';
import './editor.css';
import './fonts.css';

declare global {
  interface Window {
    /** Set before the page loads by test and benchmark harnesses (tests/e2e/harness.ts); never by the app. */
    atelierTestHooks?: boolean;
    /** Test and automation hooks (e2e, golden images, benchmarks): only when `atelierTestHooks` asked for them. */
    atelierEditor?: { editor: EditorStore; cmd: Commands; renderPage: typeof renderPageInBrowser; nodeFor: typeof nodeFor; registerImage: typeof registerLocalImage; open?: (id: string) => Promise<void> };
  }
}

function TextOverlay({ editor, stageRef }: { editor: EditorStore; stageRef: React.RefObject<Konva.Stage | null> }) {
  const { t } = useTranslation();
  const id = useStore(editor.store, (s) => s.editingTextId);
  // A group's child too: the overlay sits where the node is drawn (group offset and rotation included).
  const el = useStore(editor.store, (s) => (s.editingTextId ? (s.index.get(s.editingTextId) ?? editor.element(s.editingTextId)) : undefined));
  const zoom = useStore(editor.store, (s) => s.zoom);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, [id]);
  if (!id || !el || el.type !== 'text' || !stageRef.current) return null;
  const node = nodeFor(id);
  const at = node ? node.getAbsoluteTransform().decompose() : { x: stageRef.current.x() + el.x * zoom, y: stageRef.current.y() + el.y * zoom, rotation: el.rotation };
  const finish = () => {
    editor.seal();
    editor.editText(null);
  };
  return (
    <textarea
      ref={ref}
      className="ed-text-overlay"
      aria-label={t('editor.props.text')}
      value={el.text}
      style={{
        left: at.x,
        top: at.y,
        width: el.width * zoom,
        height: el.height * zoom,
        fontFamily: `"${el.fontFamily}"`,
        fontSize: el.fontSize * zoom,
        fontWeight: el.fontWeight,
        fontStyle: el.fontStyle,
        lineHeight: el.lineHeight,
        letterSpacing: el.letterSpacing * zoom,
        textAlign: el.align === 'justify' ? 'justify' : el.align,
        color: typeof el.fill === 'string' ? el.fill : '#000',
        transform: `rotate(${at.rotation}deg)`,
      }}
      onChange={(e) => commandsFor(editor).update([el.id], { text: e.target.value }, `text:${el.id}`)}
      onBlur={finish}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.metaKey || e.ctrlKey))) {
          e.preventDefault();
          finish();
        }
        e.stopPropagation();
      }}
    />
  );
}

const cmdCache = new WeakMap<EditorStore, Commands>();
function commandsFor(editor: EditorStore): Commands {
  let c = cmdCache.get(editor);
  if (!c) cmdCache.set(editor, (c = commands(editor)));
  return c;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
}

function useShortcuts(editor: EditorStore, cmd: Commands) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || !editor.store.getState().doc) return;
      const s = editor.store.getState();
      const mod = e.metaKey || e.ctrlKey;
      const k = e.key.toLowerCase();
      const step = e.shiftKey ? 10 : 1;
      let handled = true;
      // Crop mode owns Enter and Escape.
      if (s.croppingId && (k === 'enter' || k === 'escape')) {
        if (k === 'enter') cropSession.apply?.();
        else cropSession.cancel?.();
        e.preventDefault();
        return;
      }
      const plain = !mod && !e.altKey && !e.shiftKey;
      if (mod && k === 'z' && !e.shiftKey) editor.undo();
      else if (mod && ((k === 'z' && e.shiftKey) || k === 'y')) editor.redo();
      else if (mod && k === 'd') cmd.duplicate();
      else if (mod && k === 'c') cmd.copy();
      else if (mod && k === 'v') cmd.paste();
      else if (mod && k === 'a') cmd.selectAll();
      else if (mod && k === 'g' && e.shiftKey) cmd.ungroup();
      else if (mod && k === 'g') cmd.group();
      // Canva: Ctrl+Alt+] / [ to the very front / back; Ctrl+] / [ one step (Shift too, as before).
      else if (mod && e.code === 'BracketRight') cmd.zorder(e.altKey || e.shiftKey ? 'front' : 'forward');
      else if (mod && e.code === 'BracketLeft') cmd.zorder(e.altKey || e.shiftKey ? 'back' : 'backward');
      else if (mod && (e.code === 'Digit0' || e.code === 'Numpad0')) editor.fit();
      else if (!mod && e.shiftKey && !e.altKey && e.code === 'Digit1') editor.fit();
      else if (mod && (k === '=' || k === '+' || e.code === 'NumpadAdd')) editor.setZoom(s.zoom * 1.25);
      else if (mod && (k === '-' || e.code === 'NumpadSubtract')) editor.setZoom(s.zoom / 1.25);
      else if (e.altKey && e.shiftKey && !mod && e.code === 'KeyL') cmd.toggleLock();
      else if (plain && k === 't') cmd.addText(t('editor.newText'));
      else if (plain && k === 'r') cmd.addShape('rect');
      else if (plain && k === 'c') cmd.addShape('ellipse');
      else if (plain && k === 'l') cmd.addLine('line');
      else if (k === 'delete' || k === 'backspace') cmd.remove();
      else if (k === 'arrowleft') cmd.nudge(-step, 0);
      else if (k === 'arrowright') cmd.nudge(step, 0);
      else if (k === 'arrowup') cmd.nudge(0, -step);
      else if (k === 'arrowdown') cmd.nudge(0, step);
      else if (k === 'escape') {
        if (s.groupId) editor.enterGroup(null);
        else editor.select([]);
      } else if (k === 'enter') {
        const only = s.selection.length === 1 ? editor.element(s.selection[0]!) : undefined;
        if (only?.type === 'text') editor.editText(only.id);
        else if (only?.type === 'image' && s.index.has(only.id)) editor.crop(only.id);
        else if (only?.type === 'group') editor.enterGroup(only.id, only.elements[0] ? [only.elements[0].id] : []);
        else handled = false;
      } else handled = false;
      if (handled) e.preventDefault();
    };
    // Images pasted from the OS become image elements.
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !editor.store.getState().doc) return;
      const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
      if (!file) return;
      e.preventDefault();
      void importImage(host, file).then(
        (img) => cmd.addImage(img.assetId, img.width, img.height),
        (error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }),
      );
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('paste', onPaste);
    };
  }, [editor, cmd, host, t, toast]);
}

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

function SaveError({ editor }: { editor: EditorStore }) {
  const { t } = useTranslation();
  const saveProblem = useStore(editor.store, (s) => s.saveProblem);
  const conflict = useStore(editor.store, (s) => s.saveConflict);
  const toast = useApp((s) => s.toast);
  if (!saveProblem) return null;
  // Another window saved this design: saving here would overwrite it, so the user reloads instead.
  if (conflict) {
    return (
      <p className="error" role="alert">
        {errorMessage(t, saveProblem)}{' '}
        <button type="button" className="button" onClick={() => void editor.reload().catch((error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }))}>
          {t('editor.save.reload')}
        </button>
      </p>
    );
  }
  return (
    <p className="error" role="alert">
      {t('editor.save.failed', { reason: errorMessage(t, saveProblem) })}
    </p>
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
const EditorToolbar = memo(function EditorToolbar({ editor, cmd, onClose, onOpen, onExport, extra }: { editor: EditorStore; cmd: Commands; onClose(): void; onOpen(id: string): void; onExport(): void; extra?: ReactNode }) {
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

/** Where on the page (design pixels) a DOM drop lands, or null outside the canvas. */
function dropPoint(stage: Konva.Stage | null, e: React.DragEvent): { x: number; y: number; hit: Konva.Node | null } | null {
  if (!stage) return null;
  stage.setPointersPositions(e.nativeEvent);
  const p = stage.getPointerPosition();
  if (!p || p.x < 0 || p.y < 0 || p.x > stage.width() || p.y > stage.height()) return null;
  const hit = stage.getIntersection(p);
  return { x: (p.x - stage.x()) / stage.scaleX(), y: (p.y - stage.y()) / stage.scaleY(), hit: hit ? topNode(hit) : null };
}

const Workspace = memo(function Workspace({ editor, cmd, onClose, onOpen }: { editor: EditorStore; cmd: Commands; onClose(): void; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const toast = useApp((s) => s.toast);
  const name = useStore(editor.store, (s) => s.doc?.name ?? '');
  const pageIndex = useStore(editor.store, (s) => s.doc?.pages.findIndex((p) => p.id === s.pageId) ?? 0);
  const clientId = useStore(editor.store, (s) => s.clientId);
  const stageRef = useRef<Konva.Stage | null>(null);
  const [exporting, setExporting] = useState(false);
  const openExport = useCallback(() => setExporting(true), []);
  // The panel starts open where there is room for it beside the canvas.
  const [tab, setTab] = useState<SideTab | null>(() => (typeof window !== 'undefined' && window.innerWidth >= 1200 ? 'elements' : null));
  useShortcuts(editor, cmd);
  const host = useHost();
  const brand = useBrandData(host, clientId);
  const shownName = useDesignName();

  async function addFiles(files: FileList | File[], at?: { x: number; y: number }) {
    for (const f of [...files].filter((x) => x.type.startsWith('image/'))) {
      try {
        const img = await importImage(host, f);
        cmd.addImage(img.assetId, img.width, img.height, { at });
      } catch (error) {
        toast({ message: error instanceof AtelierError ? errorMessage(t, error) : t('editor.image.unreadable', { name: f.name }), tone: 'error' });
      }
    }
  }

  /** Drops: what the side panel drags (added where it lands), and image files from the OS. A photo dropped on a photo replaces it. */
  async function drop(e: React.DragEvent) {
    e.preventDefault();
    const at = dropPoint(stageRef.current, e);
    const target = at?.hit ? editor.store.getState().index.get(at.hit.getAttr('elementId') as string) : undefined;
    const onImage = target?.type === 'image' && !target.locked ? target : undefined;
    const raw = e.dataTransfer.getData(DRAG_TYPE);
    if (raw) {
      let payload: PanelDrop;
      try {
        payload = JSON.parse(raw) as PanelDrop;
      } catch {
        return;
      }
      const point = at ? { x: at.x, y: at.y } : undefined;
      if (payload.kind === 'image') {
        if (onImage) cmd.replaceImage(onImage.id, payload.assetId, { width: payload.width, height: payload.height });
        else cmd.addImage(payload.assetId, payload.width, payload.height, { at: point, name: payload.name });
      } else if (payload.kind === 'text') cmd.addText(t(`editor.text.${payload.preset}Sample`), { preset: payload.preset, fontFamily: payload.preset === 'body' ? (brand.kit?.bodyFont?.family ?? undefined) : (brand.kit?.headingFont?.family ?? undefined), at: point });
      else if (payload.kind === 'shape') cmd.addShape(payload.shape, point);
      else if (payload.kind === 'line') cmd.addLine(payload.line === 'dashed' ? 'line' : payload.line, { at: point, dashed: payload.line === 'dashed' });
      else if (payload.kind === 'icon') {
        const icon = ICONS.find((i) => i.key === payload.key);
        if (icon) cmd.addIcon({ name: t(`editor.icons.${icon.key}`), data: icon.data }, point);
      }
      return;
    }
    const files = [...e.dataTransfer.files].filter((f) => f.type.startsWith('image/'));
    if (files.length === 1 && onImage) {
      try {
        const img = await importImage(host, files[0]!);
        cmd.replaceImage(onImage.id, img.assetId, { width: img.width, height: img.height });
      } catch (error) {
        toast({ message: error instanceof AtelierError ? errorMessage(t, error) : t('editor.image.unreadable', { name: files[0]!.name }), tone: 'error' });
      }
      return;
    }
    await addFiles(files, at ? { x: at.x, y: at.y } : undefined);
  }

  return (
    <BrandContext.Provider value={brand}>
      <div className="ed-workspace" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void drop(e)}>
        <EditorToolbar editor={editor} cmd={cmd} onClose={onClose} onOpen={onOpen} onExport={openExport} />
        <SaveError editor={editor} />
        <div className={`ed-body${tab ? ' with-drawer' : ''}`}>
          <SidePanel editor={editor} cmd={cmd} tab={tab} onTab={setTab} />
          <div className="ed-stage-col">
            <EditorCanvas editor={editor} cmd={cmd} stageRef={stageRef} label={t('editor.canvasLabel', { name: shownName(name), page: pageIndex + 1 })} />
            <TextOverlay editor={editor} stageRef={stageRef} />
            <PagesPanel editor={editor} cmd={cmd} />
          </div>
          <aside className="ed-side">
            <PropertiesPanel editor={editor} cmd={cmd} />
            <LayersPanel editor={editor} />
          </aside>
        </div>
        {exporting && (
          <ExportDialog
            doc={editor.store.getState().doc as DesignDocument}
            pageIndex={pageIndex}
            onClose={() => setExporting(false)}
            onDone={(names) => {
              setExporting(false);
              toast({ message: t('editor.export.done', { count: names.length, names: names.join(', ') }), tone: 'info' });
            }}
          />
        )}
      </div>
    </BrandContext.Provider>
  );
});

export function EditorScreen() {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const editor = useMemo(() => createEditorStore(host), [host]);
  const cmd = useMemo(() => commandsFor(editor), [editor]);
  // Whether a design is open, not the document: an edit must not re-render the whole workspace.
  const hasDoc = useStore(editor.store, (s) => s.doc !== null);
  const [ready, setReady] = useState(false);
  const openRef = useRef<(id: string) => Promise<void>>(async () => undefined);

  useEffect(() => {
    if (window.atelierTestHooks === true) {
      window.atelierEditor = { editor, cmd, renderPage: renderPageInBrowser, nodeFor, registerImage: registerLocalImage, open: (id) => openRef.current(id) };
    }
    const onUnload = (e: BeforeUnloadEvent) => {
      if (editor.hasUnsaved()) {
        void editor.flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      void editor.flush();
    };
  }, [editor, cmd]);

  async function open(id: string) {
    setReady(false);
    try {
      await editor.open(id);
      const d = editor.store.getState().doc;
      const unloaded = d ? await loadFonts(d) : [];
      if (unloaded.length > 0) toast({ tone: 'error', message: t('editor.fontsNotLoaded', { fonts: unloaded.join(', ') }) });
      setReady(true);
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }

  openRef.current = open;
  const close = useCallback(() => void editor.close(), [editor]);
  const openDesign = useCallback((id: string) => void openRef.current(id), []);
  // A design picked in the command palette.
  const pending = useApp((s) => (s.pending?.kind === 'design' ? s.pending.id : null));
  useEffect(() => {
    if (pending && useApp.getState().takePending('design')) void openRef.current(pending);
  }, [pending]);

  if (!hasDoc) return <DesignsGallery onOpen={(id) => void open(id)} />;
  if (!ready) return <p role="status">{t('editor.loading')}</p>;
  return <Workspace editor={editor} cmd={cmd} onClose={close} onOpen={openDesign} />;
}
