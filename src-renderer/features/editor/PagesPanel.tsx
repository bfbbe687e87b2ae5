// The pages of the open design: pick one, add, duplicate, move and delete (with an undo toast).
import { ArrowLeft, ArrowRight, Copy, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Commands } from './commands';
import type { EditorStore } from './editor-store';
import { undoToast } from '../../ui/undo-toast';

export function PagesPanel({ editor, cmd }: { editor: EditorStore; cmd: Commands }) {
  const { t } = useTranslation();
  // The page ids only: an edit on a page must not re-render this row.
  const pageIds = useStore(editor.store, (s) => s.doc?.pages.map((p) => p.id).join(',') ?? '');
  const pages = pageIds ? pageIds.split(',').map((id) => ({ id })) : [];
  const current = useStore(editor.store, (s) => s.pageId);
  return (
    <nav className="ed-pages" aria-label={t('editor.pages.title')}>
      <ol>
        {pages.map((p, i) => (
          <li key={p.id} className={p.id === current ? 'current' : undefined}>
            <button type="button" aria-current={p.id === current ? 'page' : undefined} onClick={() => editor.setPage(p.id)}>
              {t('editor.pages.page', { n: i + 1 })}
            </button>
            {p.id === current && (
              <span className="ed-row">
                <button type="button" className="ed-icon" aria-label={t('editor.pages.left')} title={t('editor.pages.left')} disabled={i === 0} onClick={() => cmd.movePage(p.id, i - 1)}><ArrowLeft size={16} aria-hidden="true" /></button>
                <button type="button" className="ed-icon" aria-label={t('editor.pages.right')} title={t('editor.pages.right')} disabled={i === pages.length - 1} onClick={() => cmd.movePage(p.id, i + 1)}><ArrowRight size={16} aria-hidden="true" /></button>
                <button type="button" className="ed-icon" aria-label={t('editor.pages.duplicate')} title={t('editor.pages.duplicate')} onClick={() => cmd.duplicatePage(p.id)}><Copy size={16} aria-hidden="true" /></button>
                <button type="button" className="ed-icon" aria-label={t('editor.pages.delete')} title={t('editor.pages.delete')} disabled={pages.length < 2} onClick={() => { cmd.deletePage(p.id); undoToast(t('polish.undo.pageDeleted', { n: i + 1 }), t('polish.undo.undo'), () => editor.undo()); }}><Trash2 size={16} aria-hidden="true" /></button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => cmd.addPage()}>{t('editor.pages.add')}</button>
    </nav>
  );
}
