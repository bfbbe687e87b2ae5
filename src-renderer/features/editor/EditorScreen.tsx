// The Editor screen: a start view (designs, templates, sizes) and the workspace (toolbar, canvas,
// pages, properties, layers). Autosave writes at most AUTOSAVE_MS after the last change and is
// flushed when the screen closes or the window unloads.
import type Konva from 'konva';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DesignSummary, TemplateSummary } from '../../../src-main/contract/api/designs';
import { SIZE_PRESETS, type DesignDocument } from '../../../src-main/core/design';
import { truncate } from '../../../src-main/core/text/truncate';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { commands, type Commands } from './commands';
import { EditorCanvas, nodeFor, topNode } from './EditorCanvas';
import { createEditorStore, type EditorStore } from './editor-store';
import { ExportDialog } from './ExportDialog';
import { LayersPanel, PagesPanel, PropertiesPanel } from './panels';
import { AtelierError } from '../../../src-main/contract/errors';
import { importImage } from './import-image';
import { loadFonts, registerLocalImage, renderPageInBrowser } from './scene-context';
import './editor.css';
import './fonts.css';

declare global {
  interface Window {
    /** Test and automation hooks (e2e, golden images, benchmarks). */
    atelierEditor?: { editor: EditorStore; cmd: Commands; renderPage: typeof renderPageInBrowser; nodeFor: typeof nodeFor; registerImage: typeof registerLocalImage; open?: (id: string) => Promise<void> };
  }
}

