// The calendar's month view rendered in happy-dom over a real in-process Atelier (real SQLite) and the
// app's real store: where cards sit and what picking, shifting, filtering and Ctrl+Z do to the stored posts.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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
import { testAtelier } from '../../helpers/app';
import { inProcessHost } from '../../helpers/in-process-host';

let t: ReturnType<typeof testAtelier>;
afterEach(() => {
  cleanup();
  t?.cleanup();
  useApp.setState({ clientId: null });
});

function post(id: string, localTime: string, updatedAt = '2026-01-01T00:00:00.000Z'): CalendarPost {
  return {
    id,
    clientId: 'paris',
    title: `Post ${id}`,
    status: 'draft',
    caption: 'Caption',
    scheduledAt: `${localTime}:00.000Z`,
    timeZone: 'UTC',
    localTime,
    labels: [],
    campaign: '',
    notes: '',
    variants: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt,
    deletedAt: null,
    seriesId: null,
    occurrenceKey: null,
    link: '',
    publishedUrl: '',
  };
}

/** A real library: a bakery in Paris and a bagel shop in New York, each in its colour. */
async function library() {
  t = testAtelier();
  const paris = await t.atelier.call('clients.create', { name: 'Boulangerie', timeZone: 'Europe/Paris', color: '#16a34a' });
  const ny = await t.atelier.call('clients.create', { name: 'Bagels', timeZone: 'America/New_York', color: '#dc2626' });
  const add = (clientId: string, title: string, at: string | null, networks: ('instagram' | 'x')[] = ['instagram']) =>
    t.atelier.call('posts.create', { clientId, title, networks, ...(at ? { at } : {}) });
  return { paris, ny, add };
}

async function renderCalendar(language: 'en' | 'fr', firstDay: number) {
  const host = inProcessHost(t.atelier);
  const store = createCalendarStore(host, { firstDay, today: '2026-12-15' });
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <HostProvider host={host}>
        <CalendarScreen store={store} />
      </HostProvider>
    </I18nextProvider>,
  );
  await waitFor(() => expect(store.getState().loaded).toBe(true));
  return store;
}

const card = (id: string) => document.querySelector<HTMLElement>(`[data-post-id="${id}"]`)!;
const localTime = async (id: string) => (await t.atelier.call('posts.get', { id })).localTime;
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

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
    const before = [post('a', '2026-12-03T09:00'), post('b', '2026-12-04T09:00')];
    const after = [post('a', '2026-12-03T09:00'), post('b', '2026-12-05T09:00', '2026-01-02T00:00:00.000Z'), post('c', '2026-12-06T09:00')];
    const kept = keepUnchanged(before, after);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).toBe(after[1]);
    expect(kept[2]).toBe(after[2]);
  });
});

