// The Editor screen: a start view (designs, templates, sizes) and the workspace (toolbar, canvas,
// pages, properties, layers). Autosave writes at most AUTOSAVE_MS after the last change and is
// flushed when the screen closes or the window unloads.
import type Konva from 'konva';
import { Layers, SlidersHorizontal } from 'lucide-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DesignDocument } from '../../../src-main/core/design';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { useApp } from '../../app/store';
import { BrandContext, useBrandData } from './brand';
import { commandsFor, type Commands } from './commands';
import { DesignsGallery, useDesignName } from './DesignsGallery';
import { EditorCanvas, nodeFor, topNode } from './EditorCanvas';
import { createEditorStore, type EditorStore } from './editor-store';
import { EditorToolbar } from './EditorToolbar';
import { ExportDialog } from './ExportDialog';
import { ICONS } from './icons';
import { LayersPanel } from './LayersPanel';
import { PagesPanel } from './PagesPanel';
import { PropertiesPanel } from './PropertiesPanel';
import { AtelierError } from '../../../src-main/contract/errors';
import { importImage } from './import-image';
import { loadFonts, registerLocalImage, renderPageInBrowser } from './scene-context';
import { useShortcuts } from './shortcuts';
import { DRAG_TYPE, SidePanel, type PanelDrop, type SideTab } from './SidePanel';
import { TextOverlay } from './TextOverlay';
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

/** Where on the page (design pixels) a DOM drop lands, or null outside the canvas. */
function dropPoint(stage: Konva.Stage | null, e: React.DragEvent): { x: number; y: number; hit: Konva.Node | null } | null {
  if (!stage) return null;
  stage.setPointersPositions(e.nativeEvent);
  const p = stage.getPointerPosition();
  if (!p || p.x < 0 || p.y < 0 || p.x > stage.width() || p.y > stage.height()) return null;
  const hit = stage.getIntersection(p);
  return { x: (p.x - stage.x()) / stage.scaleX(), y: (p.y - stage.y()) / stage.scaleY(), hit: hit ? topNode(hit) : null };
}

/** The canvas column keeps at least this width (px) when the add panel is open beside it. */
const MIN_CANVAS = 420;

/**
 * Whether the add panel (open) leaves less than MIN_CANVAS for the canvas beside the inspector: on a
 * narrow window (1024 px) the two side panels then take turns, and the inspector folds to a strip
 * while the add panel is open. Measured from the layout, so it follows the shell and the CSS.
 */
function useOnePanelAtATime(body: RefObject<HTMLDivElement | null>, drawerOpen: boolean): boolean {
  const [tight, setTight] = useState(false);
  const inspectorWidth = useRef(264);
  useLayoutEffect(() => {
    const el = body.current;
    if (!el || !drawerOpen) return;
    const measure = () => {
      const left = el.querySelector<HTMLElement>('.ed-side-left');
      const inspector = el.querySelector<HTMLElement>('.ed-side:not(.folded)');
      if (inspector) inspectorWidth.current = inspector.offsetWidth;
      const gap = parseFloat(getComputedStyle(el).columnGap) || 0;
      setTight(el.clientWidth - (left?.offsetWidth ?? 0) - inspectorWidth.current - 2 * gap < MIN_CANVAS);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [body, drawerOpen]);
  return drawerOpen && tight;
}

/** The inspector folded (narrow window, add panel open): a strip whose buttons close the add panel and bring it back. */
function FoldedInspector({ onShow }: { onShow(part: 'properties' | 'layers'): void }) {
  const { t } = useTranslation();
  const parts = [
    { part: 'properties' as const, icon: SlidersHorizontal, label: t('editor.inspector.showProperties') },
    { part: 'layers' as const, icon: Layers, label: t('editor.inspector.showLayers') },
  ];
  return (
    <>
      {parts.map(({ part, icon: Icon, label }) => (
        <button key={part} type="button" aria-label={label} title={label} onClick={() => onShow(part)}>
          <Icon size={20} aria-hidden="true" />
        </button>
      ))}
    </>
  );
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
  const bodyRef = useRef<HTMLDivElement>(null);
  const folded = useOnePanelAtATime(bodyRef, tab !== null);
  const inspectorRef = useRef<HTMLElement>(null);
  // Shown again from the folded strip: the add panel closes, and the focus goes to the part asked for.
  const [showing, setShowing] = useState<'properties' | 'layers' | null>(null);
  useEffect(() => {
    if (!showing || folded) return;
    const panels = inspectorRef.current?.querySelectorAll<HTMLElement>('section.ed-panel');
    const target = panels?.[showing === 'properties' ? 0 : panels.length - 1];
    if (target) {
      target.tabIndex = -1;
      target.focus();
      target.scrollIntoView({ block: 'nearest' });
    }
    setShowing(null);
  }, [showing, folded]);
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
        <div ref={bodyRef} className={`ed-body${tab ? ' with-drawer' : ''}${folded ? ' inspector-folded' : ''}`}>
          <SidePanel editor={editor} cmd={cmd} tab={tab} onTab={setTab} />
          <div className="ed-stage-col">
            <EditorCanvas editor={editor} cmd={cmd} stageRef={stageRef} label={t('editor.canvasLabel', { name: shownName(name), page: pageIndex + 1 })} />
            <TextOverlay editor={editor} stageRef={stageRef} />
            <PagesPanel editor={editor} cmd={cmd} />
          </div>
          <aside ref={inspectorRef} className={`ed-side${folded ? ' folded' : ''}`} aria-label={t('editor.inspector.label')}>
            {folded ? (
              <FoldedInspector
                onShow={(part) => {
                  setTab(null);
                  setShowing(part);
                }}
              />
            ) : (
              <>
                <PropertiesPanel editor={editor} cmd={cmd} />
                <LayersPanel editor={editor} scrollRef={inspectorRef} />
              </>
            )}
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
