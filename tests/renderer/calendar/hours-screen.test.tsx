// The calendar's week and day views and its new-post and keyboard paths, rendered in happy-dom over a
// real in-process Atelier (real SQLite) and the app's real store: where cards sit, what an empty
// slot or day asks the composer for, and what Alt+arrows and drops do to the stored post.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostProvider } from '../../../src-renderer/app/host-context';
import { createI18n } from '../../../src-renderer/app/i18n';
import { useApp } from '../../../src-renderer/app/store';
import { nowIn, todayIn, type CalendarView } from '../../../src-renderer/features/calendar/calendar-dates';
import { createCalendarStore } from '../../../src-renderer/features/calendar/calendar-store';
import { CalendarScreen } from '../../../src-renderer/features/calendar/CalendarScreen';
import { DRAG_TYPE } from '../../../src-renderer/features/calendar/PostCard';
import { minuteOfDay } from '../../../src-renderer/features/calendar/hour-grid';
import { Toasts } from '../../../src-renderer/ui/Toasts';
import { testAtelier } from '../../helpers/app';
import { inProcessHost } from '../../helpers/in-process-host';

let t: ReturnType<typeof testAtelier>;
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  t?.cleanup();
  useApp.setState({ toasts: [], clientId: null, composer: null });
});

async function library() {
  t = testAtelier();
  const paris = await t.atelier.call('clients.create', { name: 'Pâtisserie', timeZone: 'Europe/Paris', color: '#16a34a' });
  const tokyo = await t.atelier.call('clients.create', { name: 'Ramen', timeZone: 'Asia/Tokyo', color: '#dc2626' });
  const add = (clientId: string, title: string, at: string, extra: { status?: 'scheduled' | 'published'; networks?: ('instagram' | 'x')[] } = {}) =>
    t.atelier.call('posts.create', { clientId, title, at, networks: extra.networks ?? ['instagram'], ...(extra.status ? { status: extra.status } : {}) });
  return { paris, tokyo, add };
}

async function renderCalendar(view: CalendarView, anchor: string, clientId: string | null, language: 'en' | 'fr' = 'en') {
  useApp.setState({ clientId });
  const host = inProcessHost(t.atelier);
  const store = createCalendarStore(host, { firstDay: 1, view, anchor });
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <HostProvider host={host}>
        <CalendarScreen store={store} />
        <Toasts />
      </HostProvider>
    </I18nextProvider>,
  );
  await waitFor(() => expect(store.getState().loaded).toBe(true));
  return store;
}

const card = (id: string) => document.querySelector<HTMLElement>(`.calendar-main [data-post-id="${id}"]`)!;
/**
 * Where a card sits, as its style would say it: a browser with typed attr() places it from its
 * data attributes (calendar.css, 18 px a 15-minute row), others from a style attribute.
 */
function place(el: HTMLElement): { top: string; left: string; width: string } {
  if (el.dataset.minute === undefined) return { top: el.style.top, left: el.style.left, width: el.style.width };
  const [minute, col, cols] = [el.dataset.minute, el.dataset.col, el.dataset.cols].map(Number) as [number, number, number];
  return { top: `${(minute / 15) * 18}px`, left: `${(col * 100) / cols}%`, width: `calc(${100 / cols}% - 2px)` };
}
const slot = (date: string, index: number) => document.querySelector<HTMLElement>(`.hour-day[data-date="${date}"] [data-slot="${index}"]`)!;
const localTime = async (id: string) => (await t.atelier.call('posts.get', { id })).localTime;
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

/** A drag event carrying a post, at a height (happy-dom's own drag events have no pointer position). */
function dragEvent(type: 'dragover' | 'drop', postId: string, clientY: number): Event {
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, clientY });
  Object.defineProperty(event, 'dataTransfer', { value: { types: [DRAG_TYPE], getData: (t: string) => (t === DRAG_TYPE ? postId : '') } });
  return event;
}