function StartView({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const clientId = useApp((s) => s.clientId);
  const [designs, setDesigns] = useState<DesignSummary[]>([]);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  useEffect(() => {
    void host.invoke('designs.list', { clientId: clientId ?? undefined }).then(setDesigns).catch(() => undefined);
    void host.invoke('designs.templates', {}).then(setTemplates).catch(() => undefined);
  }, [host, clientId]);
  async function create(input: { preset?: string; templateId?: string; name?: string }) {
    try {
      const d = await host.invoke('designs.create', { ...input, clientId: clientId ?? undefined });
      onOpen(d.id);
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }
  return (
    <div className="ed-start">
      <h1>{t('editor.title')}</h1>
      <section aria-labelledby="ed-sizes">
        <h2 id="ed-sizes">{t('editor.start.sizes')}</h2>
        <ul className="ed-tiles">
          {SIZE_PRESETS.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => create({ preset: p.id, name: t('editor.start.untitled') })} data-preset={p.id}>
                <strong>{p.platform}</strong> {t(`polish.presets.${p.id}`, { defaultValue: p.label })}
                <span className="muted"> {p.width}×{p.height}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ed-templates">
        <h2 id="ed-templates">{t('editor.start.templates')}</h2>
        <ul className="ed-tiles">
          {templates.map((tp) => (
            <li key={tp.id}>
              <button type="button" onClick={() => create({ templateId: tp.id, name: tp.source === 'bundled' ? t(`polish.templates.${tp.id}`, { defaultValue: tp.name }) : undefined })} data-template={tp.id}>
                <strong>{tp.source === 'bundled' ? t(`polish.templates.${tp.id}`, { defaultValue: tp.name }) : tp.name}</strong>
                <span className="muted"> {tp.width}×{tp.height} · {t('editor.start.pages', { count: tp.pages })}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ed-recent">
        <h2 id="ed-recent">{t('editor.start.recent')}</h2>
        {designs.length === 0 ? (
          <p className="muted">{t('editor.start.none')}</p>
        ) : (
          <ul className="ed-tiles">
            {designs.map((d) => (
              <li key={d.id}>
                <button type="button" onClick={() => onOpen(d.id)}>
                  <strong translate="no">{d.name}</strong>
                  <span className="muted"> {d.width}×{d.height}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function TextOverlay({ editor, stageRef }: { editor: EditorStore; stageRef: React.RefObject<Konva.Stage | null> }) {
  const { t } = useTranslation();
  const id = useStore(editor.store, (s) => s.editingTextId);
  const el = useStore(editor.store, (s) => (s.editingTextId ? s.index.get(s.editingTextId) : undefined));
  const zoom = useStore(editor.store, (s) => s.zoom);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, [id]);
  if (!id || !el || el.type !== 'text' || !stageRef.current) return null;
  const stage = stageRef.current;
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
        left: stage.x() + el.x * zoom,
        top: stage.y() + el.y * zoom,
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
        transform: `rotate(${el.rotation}deg)`,
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
      const mod = e.metaKey || e.ctrlKey;
      const k = e.key.toLowerCase();
      const step = e.shiftKey ? 10 : 1;
      let handled = true;
      if (mod && k === 'z' && !e.shiftKey) editor.undo();
      else if (mod && ((k === 'z' && e.shiftKey) || k === 'y')) editor.redo();
      else if (mod && k === 'd') cmd.duplicate();
      else if (mod && k === 'c') cmd.copy();
      else if (mod && k === 'v') cmd.paste();
      else if (mod && k === 'a') cmd.selectAll();
      else if (mod && k === 'g' && e.shiftKey) cmd.ungroup();
      else if (mod && k === 'g') cmd.group();
      else if (mod && k === ']') cmd.zorder(e.shiftKey ? 'front' : 'forward');
      else if (mod && k === '[') cmd.zorder(e.shiftKey ? 'back' : 'backward');
      else if (k === 'delete' || k === 'backspace') cmd.remove();
      else if (k === 'arrowleft') cmd.nudge(-step, 0);
      else if (k === 'arrowright') cmd.nudge(step, 0);
      else if (k === 'arrowup') cmd.nudge(0, -step);
      else if (k === 'arrowdown') cmd.nudge(0, step);
      else if (k === 'escape') editor.select([]);
      else if (k === 'enter') {
        const s = editor.store.getState();
        const only = s.selection.length === 1 ? s.index.get(s.selection[0]!) : undefined;
        if (only?.type === 'text') editor.editText(only.id);
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
  const saveError = useStore(editor.store, (s) => s.saveError);
  return saveError ? (
    <p className="error" role="alert">
      {t('editor.save.failed', { reason: saveError })}
    </p>
  ) : null;
}

function Workspace({ editor, cmd, onClose, onOpen }: { editor: EditorStore; cmd: Commands; onClose(): void; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const toast = useApp((s) => s.toast);
  const name = useStore(editor.store, (s) => s.doc?.name ?? '');
  const pageIndex = useStore(editor.store, (s) => s.doc?.pages.findIndex((p) => p.id === s.pageId) ?? 0);
  const zoom = useStore(editor.store, (s) => s.zoom);
  const canUndo = useStore(editor.store, (s) => s.canUndo);
  const canRedo = useStore(editor.store, (s) => s.canRedo);
  const selection = useStore(editor.store, (s) => s.selection);
  const stageRef = useRef<Konva.Stage | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  useShortcuts(editor, cmd);
  const host = useHost();

  async function saveAsTemplate() {
    const id = editor.store.getState().designId;
    if (!id) return;
    try {
      await editor.flush();
      const tpl = await host.invoke('designs.saveAsTemplate', { id });
      toast({ message: t('editor.saveTemplate.done', { name: tpl.name }), tone: 'info' });
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }

  async function addFiles(files: FileList | File[]) {
    for (const f of [...files].filter((x) => x.type.startsWith('image/'))) {
      try {
        const img = await importImage(host, f);
        cmd.addImage(img.assetId, img.width, img.height);
      } catch (error) {
        toast({ message: error instanceof AtelierError ? errorMessage(t, error) : t('editor.image.unreadable', { name: f.name }), tone: 'error' });
      }
    }
  }

  /** One image dropped onto an image element replaces it (crop reset); otherwise files are added. */
  async function dropFiles(e: React.DragEvent) {
    e.preventDefault();
    const files = [...e.dataTransfer.files].filter((f) => f.type.startsWith('image/'));
    const stage = stageRef.current;
    if (files.length === 1 && stage) {
      stage.setPointersPositions(e.nativeEvent);
      const p = stage.getPointerPosition();
      const hit = p ? stage.getIntersection(p) : null;
      const node = hit ? topNode(hit) : null;
      const el = node ? editor.store.getState().index.get(node.getAttr('elementId') as string) : undefined;
      if (el?.type === 'image' && !el.locked) {
        try {
          const img = await importImage(host, files[0]!);
          cmd.update([el.id], { assetId: img.assetId, crop: { x: 0, y: 0, width: 1, height: 1 } });
          editor.select([el.id]);
        } catch (error) {
          toast({ message: error instanceof AtelierError ? errorMessage(t, error) : t('editor.image.unreadable', { name: files[0]!.name }), tone: 'error' });
        }
        return;
      }
    }
    await addFiles(files);
  }

  return (
    <div className="ed-workspace" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void dropFiles(e)}>
      <div className="ed-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
        <button type="button" onClick={onClose}>{t('editor.back')}</button>
        <span className="ed-name" translate="no">{name}</span>
        <span className="ed-sep" />
        <button type="button" onClick={() => cmd.addText(t('editor.newText'))}>{t('editor.add.text')}</button>
        <button type="button" onClick={() => cmd.addShape('rect')}>{t('editor.add.rect')}</button>
        <button type="button" onClick={() => cmd.addShape('ellipse')}>{t('editor.add.ellipse')}</button>
        <button type="button" onClick={() => cmd.addShape('star')}>{t('editor.add.star')}</button>
        <button type="button" onClick={() => cmd.addShape('polygon')}>{t('editor.add.polygon')}</button>
        <button type="button" onClick={() => cmd.addLine('line')}>{t('editor.add.line')}</button>
        <button type="button" onClick={() => cmd.addLine('arrow')}>{t('editor.add.arrow')}</button>
        <button type="button" onClick={() => fileRef.current?.click()}>{t('editor.add.image')}</button>
        <input ref={fileRef} type="file" accept="image/*" multiple hidden aria-label={t('editor.add.image')} onChange={(e) => e.target.files && void addFiles(e.target.files)} />
        <span className="ed-sep" />
        <button type="button" disabled={!canUndo} onClick={() => editor.undo()}>{t('editor.undo')}</button>
        <button type="button" disabled={!canRedo} onClick={() => editor.redo()}>{t('editor.redo')}</button>
        <span className="ed-sep" />
        <button type="button" disabled={selection.length === 0} onClick={() => cmd.duplicate()}>{t('editor.duplicate')}</button>
        <button type="button" disabled={selection.length === 0} onClick={() => cmd.remove()}>{t('editor.delete')}</button>
        <button type="button" disabled={selection.length < 2} onClick={() => cmd.group()}>{t('editor.group')}</button>
        <button type="button" disabled={selection.length === 0} onClick={() => cmd.ungroup()}>{t('editor.ungroup')}</button>
        <button type="button" disabled={selection.length === 0} onClick={() => cmd.zorder('front')}>{t('editor.front')}</button>
        <button type="button" disabled={selection.length === 0} onClick={() => cmd.zorder('back')}>{t('editor.back2')}</button>
        <label className="ed-inline">
          <span>{t('editor.alignLabel')}</span>
          <select value="" disabled={selection.length === 0} onChange={(e) => e.target.value && cmd.align(e.target.value as 'left')}>
            <option value="">—</option>
            {(['left', 'center', 'right', 'top', 'middle', 'bottom'] as const).map((a) => <option key={a} value={a}>{t(`editor.alignTo.${a}`)}</option>)}
          </select>
        </label>
        <span className="ed-sep" />
        <button type="button" aria-label={t('editor.zoomOut')} onClick={() => editor.setZoom(zoom / 1.25)}>−</button>
        <span className="ed-zoom" aria-live="polite">{Math.round(zoom * 100)} %</span>
        <button type="button" aria-label={t('editor.zoomIn')} onClick={() => editor.setZoom(zoom * 1.25)}>+</button>
        <button type="button" onClick={() => editor.setZoom(1)}>100 %</button>
        <span className="ed-sep" />
        <ResizeControl editor={editor} onOpen={onOpen} />
        <button type="button" onClick={() => void saveAsTemplate()}>{t('editor.saveTemplate.button')}</button>
        <SaveStatus editor={editor} />
        <button type="button" className="primary" onClick={() => setExporting(true)}>{t('editor.export.open')}</button>
      </div>
      <SaveError editor={editor} />
      <div className="ed-body">
        <div className="ed-stage-col">
          <EditorCanvas editor={editor} stageRef={stageRef} label={t('editor.canvasLabel', { name, page: pageIndex + 1 })} />
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
  );
}

export function EditorScreen() {
  const { t } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const editor = useMemo(() => createEditorStore(host), [host]);
  const cmd = useMemo(() => commandsFor(editor), [editor]);
  const doc = useStore(editor.store, (s) => s.doc);
  const [ready, setReady] = useState(false);
  const openRef = useRef<(id: string) => Promise<void>>(async () => undefined);

  useEffect(() => {
    window.atelierEditor = { editor, cmd, renderPage: renderPageInBrowser, nodeFor, registerImage: registerLocalImage, open: (id) => openRef.current(id) };
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
      if (d) await loadFonts(d);
      setReady(true);
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }

  openRef.current = open;
  // A design picked in the command palette.
  const pending = useApp((s) => (s.pending?.kind === 'design' ? s.pending.id : null));
  useEffect(() => {
    if (pending && useApp.getState().takePending('design')) void openRef.current(pending);
  }, [pending]);

  if (!doc) return <StartView onOpen={(id) => void open(id)} />;
  if (!ready) return <p role="status">{t('editor.loading')}</p>;
  return <Workspace editor={editor} cmd={cmd} onClose={() => void editor.close()} onOpen={(id) => void open(id)} />;
}
