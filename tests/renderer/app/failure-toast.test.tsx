// A failure the person did not ask about (a background refresh) still reaches them: a toast in their
// language, once while it shows; and the stores hand such failures to the screen instead of dropping them.
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { useRefreshFailed } from '../../../src-renderer/app/failure-toast';
import { createI18n } from '../../../src-renderer/app/i18n';
import { useApp } from '../../../src-renderer/app/store';
import { createLibraryStore } from '../../../src-renderer/features/library/library-store';
import type { HostClient } from '../../../src-renderer/host/client';

afterEach(() => useApp.setState({ toasts: [] }));

describe('failure toasts', () => {
  it('says in French that the view could not be refreshed, with the reason, once while it shows', () => {
    const i18n = createI18n('fr');
    const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
    const { result } = renderHook(() => useRefreshFailed(), { wrapper });
    const error = new AtelierError('io_error', 'disk full');
    act(() => {
      result.current(error);
      result.current(error); // the same burst of change events fails the same way
    });
    const toasts = useApp.getState().toasts;
    expect(toasts).toHaveLength(1);
    expect(toasts[0]).toMatchObject({ tone: 'error' });
    expect(toasts[0]!.message).toMatch(/^Cet affichage n’a pas pu être actualisé\. La bibliothèque n’a pas pu être lue ou écrite\./);
  });

  it('the library store hands a failed refresh after assets.changed to its reporter', async () => {
    const handlers = new Map<string, () => void>();
    let failNext = false;
    const host: HostClient = {
      kind: 'memory',
      async invoke(method) {
        if (method !== 'assets.list') throw new Error(method);
        if (failNext) throw new AtelierError('io_error', 'The library could not be read.');
        return [] as never;
      },
      on: ((event: string, handler: () => void) => {
        handlers.set(event, handler);
        return () => handlers.delete(event);
      }) as unknown as HostClient['on'],
      upload: () => Promise.reject(new Error('no uploads in this test')),
    };
    const onRefreshError = vi.fn();
    const store = createLibraryStore(host, { onRefreshError });
    await store.getState().load();
    failNext = true;
    handlers.get('assets.changed')!();
    await vi.waitFor(() => expect(onRefreshError).toHaveBeenCalledTimes(1));
    expect(onRefreshError.mock.calls[0]![0]).toBeInstanceOf(AtelierError);
    expect(store.getState().loaded).toBe(true); // what was shown stays
  });
});
