import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RecoveryStatus } from '../../../src-main/contract/api/recovery';
import { AtelierError } from '../../../src-main/contract/errors';
import { Root } from '../../../src-renderer/app/Root';
import type { HostClient } from '../../../src-renderer/host/client';
import { HostProvider } from '../../../src-renderer/app/host-context';
import { createI18n } from '../../../src-renderer/app/i18n';
import { I18nextProvider } from 'react-i18next';
import { BackupsSection } from '../../../src-renderer/features/backups/BackupsSection';

afterEach(cleanup);

const backup = { file: 'atelier-manual-20261201T090000000Z.db', kind: 'manual' as const, createdAt: '2026-12-01T09:00:00.000Z', size: 120_000, schemaVersion: 1 };

function fakeHost(answers: Record<string, (input: unknown) => unknown>): HostClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    kind: 'memory',
    upload: () => Promise.reject(new Error('the recovery screen uploads nothing')),
    calls,
    async invoke(method: string, input: unknown) {
      calls.push(method);
      const answer = answers[method];
      if (!answer) throw new AtelierError('io_error', 'The library needs recovery.');
      return answer(input);
    },
    on: () => () => undefined,
  } as never;
}

describe('recovery screen', () => {
  const damaged: RecoveryStatus = { state: 'recovery', problem: 'The library database atelier.db is damaged (Tree 4 page 4: invalid page).', problemReason: null, uncleanShutdown: true, check: 'full', newestBackup: backup };

  it('replaces the studio when the library is damaged and restores the newest backup', async () => {
    const onRestored = vi.fn();
    const host = fakeHost({
      'recovery.status': () => damaged,
      'settings.get': () => ({ language: 'en', theme: 'system' }),
      'recovery.restoreLatest': () => ({ restored: backup.file, keptAside: '/lib/backups/atelier-kept-aside.db', assetsRestored: 0 }),
    });
    render(<Root host={host} onRestored={onRestored} />);
    expect(await screen.findByRole('heading', { name: 'Your library needs attention' })).toBeTruthy();
    expect(screen.getByText(/invalid page/)).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(host.calls).not.toContain('clients.list');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' })));
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
    expect(host.calls).toContain('recovery.restoreLatest');
  });

  it('exports what is readable and shows where, and says so when no backup passes its check', async () => {
    const host = fakeHost({
      'recovery.status': () => ({ ...damaged, newestBackup: null }),
      'settings.get': () => ({ language: 'en', theme: 'system' }),
      'recovery.export': () => ({ file: '/lib/exports/recovered-1.json', rows: { clients: 2 }, unreadable: ['posts'] }),
    });
    render(<Root host={host} />);
    expect(await screen.findByText(/No backup passes its check/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restore this backup' })).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export readable data' })));
    expect(await screen.findByText('Saved to /lib/exports/recovered-1.json.')).toBeTruthy();
  });

  it('a failed restore says why and leaves the screen usable', async () => {
    const host = fakeHost({
      'recovery.status': () => damaged,
      'recovery.restoreLatest': () => {
        throw new AtelierError('conflict', 'Atelier is still open in another window.');
      },
    });
    render(<Root host={host} />);
    const button = await screen.findByRole('button', { name: 'Restore this backup' });
    await act(async () => fireEvent.click(button));
    expect((await screen.findByRole('alert')).textContent).toMatch(/still open in another window/);
    expect((screen.getByRole('button', { name: 'Restore this backup' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('Settings → Backups', () => {
  it('lists backups and restores one only after confirming', async () => {
    const onRestored = vi.fn();
    const restore = vi.fn(() => ({ restored: backup.file, keptAside: '/lib/backups/kept.db', assetsRestored: 0 }));
    const host = fakeHost({ 'backups.list': () => ({ dir: '/lib/backups', backups: [backup] }), 'backups.restore': restore });
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <HostProvider host={host}>
          <BackupsSection onRestored={onRestored} />
        </HostProvider>
      </I18nextProvider>,
    );
    expect(await screen.findByText('Faite par vous')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Restaurer la sauvegarde du/ }));
    expect(screen.getByRole('heading', { name: 'Restaurer cette sauvegarde ?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(restore).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /Restaurer la sauvegarde du/ }));
    await act(async () => fireEvent.click(screen.getAllByRole('button', { name: 'Restaurer' }).at(-1)!));
    await waitFor(() => expect(onRestored).toHaveBeenCalled());
    expect(restore).toHaveBeenCalledWith({ file: backup.file });
  });
});
