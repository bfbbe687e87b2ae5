// The shared progress-with-cancel component and the undo toast, rendered in happy-dom.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../src-renderer/app/i18n';
import { useApp } from '../../../src-renderer/app/store';
import { ProgressWithCancel } from '../../../src-renderer/ui/Progress';
import { Toasts } from '../../../src-renderer/ui/Toasts';
import { undoToast } from '../../../src-renderer/ui/undo-toast';

afterEach(() => {
  cleanup();
  useApp.setState({ toasts: [] });
});

describe('ProgressWithCancel', () => {
  it('shows the share done as the language writes percentages, and cancels', () => {
    const onCancel = vi.fn();
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <ProgressWithCancel label="Export de 12 pages" value={0.25} onCancel={onCancel} />
      </I18nextProvider>,
    );
    const bar = screen.getByRole('progressbar', { name: 'Export de 12 pages' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.getAttribute('aria-valuetext')).toBe(new Intl.NumberFormat('fr', { style: 'percent' }).format(0.25));
    expect(screen.getByText(/25\s%\seffectués/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('is indeterminate while the total is unknown, and cannot be cancelled twice', () => {
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <ProgressWithCancel label="Importing" value={null} onCancel={() => undefined} cancelling />
      </I18nextProvider>,
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBeNull();
    expect(screen.getByText('Working…')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('undoToast', () => {
  it('puts an Undo button in a toast that runs the undo once and goes away', async () => {
    const undo = vi.fn();
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <Toasts />
      </I18nextProvider>,
    );
    undoToast('Page 2 deleted.', 'Undo', undo);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await vi.waitFor(() => expect(undo).toHaveBeenCalledOnce());
    expect(screen.queryByText('Page 2 deleted.')).toBeNull();
  });
});
