// The Clients screen over a real in-process Atelier (real SQLite), rendered in happy-dom.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-renderer/app/i18n';
import { useApp } from '../../../src-renderer/app/store';
import { ClientsScreen } from '../../../src-renderer/features/clients/ClientsScreen';
import { createClientsStore } from '../../../src-renderer/features/clients/clients-store';
import { Toasts } from '../../../src-renderer/ui/Toasts';
import { testAtelier } from '../../helpers/app';
import { inProcessHost } from '../../helpers/in-process-host';

let t: ReturnType<typeof testAtelier>;
afterEach(() => {
  cleanup();
  t?.cleanup();
  useApp.setState({ toasts: [] });
});

function renderScreen(language: 'en' | 'fr' = 'en') {
  const store = createClientsStore(inProcessHost(t.atelier));
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <ClientsScreen store={store} />
      <Toasts />
    </I18nextProvider>,
  );
  return store;
}

describe('Clients screen', () => {
  it('says what to do when there are no clients', async () => {
    t = testAtelier();
    renderScreen();
    expect(await screen.findByText('No clients yet')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'New client' }).length).toBeGreaterThan(0);
  });

  it('creates a client and lists it with its local time', async () => {
    t = testAtelier();
    renderScreen();
    fireEvent.click((await screen.findAllByRole('button', { name: 'New client' }))[0]!);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Acme' } });
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Asia/Tokyo' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create client' }));
    });
    expect(await screen.findByRole('button', { name: 'Rename Acme' })).toBeTruthy();
    expect((await t.atelier.call('clients.list', {})).map((c) => c.timeZone)).toEqual(['Asia/Tokyo']);
    expect(screen.getByText(/Local time:/)).toBeTruthy();
  });

  it('refuses a nameless client without calling the library', async () => {
    t = testAtelier();
    renderScreen();
    fireEvent.click((await screen.findAllByRole('button', { name: 'New client' }))[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Create client' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the client a name.');
    expect(await t.atelier.call('clients.list', {})).toEqual([]);
  });

  it('deletes after confirmation and brings the client back with Undo', async () => {
    t = testAtelier();
    await t.atelier.call('clients.create', { name: 'Harbor', timeZone: 'America/New_York' });
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Harbor' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Rename Harbor' })).toBeNull());
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    });
    expect(await screen.findByRole('button', { name: 'Rename Harbor' })).toBeTruthy();
    expect((await t.atelier.call('clients.list', {})).map((c) => c.name)).toEqual(['Harbor']);
  });

  it('updates when another window adds a client', async () => {
    t = testAtelier();
    renderScreen();
    await screen.findByText('No clients yet');
    await act(async () => {
      await t.atelier.call('clients.create', { name: 'Elsewhere', timeZone: 'UTC' });
    });
    expect(await screen.findByRole('button', { name: 'Rename Elsewhere' })).toBeTruthy();
  });

  it('is in French when the app is', async () => {
    t = testAtelier();
    renderScreen('fr');
    expect(await screen.findByText('Aucun client pour l’instant')).toBeTruthy();
  });
});