describe('week and day views', () => {
  it('puts each post at its wall-clock time, and posts closer than a card share the width', async () => {
    // Today is before the shown week (the tab stop starts on today's column when today is in it).
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-20T12:00:00Z') });
    const { paris, tokyo, add } = await library();
    const a = await add(paris.id, 'Éclairs', '2026-12-10T09:30', { networks: ['instagram', 'x'] });
    const b = await add(tokyo.id, 'Ramen night', '2026-12-10T09:45');
    const c = await add(paris.id, 'Tartes', '2026-12-11T16:00', { status: 'scheduled' });
    await renderCalendar('week', '2026-12-10', null);
    await waitFor(() => expect(card(a.id)).toBeTruthy());

    // 09:30 is row 38 of 18 px; 09:45 in Tokyo's own clock is row 39; they overlap, so half each.
    expect(place(card(a.id)).top).toBe(`${38 * 18}px`);
    expect(place(card(b.id)).top).toBe(`${39 * 18}px`);
    expect([place(card(a.id)).left, place(card(b.id)).left]).toEqual(['0%', '50%']);
    expect(place(card(a.id)).width).toBe('calc(50% - 2px)');
    expect(place(card(c.id)).width).toBe('calc(100% - 2px)');
    expect(card(c.id).closest('[data-date]')!.getAttribute('data-date')).toBe('2026-12-11');
    // All clients: each card wears its client's colour; it says its status and networks.
    expect(getComputedStyle(card(a.id)).borderLeftColor).toBe('#16a34a');
    expect(getComputedStyle(card(b.id)).borderLeftColor).toBe('#dc2626');
    expect(card(a.id).textContent).toBe('9:30am Éclairs Draft');
    expect(card(c.id).querySelector('.post-status')!.textContent).toBe('Scheduled');
    expect(card(c.id).className).toContain('status-scheduled');
    expect(card(a.id).getAttribute('aria-label')).toBe('9:30am Éclairs Draft — Pâtisserie, Instagram, X');
    expect([...card(a.id).querySelectorAll('.net-mark[data-network]')].map((s) => s.getAttribute('data-network'))).toEqual(['instagram', 'x']);
    // Seven days of 96 slots (the week starts on Sunday in US English), one slot in the tab order:
    // the first post's time on the first day.
    expect([...document.querySelectorAll('.hour-day')].map((d) => d.getAttribute('data-date'))).toEqual(['2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12']);
    expect(document.querySelectorAll('.slot')).toHaveLength(7 * 96);
    expect([...document.querySelectorAll('.slot[tabindex="0"]')].map((s) => [s.closest('[data-date]')!.getAttribute('data-date'), s.getAttribute('data-slot')])).toEqual([['2026-12-06', '38']]);
    expect(slot('2026-12-06', 38).getAttribute('aria-label')).toBe('New post at 09:30 AM');
  });

  it('opens the day view from a day’s header, in French, with the day’s posts', async () => {
    const { paris, add } = await library();
    const a = await add(paris.id, 'Éclairs', '2026-12-10T09:30');
    const store = await renderCalendar('week', '2026-12-10', paris.id, 'fr');
    fireEvent.click(screen.getByTitle('Afficher la journée du jeudi 10 décembre'));
    await settle();
    expect(store.getState().view).toBe('day');
    expect(store.getState().anchor).toBe('2026-12-10');
    expect(screen.getByRole('button', { name: 'Jour', pressed: true })).toBeTruthy();
    expect(document.querySelectorAll('.hour-day')).toHaveLength(1);
    expect(card(a.id).textContent).toBe('9:30 Éclairs Brouillon');
    expect(slot('2026-12-10', 59).getAttribute('aria-label')).toBe('Nouvelle publication à 14:45');
    expect(screen.getByRole('group', { name: 'jeudi 10 décembre, 1 publication(s)' })).toBeTruthy();
  });

  it('shows today and a line at the time now, in the client’s zone', async () => {
    const { paris } = await library();
    const today = todayIn('Europe/Paris');
    await renderCalendar('week', today, paris.id);
    const column = document.querySelector<HTMLElement>(`.hour-day[data-date="${today}"]`)!;
    expect(column.className).toContain('today');
    expect(document.querySelectorAll('.hour-day.today')).toHaveLength(1);
    // Paris time, not the computer's (UTC here): once the client's zone is known the line moves there.
    await waitFor(() => {
      const line = column.querySelector<HTMLElement>('.now-line')!;
      const minutes = (Number.parseFloat(line.style.top) / 18) * 15;
      expect(Math.abs(minutes - minuteOfDay(nowIn('Europe/Paris')))).toBeLessThanOrEqual(1);
    });
    expect(document.querySelectorAll('.now-line')).toHaveLength(1);
  });
});

