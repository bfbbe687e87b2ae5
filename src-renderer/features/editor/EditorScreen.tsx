// The Editor screen: a start view (designs, templates, sizes) and the workspace (toolbar, canvas,
// pages, properties, layers). Autosave writes at most AUTOSAVE_MS after the last change and is
// flushed when the screen closes or the window unloads.
import type Konva from 'konva';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DesignSummary, TemplateSummary } from '../../../src-main/contract/api/designs';
import { SIZE_PRESETS, type DesignDocument } from '../../../src-main/core/design';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { commands, type Commands } from './commands';
import { EditorCanvas, nodeFor } from './EditorCanvas';
import { createEditorStore, type EditorStore } from './editor-store';
import { ExportDialog } from './ExportDialog';
import { LayersPanel, PagesPanel, PropertiesPanel } from './panels';
import { loadFonts, registerLocalImage, renderPageInBrowser } from './scene-context';
import './editor.css';
import './fonts.css';

declare global {
  interface Window {
    /** Test and automation hooks (e2e, golden images, benchmarks). */
    atelierEditor?: { editor: EditorStore; cmd: Commands; renderPage: typeof renderPageInBrowser; nodeFor: typeof nodeFor; registerImage: typeof registerLocalImage };
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
  async function create(input: { preset?: string; templateId?: string }) {
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
              <button type="button" onClick={() => create({ preset: p.id })} data-preset={p.id}>
                <strong>{p.platform}</strong> {p.label}
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
              <button type="button" onClick={() => create({ templateId: tp.id })} data-template={tp.id}>
                <strong>{tp.name}</strong>
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
                  <strong>{d.name}</strong>
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
      void registerLocalImage(file).then((img) => cmd.addImage(img.assetId, img.width, img.height));
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('paste', onPaste);
    };
  }, [editor, cmd]);
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
      const [copy] = await host.invoke('designs.resize', { id, presets: [to] });
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
          <option key={p.id} value={p.id}>{p.platform} {p.label}</option>
        ))}
      </select>
    </label>
  );
}

function Workspace({ editor, cmd, onClose, onOpen }: { editor: EditorStore; cmd: Commands; onClose(): void; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const toast = useApp((s) => s.toast);
  const doc = useStore(editor.store, (s) => s.doc) as DesignDocument;
  const pageId = useStore(editor.store, (s) => s.pageId);
  const zoom = useStore(editor.store, (s) => s.zoom);
  const save = useStore(editor.store, (s) => s.save);
  const saveError = useStore(editor.store, (s) => s.saveError);
  const canUndo = useStore(editor.store, (s) => s.canUndo);
  const canRedo = useStore(editor.store, (s) => s.canRedo);
  const selection = useStore(editor.store, (s) => s.selection);
  const stageRef = useRef<Konva.Stage | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  useShortcuts(editor, cmd);
  const pageIndex = doc.pages.findIndex((p) => p.id === pageId);

  async function addFiles(files: FileList | File[]) {
    for (const f of [...files].filter((x) => x.type.startsWith('image/'))) {
      try {
        const img = await registerLocalImage(f);
        cmd.addImage(img.assetId, img.width, img.height);
      } catch {
        toast({ message: t('editor.image.unreadable', { name: f.name }), tone: 'error' });
      }
    }
  }

  return (
    <div className="ed-workspace" onDragOver={(e) => e.preventDefault()} onDrop={(e) => { e.preventDefault(); void addFiles(e.dataTransfer.files); }}>
      <div className="ed-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
        <button type="button" onClick={onClose}>{t('editor.back')}</button>
        <span className="ed-name">{doc.name}</span>
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
        <span className={`ed-save ${save}`} role="status">{t(`editor.save.${save}`)}</span>
        <button type="button" className="primary" onClick={() => setExporting(true)}>{t('editor.export.open')}</button>
      </div>
      {saveError && <p className="error" role="alert">{t('editor.save.failed', { reason: saveError })}</p>}
      <div className="ed-body">
        <div className="ed-stage-col">
          <EditorCanvas editor={editor} stageRef={stageRef} label={t('editor.canvasLabel', { name: doc.name, page: pageIndex + 1 })} />
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
          doc={doc}
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

  useEffect(() => {
    window.atelierEditor = { editor, cmd, renderPage: renderPageInBrowser, nodeFor, registerImage: registerLocalImage };
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

  if (!doc) return <StartView onOpen={(id) => void open(id)} />;
  if (!ready) return <p role="status">{t('editor.loading')}</p>;
  return <Workspace editor={editor} cmd={cmd} onClose={() => void editor.close()} onOpen={(id) => void open(id)} />;
}
