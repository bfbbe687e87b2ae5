// Ctrl/Cmd+K: one field to jump to a client, post or design, or run an action. Items come from the
// contract (clients.list, posts.list, designs.list) each time the palette opens; matching ignores
// case and accents. Built as a modal <dialog> with the ARIA combobox + listbox pattern.
import { foldText } from '../../src-main/core/domain/search';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Post } from '../../src-main/contract';
import type { DesignSummary } from '../../src-main/contract/api/designs';
import { useHost } from './host-context';
import { useModal } from '../ui/use-modal';

export interface PaletteItem {
  id: string;
  kind: 'action' | 'client' | 'post' | 'design';
  label: string;
  detail?: string;
  run(): void;
}

/** Lower case without accents, so “lumiere” finds “Lumière”. */
/** Case and accents aside (the same rule as every search in Atelier). */
export function fold(text: string): string {
  return foldText(text);
}

/** Items whose label holds every word of the query; those starting with it first. */
export function filterItems(items: readonly PaletteItem[], query: string, limit = 60): PaletteItem[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return items.slice(0, limit);
  const hits = items.filter((item) => {
    const text = fold(`${item.label} ${item.detail ?? ''}`);
    return words.every((w) => text.includes(w));
  });
  const first = fold(words[0]!);
  return [...hits].sort((a, b) => Number(!fold(a.label).startsWith(first)) - Number(!fold(b.label).startsWith(first))).slice(0, limit);
}

export interface PaletteActions {
  actions: PaletteItem[];
  openClient(client: Client): void;
  openPost(post: Post): void;
  openDesign(design: DesignSummary): void;
}

export function CommandPalette({ onClose, build }: { onClose(): void; build: PaletteActions }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [data, setData] = useState<{ clients: Client[]; posts: Post[]; designs: DesignSummary[] }>({ clients: [], posts: [], designs: [] });
  const listId = useId();
  const inputId = useId();

  useModal(dialogRef);
  useEffect(() => {
    let live = true;
    void Promise.all([
      host.invoke('clients.list', {}).catch(() => [] as Client[]),
      host.invoke('posts.list', { includeUnscheduled: true, limit: 2000 }).catch(() => [] as Post[]),
      host.invoke('designs.list', {}).catch(() => [] as DesignSummary[]),
    ]).then(([clients, posts, designs]) => live && setData({ clients, posts, designs }));
    return () => {
      live = false;
    };
  }, [host]);

  const items = useMemo(() => {
    const clientName = new Map(data.clients.map((c) => [c.id, c.name]));
    const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    const dated = (p: Post) => {
      if (!p.scheduledAt) return t('polish.palette.unscheduled');
      try {
        return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: p.timeZone }).format(new Date(p.scheduledAt));
      } catch {
        return when.format(new Date(p.scheduledAt));
      }
    };
    const all: PaletteItem[] = [
      ...build.actions,
      ...data.clients.map((c): PaletteItem => ({ id: `client:${c.id}`, kind: 'client', label: c.name, detail: c.timeZone, run: () => build.openClient(c) })),
      ...data.designs.map((d): PaletteItem => ({
        id: `design:${d.id}`,
        kind: 'design',
        label: d.name,
        detail: `${new Intl.NumberFormat(i18n.language).format(d.width)} × ${new Intl.NumberFormat(i18n.language).format(d.height)}`,
        run: () => build.openDesign(d),
      })),
      ...data.posts.map((p): PaletteItem => ({
        id: `post:${p.id}`,
        kind: 'post',
        label: p.title,
        detail: `${clientName.get(p.clientId) ?? ''} · ${dated(p)}`,
        run: () => build.openPost(p),
      })),
    ];
    return all;
  }, [build, data, i18n.language, t]);
  const shown = useMemo(() => filterItems(items, query), [items, query]);
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  function choose(item: PaletteItem | undefined) {
    if (!item) return;
    onClose();
    item.run();
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'ArrowDown') setActive((current + 1) % Math.max(shown.length, 1));
    else if (e.key === 'ArrowUp') setActive((current - 1 + shown.length) % Math.max(shown.length, 1));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(Math.max(shown.length - 1, 0));
    else if (e.key === 'Enter') choose(shown[current]);
    else return;
    e.preventDefault();
  }

  useEffect(() => {
    document.getElementById(`${listId}-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);

  return (
    <dialog
      ref={dialogRef}
      className="dialog palette"
      aria-label={t('polish.palette.title')}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => e.target === dialogRef.current && onClose()}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {t('polish.palette.label')}
      </label>
      <input
        id={inputId}
        className="palette-input"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? `${listId}-${current}` : undefined}
        placeholder={t('polish.palette.placeholder')}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} className="palette-list" role="listbox" aria-label={t('polish.palette.results')}>
        {shown.map((item, i) => (
          <li
            key={item.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            className="palette-item"
            onMouseMove={() => i !== current && setActive(i)}
            onClick={() => choose(item)}
          >
            <span className="palette-label" translate={item.kind === 'action' ? undefined : 'no'}>
              {item.label}
            </span>
            {item.detail && <span className="palette-detail">{item.detail}</span>}
            <span className="palette-kind">{t(`polish.palette.kind.${item.kind}`)}</span>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="palette-empty">{t('polish.palette.none', { query })}</p>}
      <p className="visually-hidden" role="status">
        {t('polish.palette.count', { count: shown.length })}
      </p>
    </dialog>
  );
}
