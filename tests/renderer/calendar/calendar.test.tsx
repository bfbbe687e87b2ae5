import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { CalendarPost } from '../../../src-main/contract/api/calendar';
import { HostProvider } from '../../../src-renderer/app/host-context';
import { createI18n } from '../../../src-renderer/app/i18n';
import { useApp } from '../../../src-renderer/app/store';
import { firstDayOfWeek } from '../../../src-renderer/app/week';
import { monthGrid } from '../../../src-renderer/features/calendar/calendar-dates';
import { CalendarScreen } from '../../../src-renderer/features/calendar/CalendarScreen';
import { createCalendarStore, keepUnchanged } from '../../../src-renderer/features/calendar/calendar-store';
import { importAsBytes, type HostClient } from '../../../src-renderer/host/client';

afterEach(() => {
  cleanup();
  useApp.setState({ clientId: null });
});

function post(id: string, clientId: string, localTime: string | null, extra: Partial<CalendarPost> = {}): CalendarPost {
  return {
    id,
    clientId,
    title: `Post ${id}`,
    status: 'draft',
    caption: 'Caption',
    scheduledAt: localTime ? `${localTime}:00.000Z` : null,
    timeZone: 'UTC',
    localTime,
    labels: [],
    campaign: '',
    notes: '',
    variants: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    seriesId: null,
    occurrenceKey: null,
    link: '',
    publishedUrl: '',
    ...extra,
  };
}

const variant = (network: 'instagram' | 'x') => ({ id: `v-${network}`, network, caption: 'Caption', followsMaster: true, designId: null, pageIndex: null, firstComment: '' });

function fakeHost(posts: CalendarPost[]) {
  const calls: { method: string; input: unknown }[] = [];
  const host: HostClient = {
    kind: 'memory',
    upload(file, meta) {
      return importAsBytes(this, file, meta);
    },
    async invoke(method, input) {
      calls.push({ method, input });
      const answers: Record<string, unknown> = {
        'calendar.range': {
          clients: [
            { id: 'paris', name: 'Boulangerie', timeZone: 'Europe/Paris', color: '#16a34a', approvalMode: 'none' },
            { id: 'ny', name: 'Bagels', timeZone: 'America/New_York', color: '#dc2626', approvalMode: 'required' },
          ],
          posts,
          unscheduled: [post('d1', 'ny', null, { title: 'Unscheduled idea' })],
          warnings: [{ kind: 'gap', clientId: 'paris', fromDate: '2026-12-02', toDate: '2026-12-20', days: 17 }],
        },
        'calendar.undoState': { undo: { key: 'legacy', params: { text: 'Move "Post a"' }, text: 'Move "Post a"' }, redo: null },
        'calendar.due': [],
        'calendar.missed': [],
        'calendar.undo': { label: { key: 'legacy', params: { text: 'Move "Post a"' }, text: 'Move "Post a"' }, postIds: ['a'] },
        'calendar.shift': { posts: [], adjusted: [] },
        'calendar.notes.list': [],
        'calendar.statusHistory': [],
      };
      return answers[method] as never;
    },
    on: () => () => undefined,
  };
  return { host, calls };
}

async function renderCalendar(language: 'en' | 'fr', posts: CalendarPost[], firstDay: number) {
  const { host, calls } = fakeHost(posts);
  const store = createCalendarStore(host, { firstDay, today: '2026-12-15' });
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <HostProvider host={host}>
        <CalendarScreen store={store} />
      </HostProvider>
    </I18nextProvider>,
  );
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return { calls, store };
}

describe('calendar dates', () => {
  it('starts weeks on Monday in French and on Sunday in US English', () => {
    expect(firstDayOfWeek('fr-FR')).toBe(1);
    expect(firstDayOfWeek('en-US')).toBe(7);
    expect(monthGrid('2026-12-15', 1)[0]![0]).toBe('2026-11-30');
    expect(monthGrid('2026-12-15', 7)[0]![0]).toBe('2026-11-29');
    expect(monthGrid('2026-02-10', 1).every((w) => w.length === 7)).toBe(true);
  });
});

