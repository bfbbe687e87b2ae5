// The caption editor on its own: `/` opens the snippet list, arrows and Enter insert with variables
// filled, Escape closes; counters change tone near and past the limit.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useState } from 'react';
import type { Snippet } from '../../../src-main/contract/api/captions';
import { expandSnippet, measureCaption } from '../../../src-main/core/captions';
import { createI18n } from '../../../src-renderer/app/i18n';
import { CaptionEditor, Counter, Preview } from '../../../src-renderer/ui/caption-text/CaptionText';

const SNIPPETS: Snippet[] = [
  { id: 's1', clientId: null, kind: 'snippet', name: 'Signature', body: '— {{client}}', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
  { id: 's2', clientId: 'c1', kind: 'hashtag_set', name: 'Summer tags', body: '#linen #summer', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
];

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return <CaptionEditor label="Master caption" value={value} snippets={SNIPPETS} expand={(b) => expandSnippet(b, { client: 'Maison' })} onChange={setValue} />;
}

beforeAll(() => {
  createI18n('en');
});
afterEach(cleanup);

function type(box: HTMLTextAreaElement, value: string) {
  fireEvent.change(box, { target: { value, selectionStart: value.length, selectionEnd: value.length } });
}

describe('CaptionEditor', () => {
  it('offers the snippets after a slash and inserts the chosen one with its variables filled', async () => {
    render(<Harness />);
    const box = screen.getByRole<HTMLTextAreaElement>('combobox', { name: 'Master caption' });
    type(box, 'Hello /');
    expect(screen.getAllByRole('option')).toHaveLength(2);
    type(box, 'Hello /sum');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Summer tags #linen #summer']);
    type(box, 'Hello /');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
    });
    expect(box.value).toBe('Hello — Maison');
    expect(screen.queryByRole('listbox')).toBeNull();
  });
  it('closes the list on Escape and leaves the text alone', () => {
    render(<Harness />);
    const box = screen.getByRole<HTMLTextAreaElement>('combobox', { name: 'Master caption' });
    type(box, 'a /');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box.value).toBe('a /');
  });
});

describe('Counter and Preview', () => {
  it('turn amber near the limit and red past it, with the overflow marked', () => {
    const near = measureCaption('a'.repeat(260), 'x');
    const over = measureCaption('a'.repeat(290), 'x');
    const { rerender, container } = render(<Counter measure={near} label="X" />);
    expect(container.querySelector('[data-tone]')!.getAttribute('data-tone')).toBe('near');
    rerender(<Counter measure={over} label="X" />);
    expect(container.querySelector('[data-tone]')!.getAttribute('data-tone')).toBe('over');
    expect(screen.getByLabelText('X: 290 of 280')).toBeTruthy();
    render(<Preview text={'a'.repeat(290)} measure={over} name="X" misspelled={new Map()} />);
    expect(document.querySelector('mark.caption-overflow')!.textContent).toBe('a'.repeat(10));
  });
  it('folds at the network cut with "… more" and opens on click', () => {
    const text = 'word '.repeat(40);
    render(<Preview text={text} measure={measureCaption(text, 'instagram')} name="Instagram" misspelled={new Map([['word', ['ward']]])} />);
    const more = screen.getByRole('button', { name: '… more' });
    expect(document.querySelector('.caption-preview-text')!.textContent!.length).toBeLessThan(text.length);
    expect(document.querySelectorAll('.misspelled').length).toBe(25);
    fireEvent.click(more);
    expect(screen.queryByRole('button', { name: '… more' })).toBeNull();
    expect(document.querySelectorAll('.misspelled').length).toBe(40);
  });
});
