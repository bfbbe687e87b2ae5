// "Reveal images" for a post (the Due now checklist, and any post's details): its designs rendered
// to PNG files named like a pack's images.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarPost } from '../../../src-main/contract/api/calendar';
import type { RenderedImage } from '../../../src-main/contract/api/publishing';
import { useHost } from '../../app/host-context';
import type { Run } from './CalendarSide';

/**
 * "Reveal images": the post's designs rendered to PNG files. The desktop app shows them in their
 * folder; browser mode (no file manager) offers each file as a download instead.
 */
export function RevealImages({ post, run, hideWithoutDesign = false }: { post: CalendarPost; run: Run; hideWithoutDesign?: boolean }) {
  const { t } = useTranslation();
  const host = useHost();
  const [busy, setBusy] = useState(false);
  const [downloads, setDownloads] = useState<RenderedImage[]>([]);
  if (!post.variants.some((v) => v.designId)) return hideWithoutDesign ? null : <span className="muted">{t('calendar.due.noDesign')}</span>;
  async function reveal() {
    setBusy(true);
    try {
      await run(async () => {
        const { images } = await host.invoke('publishing.renderImages', { id: post.id });
        const { shown } = await host.invoke('publishing.reveal', { postId: post.id, name: images[0]!.name });
        setDownloads(shown ? [] : images);
        return shown;
      }, (shown) => (shown ? t('calendar.due.revealed', { title: post.title }) : null));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="reveal-images">
      <button type="button" className="button" aria-busy={busy} disabled={busy} onClick={() => void reveal()}>
        {busy ? t('calendar.due.rendering') : t('calendar.due.reveal')}
      </button>
      {downloads.length > 0 && (
        <ul className="due-downloads" aria-label={t('calendar.due.images', { title: post.title })}>
          {downloads.map((image) => (
            <li key={image.name}>
              <a href={`/publishing/images/${encodeURIComponent(post.id)}/${encodeURIComponent(image.name)}`} download={image.name}>
                {t('calendar.due.download', { name: image.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