describe('an empty slot or day starts a new post', () => {
  it('asks the composer for the client, the day and the time of the clicked slot', async () => {
    const { paris } = await library();
    await renderCalendar('week', '2026-12-10', paris.id);
    fireEvent.click(slot('2026-12-11', 59));
    expect(useApp.getState().composer).toEqual({ kind: 'new', clientId: paris.id, date: '2026-12-11', time: '14:45' });
  });

  it('walks the slots with the arrows, and a slot reached by keyboard asks for its own time', async () => {
    const { paris } = await library();
    await renderCalendar('day', '2026-12-10', paris.id);
    const start = slot('2026-12-10', 32); // 08:00: an empty day opens there
    expect(start.tabIndex).toBe(0);
    act(() => start.focus());
    fireEvent.keyDown(start, { key: 'ArrowDown' });
    await settle();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await settle();
    expect(document.activeElement).toBe(slot('2026-12-10', 34));
    expect(slot('2026-12-10', 34).tabIndex).toBe(0);
    expect(start.tabIndex).toBe(-1);
    // ← and → stay inside the day view's one day, and do not turn the period.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    await settle();
    expect(document.activeElement).toBe(slot('2026-12-10', 34));
    fireEvent.click(document.activeElement!); // what Enter or Space does to a focused button
    expect(useApp.getState().composer).toEqual({ kind: 'new', clientId: paris.id, date: '2026-12-10', time: '08:30' });
  });

  it('in the month view: a click on an empty part of a day, or Enter on a focused day; no client in the all-clients view', async () => {
    const { paris, add } = await library();
    const a = await add(paris.id, 'Éclairs', '2027-03-10T09:30');
    await renderCalendar('month', '2027-03-10', null);
    const day = document.querySelector<HTMLElement>('[data-date="2027-03-15"]')!;
    fireEvent.click(day);
    expect(useApp.getState().composer).toEqual({ kind: 'new', clientId: null, date: '2027-03-15' });
    // A click on a card opens the card, not the composer.
    useApp.setState({ composer: null });
    fireEvent.click(card(a.id));
    expect(useApp.getState().composer).toBeNull();
    // A double-click on a card edits its post in the composer.
    fireEvent.doubleClick(card(a.id));
    expect(useApp.getState().composer).toEqual({ kind: 'edit', postId: a.id });
    useApp.setState({ composer: null });
    // The keyboard: the 1st is the month's stop in the tab order (today is another month); arrows walk the days.
    const first = document.querySelector<HTMLElement>('[data-date="2027-03-01"]')!;
    expect(first.tabIndex).toBe(0);
    expect(document.querySelectorAll('.day-cell[tabindex="0"]')).toHaveLength(1);
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await settle();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await settle();
    expect((document.activeElement as HTMLElement).dataset.date).toBe('2027-03-09');
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(useApp.getState().composer).toEqual({ kind: 'new', clientId: null, date: '2027-03-09' });
  });
});