describe('calendar store', () => {
  it('keeps the objects of posts that did not change across reloads, so their cards do not render again', () => {
    const before = [post('a', 'paris', '2026-12-03T09:00'), post('b', 'paris', '2026-12-04T09:00')];
    const after = [post('a', 'paris', '2026-12-03T09:00'), post('b', 'paris', '2026-12-05T09:00', { updatedAt: '2026-01-02T00:00:00.000Z' }), post('c', 'paris', '2026-12-06T09:00')];
    const kept = keepUnchanged(before, after);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).toBe(after[1]);
    expect(kept[2]).toBe(after[2]);
  });
});

describe('CalendarScreen', () => {
  it('shows posts on their client-local day with the client colour, drafts, warnings, in French', async () => {
    await renderCalendar('fr', [post('a', 'paris', '2026-12-03T09:00', { variants: [variant('instagram')] }), post('b', 'ny', '2026-12-03T23:30', { variants: [variant('x')] })], 1);
    expect(screen.getByRole('heading', { name: 'Calendrier' })).toBeTruthy();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers[0]).toMatch(/^lun/);
    const day = document.querySelector('[data-date="2026-12-03"]') as HTMLElement;
    const cards = within(day).getAllByRole('button');
    expect(cards.map((c) => c.getAttribute('data-post-id'))).toEqual(['a', 'b']);
    expect(cards[0]!.getAttribute('aria-label')).toContain('Boulangerie');
    expect((cards[1] as HTMLElement).style.borderLeftColor).toBe('#dc2626');
    expect(screen.getByText('Unscheduled idea')).toBeTruthy();
    expect(screen.getByText(/Boulangerie : aucune publication pendant 17 jours/)).toBeTruthy();
  });

  it('filters by network and undoes with Ctrl+Z', async () => {
    const { calls } = await renderCalendar('en', [post('a', 'paris', '2026-12-03T09:00', { variants: [variant('instagram')] }), post('b', 'ny', '2026-12-04T10:00', { variants: [variant('x')] })], 7);
    expect(screen.getAllByRole('columnheader')[0]!.textContent).toMatch(/^Sun/);
    fireEvent.change(screen.getByLabelText('Network'), { target: { value: 'x' } });
    expect(document.querySelector('[data-post-id="a"]')).toBeNull();
    expect(document.querySelector('[data-post-id="b"]')).not.toBeNull();
    expect(screen.getByRole('button', { name: /Undo/ }).hasAttribute('disabled')).toBe(false);
    await act(async () => {
      fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(calls.some((c) => c.method === 'calendar.undo')).toBe(true);
  });

  it('picks posts with Ctrl-click and Shift-click, shifts them in one call, and clears with Esc', async () => {
    const posts = ['a', 'b', 'c', 'd'].map((id, i) => post(id, 'paris', `2026-12-0${i + 3}T09:00`));
    const { calls, store } = await renderCalendar('en', posts, 1);
    const card = (id: string) => document.querySelector(`[data-post-id="${id}"]`) as HTMLElement;
    fireEvent.click(card('a'));
    fireEvent.click(card('c'), { shiftKey: true });
    fireEvent.click(card('b'), { ctrlKey: true });
    expect(['a', 'b', 'c', 'd'].map((id) => card(id).getAttribute('aria-pressed'))).toEqual(['true', 'false', 'true', 'false']);
    expect(screen.getByRole('status').textContent).toBe('2 posts selected');
    fireEvent.change(screen.getByLabelText('Shift by (days)'), { target: { value: '-2' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Shift' }));
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(calls.filter((c) => c.method === 'calendar.shift').map((c) => c.input)).toEqual([{ ids: ['a', 'c'], days: -2 }]);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().picked.size).toBe(0);
    expect(screen.getByText(/Ctrl\/⌘-click or Shift-click posts to select several/)).toBeTruthy();
  });

  it('lists the first five warnings and keeps the rest behind "Show N more"', async () => {
    const { store } = await renderCalendar('en', [], 1);
    const warnings = Array.from({ length: 8 }, (_, i) => ({ kind: 'too_close' as const, clientId: 'paris', network: 'instagram', postIds: ['a', 'b'] as [string, string], minutes: i }));
    act(() => store.setState({ warnings }));
    const region = screen.getByRole('region', { name: 'Warnings' });
    expect(within(region).getAllByText(/two instagram posts only/)).toHaveLength(5);
    fireEvent.click(within(region).getByText('Show 3 more warnings'));
    const details = region.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(within(region).getAllByText(/two instagram posts only/)).toHaveLength(8);
  });
});
