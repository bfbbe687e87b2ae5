// The studio keeps your place: the screen, the client and the calendar's view and period survive a
// visit to another screen and a reload. The whole studio (Root) over a real in-process Atelier; a
// reload is a fresh copy of every module (vi.resetModules) reading the same localStorage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepPlace, PLACE_KEY, readPlace, savePlace } from '../../../src-renderer/app/place';
import { testAtelier } from '../../helpers/app';
import { inProcessHost } from '../../helpers/in-process-host';

let t: ReturnType<typeof testAtelier> | undefined;
let unmount: (() => void) | undefined;

beforeEach(() => localStorage.clear());
afterEach(() => {
  unmount?.();
  unmount = undefined;
  t?.cleanup();
  t = undefined;
  localStorage.clear();
});

/** The studio as a page load starts it: fresh modules (so the app store reads localStorage again). */
async function loadStudio() {
  unmount?.();
  vi.resetModules();
  const rtl = await import('@testing-library/react');
  const { Root } = await import('../../../src-renderer/app/Root');
  const { useApp } = await import('../../../src-renderer/app/store');
  const view = rtl.render(<Root host={inProcessHost(t!.atelier)} />);
  unmount = () => {
    view.unmount();
    rtl.cleanup();
  };
  await rtl.screen.findByRole('navigation');
  return { ...rtl, useApp };
}

describe('the stored place', () => {
  it('reads back what was saved, field by field, and drops what is not valid any more', () => {
    savePlace({ screen: 'calendar', clientId: 'c1', calendarView: 'week', calendarAnchor: '2026-12-10' });
    expect(readPlace()).toEqual({ screen: 'calendar', clientId: 'c1', calendarView: 'week', calendarAnchor: '2026-12-10' });
    // A screen from another version, a view that does not exist, a date that is not one: each is dropped alone.
    localStorage.setItem(PLACE_KEY, JSON.stringify({ screen: 'reports', clientId: 'c1', calendarView: 'year', calendarAnchor: '2026-02-30' }));
    expect(readPlace()).toEqual({ clientId: 'c1' });
    localStorage.setItem(PLACE_KEY, '{not json');
    expect(readPlace()).toEqual({});
    localStorage.setItem(PLACE_KEY, JSON.stringify(['calendar']));
    expect(readPlace()).toEqual({});
    // Saving merges with what is there.
    savePlace({ screen: 'library' });
    savePlace({ calendarView: 'day' });
    expect(readPlace()).toEqual({ screen: 'library', calendarView: 'day' });
  });

  it('is written whenever the screen, the client, the view or the period changes', () => {
    const listeners: ((s: never, p: never) => void)[] = [];
    const fake = <T,>(state: T) => ({ state, getState: () => state, subscribe: (l: (s: T, p: T) => void) => (listeners.push(l as never), () => undefined) });
    const app = fake({ screen: 'clients' as const, clientId: null as string | null });
    const calendar = fake({ view: 'month' as const, anchor: '2026-12-10' });
    keepPlace(app as never, calendar as never);
    listeners[0]!({ screen: 'calendar', clientId: 'c2' } as never, { screen: 'clients', clientId: null } as never);
    listeners[1]!({ view: 'day', anchor: '2026-12-11' } as never, { view: 'month', anchor: '2026-12-10' } as never);
    expect(readPlace()).toEqual({ screen: 'calendar', clientId: 'c2', calendarView: 'day', calendarAnchor: '2026-12-11' });
  });
});

describe('the studio keeps your place', () => {
  it('across screens and a reload: the calendar, its client, view and period', { timeout: 30_000 }, async () => {
    t = testAtelier();
    const paris = await t.atelier.call('clients.create', { name: 'Pâtisserie', timeZone: 'Europe/Paris' });
    await t.atelier.call('clients.create', { name: 'Ramen', timeZone: 'Asia/Tokyo' });
    let studio = await loadStudio();
    const { fireEvent, screen, waitFor, act } = studio;
    fireEvent.click(screen.getByRole('button', { name: 'Calendar' }));
    fireEvent.change(await screen.findByLabelText('Client'), { target: { value: paris.id } });
    await screen.findByText('Pâtisserie — times in Europe/Paris');
    fireEvent.click(screen.getByRole('button', { name: 'Week' }));
    const period = () => document.querySelector('.calendar-period')!.textContent;
    const before = period();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(period()).not.toBe(before));
    const shown = period();
    const days = () => [...document.querySelectorAll('.hour-day')].map((d) => d.getAttribute('data-date'));
    const week = days();
    expect(week).toHaveLength(7);

    // Another screen and back: the same week, still in the week view.
    fireEvent.click(screen.getByRole('button', { name: 'Library' }));
    await waitFor(() => expect(document.querySelector('.calendar-screen')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Calendar' }));
    await waitFor(() => expect(days()).toEqual(week));
    expect(screen.getByRole('button', { name: 'Week', pressed: true })).toBeTruthy();
    expect(period()).toBe(shown);

    // A reload: the calendar again, the client, the week.
    studio = await loadStudio();
    await studio.waitFor(() => expect(document.querySelectorAll('.hour-day')).toHaveLength(7));
    expect([...document.querySelectorAll('.hour-day')].map((d) => d.getAttribute('data-date'))).toEqual(week);
    expect(studio.screen.getByRole('button', { name: 'Calendar' }).getAttribute('aria-current')).toBe('page');
    expect((studio.screen.getByLabelText('Client') as HTMLSelectElement).value).toBe(paris.id);
    expect(studio.screen.getByText('Pâtisserie — times in Europe/Paris')).toBeTruthy();
    await act(() => new Promise((r) => setTimeout(r, 0)));
  });

  it('forgets a client deleted since, without an error, and keeps the rest of the place', async () => {
    t = testAtelier();
    const paris = await t.atelier.call('clients.create', { name: 'Pâtisserie', timeZone: 'Europe/Paris' });
    await t.atelier.call('clients.create', { name: 'Ramen', timeZone: 'Asia/Tokyo' });
    savePlace({ screen: 'calendar', clientId: paris.id, calendarView: 'day', calendarAnchor: '2027-01-06' });
    await t.atelier.call('clients.delete', { id: paris.id });
    const { screen, waitFor, useApp } = await loadStudio();
    await waitFor(() => expect(document.querySelector('.hour-grid-day [data-date="2027-01-06"]')).toBeTruthy());
    expect((screen.getByLabelText('Client') as HTMLSelectElement).value).toBe('');
    expect(useApp.getState().clientId).toBeNull();
    expect(screen.getByText('All clients, each in its own time zone')).toBeTruthy();
    expect(useApp.getState().toasts.filter((toast) => toast.tone === 'error')).toEqual([]);
    expect(readPlace().clientId).toBeNull();
  });

  it('opens an empty library on the welcome, wherever the last visit ended', async () => {
    t = testAtelier();
    savePlace({ screen: 'library', calendarView: 'week' });
    const { screen } = await loadStudio();
    expect(await screen.findByRole('heading', { name: 'Welcome to Atelier' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clients' }).getAttribute('aria-current')).toBe('page');
  });
});