describe('moving posts', () => {
  it('Alt+↓ and Alt+↑ move a focused card by 15 minutes, Alt+→ by a day (the view follows), and say where it went', async () => {
    const { paris, add } = await library();
    const a = await add(paris.id, 'Éclairs', '2026-12-12T09:30');
    const store = await renderCalendar('week', '2026-12-10', paris.id);
    act(() => card(a.id).focus());
    fireEvent.keyDown(card(a.id), { key: 'ArrowDown', altKey: true });
    await waitFor(async () => expect(await localTime(a.id)).toBe('2026-12-12T09:45'));
    await waitFor(() => expect(place(card(a.id)).top).toBe(`${39 * 18}px`));
    await waitFor(() => expect(screen.getByTestId('calendar-announcer').textContent).toBe('Moved “Éclairs” to Dec 12, 2026, 9:45 AM.'));
    expect(document.activeElement).toBe(card(a.id));
    // Two presses in a row: each starts from where the last one left the post.
    fireEvent.keyDown(card(a.id), { key: 'ArrowUp', altKey: true });
    fireEvent.keyDown(card(a.id), { key: 'ArrowUp', altKey: true });
    await waitFor(async () => expect(await localTime(a.id)).toBe('2026-12-12T09:15'));
    // Saturday the 12th ends the week: the next day is in the next week, which the view turns to.
    fireEvent.keyDown(card(a.id), { key: 'ArrowRight', altKey: true });
    await waitFor(async () => expect(await localTime(a.id)).toBe('2026-12-13T09:15'));
    await waitFor(() => expect(store.getState().anchor).toBe('2026-12-13'));
    await waitFor(() => expect(document.activeElement).toBe(card(a.id)));
    expect(card(a.id).closest('[data-date]')!.getAttribute('data-date')).toBe('2026-12-13');
    // Each move is its own undoable step.
    expect((await t.atelier.call('calendar.undoState', {})).undo?.text).toMatch(/^Move "Éclairs" to 2026-12-13 09:15/);
  });

  it('leaves a published post where it is and says so', async () => {
    const { paris, add } = await library();
    const a = await add(paris.id, 'Éclairs', '2026-12-10T09:30', { status: 'published' });
    await renderCalendar('day', '2026-12-10', paris.id);
    fireEvent.keyDown(card(a.id), { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(screen.getByTestId('calendar-announcer').textContent).toBe('“Éclairs” is published; it stays where it is.'));
    expect(await localTime(a.id)).toBe('2026-12-10T09:30');
  });

  it('drops a card on a slot at that time, and moves picked posts together by days and minutes', async () => {
    const { paris, add } = await library();
    const a = await add(paris.id, 'Éclairs', '2026-12-10T09:30');
    const b = await add(paris.id, 'Tartes', '2026-12-11T16:00');
    await renderCalendar('week', '2026-12-10', paris.id);
    const drop = async (id: string, date: string, row: number) => {
      const target = slot(date, row);
      // happy-dom lays nothing out: columns sit at y = 0, so the pointer's y is the row × 18 px.
      fireEvent(target, dragEvent('dragover', id, row * 18 + 9));
      expect(target.closest('.hour-day')!.className).toContain('dropping');
      fireEvent(target, dragEvent('drop', id, row * 18 + 9));
      await settle();
    };
    await drop(a.id, '2026-12-12', 59);
    await waitFor(async () => expect(await localTime(a.id)).toBe('2026-12-12T14:45'));
    expect(document.querySelector('.dropping')).toBeNull();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Moved “Éclairs” to Dec 12, 2026, 2:45 PM.'));

    // Both picked; dropping one a day earlier and 30 minutes later moves both by as much.
    fireEvent.click(card(a.id));
    fireEvent.click(card(b.id), { ctrlKey: true });
    await drop(b.id, '2026-12-10', 66); // 16:00 on the 11th → 16:30 on the 10th
    await waitFor(async () => expect(await localTime(b.id)).toBe('2026-12-10T16:30'));
    expect(await localTime(a.id)).toBe('2026-12-11T15:15');
  });

  it('drops an unscheduled draft from the side on a slot', async () => {
    const { paris } = await library();
    const draft = await t.atelier.call('posts.create', { clientId: paris.id, title: 'Idée' });
    await renderCalendar('day', '2026-12-10', paris.id);
    fireEvent(slot('2026-12-10', 45), dragEvent('drop', draft.id, 45 * 18 + 2));
    await waitFor(async () => expect(await localTime(draft.id)).toBe('2026-12-10T11:15'));
  });
});
