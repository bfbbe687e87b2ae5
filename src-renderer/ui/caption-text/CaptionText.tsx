// One caption editor: a textarea with `/` snippet insertion, its live counter, the preview card
// (overflow highlighted, fold with "… more", misspelled words underlined), chips and problems.
import { memo, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snippet } from '../../../src-main/contract/api/captions';
import { extractEntities, insertAt, NEAR_LIMIT_RATIO, slashQuery, spellWords, type CaptionMeasure, type CaptionProblem } from '../../../src-main/core/captions';
import './caption-text.css';

export type Misspellings = ReadonlyMap<string, string[]>;

export function counterTone(m: CaptionMeasure): 'ok' | 'near' | 'over' {
  if (m.length > m.limit) return 'over';
  return m.length >= m.limit * NEAR_LIMIT_RATIO ? 'near' : 'ok';
}

export function Counter({ measure, label }: { measure: CaptionMeasure; label: string }) {
  const { t } = useTranslation();
  const tone = counterTone(measure);
  return (
    <span className={`caption-counter caption-counter-${tone}`} data-tone={tone} aria-label={t('captions.counter.label', { label, length: measure.length, limit: measure.limit })}>
      {measure.length} / {measure.limit}
      <span className="visually-hidden">{tone === 'over' ? t('captions.counter.over') : tone === 'near' ? t('captions.counter.near') : ''}</span>
    </span>
  );
}

/** `text` with the misspelled words underlined (links, hashtags and mentions skipped) and their
 *  suggestions as a tooltip. */
function spelled(text: string, misspelled: Misspellings, keyBase: string): ReactNode[] {
  if (misspelled.size === 0 || text === '') return [text];
  const entities = extractEntities(text);
  const out: ReactNode[] = [];
  let cursor = 0;
  for (const w of spellWords(text, [...entities.urls, ...entities.hashtags, ...entities.mentions])) {
    const suggestions = misspelled.get(w.word);
    if (!suggestions) continue;
    out.push(text.slice(cursor, w.start));
    out.push(
      <span key={`${keyBase}-${w.start}`} className="misspelled" title={suggestions.join(', ')}>
        {w.word}
      </span>,
    );
    cursor = w.end;
  }
  out.push(text.slice(cursor));
  return out;
}

export function Preview({ text, measure, name, misspelled }: { text: string; measure: CaptionMeasure; name: string; misspelled: Misspellings }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const overflow = measure.problems.find((p) => p.code === 'too_long')?.start;
  const fold = measure.foldAt;
  const shown = fold !== undefined && !open ? text.slice(0, fold) : text;
  const cut = overflow !== undefined && overflow < shown.length ? overflow : shown.length;
  return (
    <div className="caption-preview" aria-label={t('captions.preview.label', { name })} role="group">
      <div className="caption-preview-name">{name}</div>
      <p className="caption-preview-text">
        {spelled(shown.slice(0, cut), misspelled, 'a')}
        {cut < shown.length && <mark className="caption-overflow">{spelled(shown.slice(cut), misspelled, 'b')}</mark>}
        {fold !== undefined && !open && (
          <>
            {' '}
            <button type="button" className="caption-more" onClick={() => setOpen(true)}>
              {t('captions.preview.more')}
            </button>
          </>
        )}
      </p>
    </div>
  );
}

function problemText(t: ReturnType<typeof useTranslation>['t'], p: CaptionProblem, name: string): string {
  return t(`captions.problems.${p.code}`, { ...p.values, name, defaultValue: p.message });
}

export function Chips({ measure, name }: { measure: CaptionMeasure; name: string }) {
  const { t } = useTranslation();
  const tagWarning = measure.problems.find((p) => p.code === 'too_many_hashtags');
  const limit = Number(tagWarning?.values?.limit ?? Infinity);
  if (measure.hashtags.length === 0 && measure.mentions.length === 0) return null;
  return (
    <ul className="caption-chips" aria-label={t('captions.chips.label', { name })}>
      {measure.hashtags.map((tag, i) => (
        <li key={`h${i}`} className={`chip${i >= limit ? ' chip-warn' : ''}`}>
          #{tag}
        </li>
      ))}
      {measure.mentions.map((m, i) => (
        <li key={`m${i}`} className="chip chip-mention">
          @{m}
        </li>
      ))}
    </ul>
  );
}

export function Problems({ measure, name }: { measure: CaptionMeasure; name: string }) {
  const { t } = useTranslation();
  const shown = measure.problems.filter((p) => p.code !== 'empty');
  if (shown.length === 0) return null;
  return (
    <ul className="caption-problems">
      {shown.map((p, i) => (
        <li key={i} className={`caption-problem caption-problem-${p.severity}`}>
          {problemText(t, p, name)}
        </li>
      ))}
    </ul>
  );
}

interface EditorProps {
  label: string;
  value: string;
  snippets: readonly Snippet[];
  expand(body: string): string;
  onChange(text: string): void;
  textareaId?: string;
  onFocus?(): void;
  inputRef?: (el: HTMLTextAreaElement | null) => void;
}

/** A textarea where typing `/` offers the snippets and hashtag sets, filtered as you type. */
export const CaptionEditor = memo(function CaptionEditor({ label, value, snippets, expand, onChange, textareaId, onFocus, inputRef }: EditorProps) {
  const { t } = useTranslation();
  const fallbackId = useId();
  const id = textareaId ?? fallbackId;
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () => (query ? snippets.filter((s) => s.name.toLowerCase().includes(query.query.toLowerCase())).slice(0, 8) : []),
    [query, snippets],
  );

  function update(text: string, caret: number) {
    onChange(text);
    setQuery(slashQuery(text, caret));
    setActive(0);
  }
  function choose(snippet: Snippet) {
    const el = ref.current;
    if (!el || !query) return;
    const next = insertAt(value, query.start, el.selectionStart, expand(snippet.body));
    onChange(next.text);
    setQuery(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  }
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (!query || matches.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      choose(matches[active]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setQuery(null);
    }
  }

  const open = query !== null && matches.length > 0;
  return (
    <div className="caption-editor">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        ref={(el) => {
          ref.current = el;
          inputRef?.(el);
        }}
        className="caption-textarea"
        value={value}
        rows={5}
        spellCheck={false}
        role="combobox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onFocus={onFocus}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        onChange={(e) => update(e.target.value, e.target.selectionStart)}
      />
      {open && (
        <ul id={listId} role="listbox" className="snippet-menu" aria-label={t('captions.snippets.menu')}>
          {matches.map((s, i) => (
            <li
              key={s.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s);
              }}
            >
              <strong>{s.name}</strong> <span className="muted">{s.body.slice(0, 60)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
