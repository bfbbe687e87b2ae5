// The recovery screen and Settings → Backups, rendered in happy-dom over a real in-process Atelier
// (real SQLite, real backup files): a library whose database file is damaged on disk opens on the
// recovery screen, and what its buttons do is checked in the library afterwards.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { libraryPaths } from '../../../src-main/services/library';
import { HostProvider } from '../../../src-renderer/app/host-context';
import { createI18n } from '../../../src-renderer/app/i18n';
import { Root } from '../../../src-renderer/app/Root';
import { BackupsSection } from '../../../src-renderer/features/backups/BackupsSection';
import { inProcessHost } from '../../helpers/in-process-host';
import { safetyAtelierPerTest, scribble } from '../../helpers/safety';

const lib = safetyAtelierPerTest();
afterEach(cleanup);

/** A library with one client, a backup of it when asked, then its database header overwritten. */
async function damagedLibrary(options: { backup: boolean }) {
  const t = lib();
  await t.atelier.call('clients.create', { name: 'Acme Bakery', timeZone: 'Europe/Paris' });
  if (options.backup) await t.atelier.call('backups.create', {});
  t.atelier.close();
  scribble(libraryPaths(t.dir).database, 0, 64); // "file is not a database"
  const atelier = t.reopen();
  expect(atelier.status().state).toBe('recovery');
  return { t, atelier, host: inProcessHost(atelier) };
}

describe('recovery screen', () => {
  it('replaces the studio when the library is damaged and restores the newest backup', async () => {
    const { t, atelier, host } = await damagedLibrary({ backup: true });
    const damaged = readFileSync(libraryPaths(t.dir).database);
    const onRestored = vi.fn();
    render(<Root host={host} onRestored={onRestored} />);
    expect(await screen.findByRole('heading', { name: 'Your library needs attention' })).toBeTruthy();
    // The reason in the user's language, not the raw message with the database's path.
    expect(screen.getByText('This folder’s database is not an Atelier library.')).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' })));
    await waitFor(() => expect(onRestored).toHaveBeenCalled());
    // The library is back, with the client from the backup, and the damaged file was kept aside.
    expect(atelier.status().state).toBe('ok');
    expect((await atelier.call('clients.list', {})).map((c) => c.name)).toEqual(['Acme Bakery']);
    const aside = readdirSync(libraryPaths(t.dir).backups).find((f) => f.startsWith('atelier-kept-aside-'));
    expect(readFileSync(path.join(libraryPaths(t.dir).backups, aside!)).equals(damaged)).toBe(true);
  });

  it('exports what is readable and shows where, and says so when no backup passes its check', async () => {
    const { host } = await damagedLibrary({ backup: false });
    render(<Root host={host} />);
    expect(await screen.findByText(/No backup passes its check/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restore this backup' })).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export readable data' })));
    const saved = await screen.findByText(/^Saved to .+\.$/);
    const file = saved.textContent!.replace(/^Saved to /, '').replace(/\.$/, '');
    expect(existsSync(file)).toBe(true);
  });

  it('a failed restore says why and leaves the screen usable', async () => {
    const { t, host } = await damagedLibrary({ backup: true });
    render(<Root host={host} />);
    const button = await screen.findByRole('button', { name: 'Restore this backup' });
    // The backup the screen offered is gone by the time the user clicks.
    rmSync(libraryPaths(t.dir).backups, { recursive: true, force: true });
    await act(async () => fireEvent.click(button));
    expect((await screen.findByRole('alert')).textContent).toMatch(/No backup passes its check/);
    expect((screen.getByRole('button', { name: 'Restore this backup' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('Settings → Backups', () => {
  it('lists backups and restores one only after confirming', async () => {
    const t = lib();
    await t.atelier.call('clients.create', { name: 'In the backup', timeZone: 'UTC' });
    await t.atelier.call('backups.create', {});
    await t.atelier.call('clients.create', { name: 'Added later', timeZone: 'UTC' });
    const names = async () => (await t.atelier.call('clients.list', {})).map((c) => c.name).sort();
    const onRestored = vi.fn();
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <HostProvider host={inProcessHost(t.atelier)}>
          <BackupsSection onRestored={onRestored} />
        </HostProvider>
      </I18nextProvider>,
    );
    expect(await screen.findByText('Faite par vous')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Restaurer la sauvegarde du/ }));
    expect(screen.getByRole('heading', { name: 'Restaurer cette sauvegarde ?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(await names()).toEqual(['Added later', 'In the backup']);
    fireEvent.click(screen.getByRole('button', { name: /Restaurer la sauvegarde du/ }));
    await act(async () => fireEvent.click(screen.getAllByRole('button', { name: 'Restaurer' }).at(-1)!));
    await waitFor(() => expect(onRestored).toHaveBeenCalled());
    // The library is the backup's again.
    expect(await names()).toEqual(['In the backup']);
  });
});
