import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignDocument } from '../../../src-main/core/design';
import { useHost } from '../../app/host-context';
import { exceedsCanvas, exportDesign, type ExportOptions } from './export';

export function ExportDialog({ doc, pageIndex, onClose, onDone }: { doc: DesignDocument; pageIndex: number; onClose(): void; onDone(names: string[]): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const [o, setO] = useState<ExportOptions>({ format: 'png', scale: 2, quality: 90, transparent: false, pages: 'current' });
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { title: useId(), format: useId(), scale: useId(), quality: useId(), pages: useId() };
  const tooLarge = o.format !== 'pdf' && exceedsCanvas(doc, o.scale);
  async function run() {
    if (tooLarge) return;
    setProblem(null);
    setBusy(t('editor.export.working', { done: 0, total: o.pages === 'all' || o.format === 'pdf' ? doc.pages.length : 1 }));
    try {
      const names = await exportDesign(host, doc, pageIndex, o, (done, total) => setBusy(t('editor.export.working', { done, total })));
      onDone(names);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="ed-dialog-backdrop">
      <div className="ed-dialog card" role="dialog" aria-modal="true" aria-labelledby={ids.title}>
        <h2 id={ids.title}>{t('editor.export.title')}</h2>
        <div className="ed-field wide">
          <label htmlFor={ids.format}>{t('editor.export.format')}</label>
          <select id={ids.format} value={o.format} onChange={(e) => setO({ ...o, format: e.target.value as ExportOptions['format'] })}>
            <option value="png">PNG</option>
            <option value="jpeg">JPEG</option>
            <option value="pdf">{t('editor.export.pdf')}</option>
          </select>
        </div>
        {o.format !== 'pdf' && (
        <div className="ed-field wide">
          <label htmlFor={ids.scale}>{t('editor.export.scale')}</label>
          <select id={ids.scale} value={o.scale} onChange={(e) => setO({ ...o, scale: Number(e.target.value) })}>
            {[1, 2, 3].map((s) => <option key={s} value={s}>{s}× ({doc.width * s}×{doc.height * s})</option>)}
          </select>
        </div>
        )}
        {o.format === 'pdf' && <p className="muted">{t('editor.export.pdfHint')}</p>}
        {o.format === 'jpeg' && (
          <div className="ed-field wide">
            <label htmlFor={ids.quality}>{t('editor.export.quality')}</label>
            <input id={ids.quality} type="number" min={1} max={100} value={o.quality} onChange={(e) => setO({ ...o, quality: Math.min(100, Math.max(1, Number(e.target.value) || 90)) })} />
          </div>
        )}
        {o.format === 'png' && (
          <label className="ed-check"><input type="checkbox" checked={o.transparent} onChange={(e) => setO({ ...o, transparent: e.target.checked })} /> {t('editor.export.transparent')}</label>
        )}
        {o.format !== 'pdf' && (
          <div className="ed-field wide">
            <label htmlFor={ids.pages}>{t('editor.export.pages')}</label>
            <select id={ids.pages} value={o.pages} onChange={(e) => setO({ ...o, pages: e.target.value as ExportOptions['pages'] })}>
              <option value="current">{t('editor.export.current')}</option>
              <option value="all">{t('editor.export.all', { count: doc.pages.length })}</option>
            </select>
          </div>
        )}
        {tooLarge && <p role="alert" className="error">{t('editor.export.tooLarge', { w: doc.width * o.scale, h: doc.height * o.scale })}</p>}
        {problem && <p role="alert" className="error">{problem}</p>}
        {busy && <p role="status">{busy}</p>}
        <div className="ed-row">
          <button type="button" className="primary" disabled={tooLarge || busy !== null} onClick={run}>{t('editor.export.go')}</button>
          <button type="button" onClick={onClose}>{t('editor.export.cancel')}</button>
        </div>
      </div>
    </div>
  );
}