describe('CalendarScreen', () => {
  it('shows posts on their client-local day with the client colour, drafts, warnings, in French', async () => {
    const { paris, ny, add } = await library();
    const a = await add(paris.id, 'Galette', '2026-12-03T09:00');
    // 23:30 in New York is already the 4th in UTC: the card sits on the client's own day, the 3rd.
    const b = await add(ny.id, 'Late bagels', '2026-12-03T23:30', ['x']);
    await add(ny.id, 'Unscheduled idea', null);
    await add(paris.id, 'Bûche', '2026-12-28T09:00');
    await renderCalendar('fr', 1);
    expect(screen.getByRole('heading', { name: 'Calendrier' })).toBeTruthy();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers[0]).toMatch(/^lun/);
    const day = document.querySelector('[data-date="2026-12-03"]') as HTMLElement;
    const cards = within(day).getAllByRole('button');
    expect(cards.map((c) => c.getAttribute('data-post-id'))).toEqual([a.id, b.id]);
    expect(cards[0]!.getAttribute('aria-label')).toContain('Boulangerie');
    expect(getComputedStyle(cards[0]!).borderLeftColor).toBe('#16a34a');
    expect(getComputedStyle(cards[1]!).borderLeftColor).toBe('#dc2626');
    expect(screen.getByText('Unscheduled idea')).toBeTruthy();
    // Nothing between the 3rd and the 28th: the bakery goes 24 days without a post.
    expect(screen.getByText(/Boulangerie : aucune publication pendant 24 jours/)).toBeTruthy();
  });

  it('loads an opened post whole, and closes its details without an error once it was deleted elsewhere', async () => {
    const { paris, add } = await library();
    const a = await add(paris.id, 'Galette', '2026-12-03T09:00');
    await t.atelier.call('posts.update', { id: a.id, caption: 'Galette des rois, dès le 2 janvier' });
    const store = createCalendarStore(inProcessHost(t.atelier), { firstDay: 1, today: '2026-12-15' });
    await store.getState().load();
    store.getState().configure({ selectedId: a.id });
    await store.getState().loadOpenPost();
    expect(store.getState().openPost?.caption).toBe('Galette des rois, dès le 2 janvier');
    // Deleted by another window or program: the reload after such a change must not fail.
    await t.atelier.call('calendar.delete', { ids: [a.id] });
    await expect(store.getState().loadOpenPost()).resolves.toBeUndefined();
    expect(store.getState().openPost).toBeNull();
  });

  it('filters by network and undoes the last move with Ctrl+Z', async () => {
    const { paris, ny, add } = await library();
    const a = await add(paris.id, 'On Instagram', '2026-12-03T09:00', ['instagram']);
    const b = await add(ny.id, 'On X', '2026-12-04T10:00', ['x']);
    await t.atelier.call('calendar.move', { id: b.id, date: '2026-12-08' });
    await renderCalendar('en', 7);
    expect(screen.getAllByRole('columnheader')[0]!.textContent).toMatch(/^Sun/);
    fireEvent.change(screen.getByLabelText('Network'), { target: { value: 'x' } });
    expect(card(a.id)).toBeNull();
    expect(card(b.id).closest('[data-date]')!.getAttribute('data-date')).toBe('2026-12-08');
    expect(screen.getByRole('button', { name: /Undo/ }).hasAttribute('disabled')).toBe(false);
    await act(async () => {
      fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    });
    await waitFor(async () => expect(await localTime(b.id)).toBe('2026-12-04T10:00'));
    await waitFor(() => expect(card(b.id).closest('[data-date]')!.getAttribute('data-date')).toBe('2026-12-04'));
  });

  it("moving to another month shows that month's posts and keeps the undo step and the client's queue slots", async () => {
    const { paris, add } = await library();
    const december = await add(paris.id, 'In December', '2026-12-03T09:00');
    const january = await add(paris.id, 'In January', '2027-01-14T09:00');
    await t.atelier.call('calendar.slots.add', { clientId: paris.id, network: 'instagram', weekday: 2, time: '10:30' });
    useApp.setState({ clientId: paris.id });
    await renderCalendar('en', 7);
    await t.atelier.call('calendar.move', { id: december.id, date: '2026-12-08' });
    await waitFor(() => expect(card(december.id).closest('[data-date]')!.getAttribute('data-date')).toBe('2026-12-08'));
    const undo = () => screen.getByRole('button', { name: /Undo/ });
    const slot = () => screen.getByRole('button', { name: /Remove.*Instagram.*Tuesday/i });
    expect(undo().hasAttribute('disabled')).toBe(false);
    expect(slot()).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(card(january.id)).not.toBeNull());
    expect(card(december.id)).toBeNull();
    expect(screen.getByRole('grid').getAttribute('aria-label')).toMatch(/January 2027/);
    expect(undo().hasAttribute('disabled')).toBe(false);
    expect(slot()).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(card(december.id)).not.toBeNull());
    expect(card(january.id)).toBeNull();
    // Ctrl+Z still undoes the move made before the two months went by.
    await act(async () => {
      fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    });
    await waitFor(async () => expect(await localTime(december.id)).toBe('2026-12-03T09:00'));
    await waitFor(() => expect(card(december.id).closest('[data-date]')!.getAttribute('data-date')).toBe('2026-12-03'));
  });

  it('picks posts with Ctrl-click and Shift-click, shifts them together, and clears with Esc', async () => {
    const { paris, add } = await library();
    const posts = [];
    for (const d of [3, 4, 5, 6]) posts.push(await add(paris.id, `Post ${d}`, `2026-12-0${d}T09:00`));
    const [a, b, c, d] = posts.map((p) => p.id) as [string, string, string, string];
    const store = await renderCalendar('en', 1);
    fireEvent.click(card(a));
    fireEvent.click(card(c), { shiftKey: true });
    fireEvent.click(card(b), { ctrlKey: true });
    expect([a, b, c, d].map((id) => card(id).getAttribute('aria-pressed'))).toEqual(['true', 'false', 'true', 'false']);
    expect(screen.getByRole('status').textContent).toBe('2 posts selected');
    fireEvent.change(screen.getByLabelText('Shift by (days)'), { target: { value: '-2' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Shift' }));
    });
    // The picked posts moved two days earlier, at the same time; the others stayed.
    await waitFor(async () => expect(await Promise.all([a, b, c, d].map(localTime))).toEqual(['2026-12-01T09:00', '2026-12-04T09:00', '2026-12-03T09:00', '2026-12-06T09:00']));
    await waitFor(() => expect(card(a).closest('[data-date]')!.getAttribute('data-date')).toBe('2026-12-01'));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().picked.size).toBe(0);
    expect(screen.getByText(/Ctrl\/⌘-click or Shift-click posts to select several/)).toBeTruthy();
  });

  it('lists the first five warnings and keeps the rest behind "Show N more"', async () => {
    const { paris, add } = await library();
    // Eight days with two Instagram posts a minute apart: eight pairs too close to each other.
    for (let i = 0; i < 8; i++) for (const m of ['00', '01']) await add(paris.id, `Burst ${i}`, `2026-12-${10 + i}T09:${m}`);
    const store = await renderCalendar('en', 1);
    await settle();
    const region = screen.getByRole('region', { name: 'Warnings' });
    // The network by its name, and when the second of the two goes out.
    expect(within(region).getAllByText(/two Instagram posts only/)).toHaveLength(5);
    expect(within(region).getAllByText(/two Instagram posts only/)[0]!.textContent).toBe('⚠ Boulangerie: two Instagram posts only 1 min apart (Dec 10, 9:01am)');
    const hidden = store.getState().warnings.length - 5;
    fireEvent.click(within(region).getByText(`Show ${hidden} more warnings`));
    const details = region.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(within(region).getAllByText(/two Instagram posts only/)).toHaveLength(8);
  });

  it.each([
    ['en', '⚠ Boulangerie: 5 Instagram posts within 4 min (Dec 10, 9am)'],
    ['fr', '⚠ Boulangerie : 5 publications Instagram en l’espace de 4 min (10 déc., 9:00)'],
  ] as const)('says five posts close together once, with how many and from when (%s)', async (language, line) => {
    const { paris, add } = await library();
    for (let i = 0; i < 5; i++) await add(paris.id, `Burst ${i}`, `2026-12-10T09:0${i}`);
    await renderCalendar(language, 1);
    await settle();
    const region = screen.getByRole('region', { name: language === 'en' ? 'Warnings' : 'Alertes' });
    const tooClose = within(region).getAllByRole('listitem').filter((li) => li.textContent!.includes('Instagram'));
    expect(tooClose.map((li) => li.textContent)).toEqual([line]);
  });
});
