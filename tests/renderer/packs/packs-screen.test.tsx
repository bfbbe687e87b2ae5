// The Packs screen over a real in-process Atelier (real SQLite, real render workers), in happy-dom.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { existsSync, readdirSync } from 'node:fs';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../src-main/contract';
import { exportsDir } from '../../../src-main/services/packs';
import { HostProvider } from '../../../src-renderer/app/host-context';
import { createI18n } from '../../../src-renderer/app/i18n';
import { useApp } from '../../../src-renderer/app/store';
import { matchingPosts } from '../../../src-renderer/features/packs/matching-posts';
import { PacksScreen } from '../../../src-renderer/features/packs/PacksScreen';
import { Toasts } from '../../../src-renderer/ui/Toasts';
import { testAtelier } from '../../helpers/app';
import { inProcessHost } from '../../helpers/in-process-host';
import { seedPackLibrary } from '../../helpers/packs';

let t: ReturnType<typeof testAtelier>;
afterEach(() => {
  cleanup();
  t?.cleanup();
  useApp.setState({ toasts: [], clientId: null });
});

async function renderScreen(language: 'en' | 'fr' = 'en') {
  const seed = await seedPackLibrary(t.atelier);
  const clients = (await t.atelier.call('clients.list', {})) as Client[];
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <HostProvider host={inProcessHost(t.atelier)}>
        <PacksScreen clients={clients} />
        <Toasts />
      </HostProvider>
    </I18nextProvider>,
  );
  return seed;
}

describe('Packs screen', () => {
  it('lists the posts a period and statuses take, and lets the user leave some out', async () => {
    t = testAtelier();
    await renderScreen();
    expect(await screen.findByText('Posts in the pack: 4 of 4')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByLabelText('To (inclusive)'), { target: { value: '2026-12-15' } });
    expect(await screen.findByText('Posts in the pack: 2 of 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /Bûche de Noël/ }));
    expect(screen.getByText('Posts in the pack: 1 of 2')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export 1 post' })).toBeTruthy();
  });

  it('shows progress while exporting, and a cancel leaves no file', async () => {
    t = testAtelier();
    await renderScreen();
    await screen.findByText('Posts in the pack: 4 of 4');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export 4 posts' }));
    });
    expect(screen.getByRole('progressbar')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    });
    // Running renders stop between pages, so the cancel lands once each worker has started.
    expect(await screen.findByText(/The export was cancelled; no file was written/, undefined, { timeout: 20_000 })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    const dir = exportsDir(t.atelier.library);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  }, 30_000);

  it('speaks French', async () => {
    t = testAtelier();
    await renderScreen('fr');
    expect(await screen.findByText('Publications du dossier : 4 sur 4')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exporter 4 publications' })).toBeTruthy();
  });
});

describe('matchingPosts', () => {
  it('keeps unscheduled posts only without dates', () => {
    const base = { deletedAt: null, scheduledAt: null, title: 'a', status: 'draft' } as const;
    const posts = [
      { ...base, id: '1', localTime: null },
      { ...base, id: '2', localTime: '2026-12-03T09:00', scheduledAt: '2026-12-03T08:00:00.000Z' },
    ] as never[];
    expect(matchingPosts(posts, { from: '', to: '', statuses: [] }).map((p) => p.id)).toEqual(['2', '1']);
    expect(matchingPosts(posts, { from: '2026-12-01', to: '', statuses: [] }).map((p) => p.id)).toEqual(['2']);
    expect(matchingPosts(posts, { from: '', to: '', statuses: ['approved'] })).toEqual([]);
  });
});
