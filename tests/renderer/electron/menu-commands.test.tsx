// A native menu item switches the screen in the renderer.
import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { HostClient } from '../../../src-renderer/host/client';
import { screenForCommand, useMenuCommands } from '../../../src-renderer/app/menu-commands';

function fakeHost() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const host = {
    kind: 'electron',
    invoke: vi.fn(),
    on: vi.fn((event: string, callback: (payload: unknown) => void) => {
      listeners.set(event, callback);
      return () => listeners.delete(event);
    }),
  } as unknown as HostClient;
  return { host, emit: (event: string, payload: unknown) => listeners.get(event)?.(payload), listeners };
}

describe('menu commands', () => {
  it.each([
    ['goto.calendar', 'calendar'],
    ['goto.settings', 'settings'],
    ['goto.clients', 'clients'],
  ] as const)('%s opens %s', (command, screen) => {
    expect(screenForCommand(command)).toBe(screen);
  });

  it('switches the screen when the menu asks, and stops listening on unmount', () => {
    const { host, emit, listeners } = fakeHost();
    const go = vi.fn();
    const { unmount } = renderHook(() => useMenuCommands(host, go));
    emit('app.menuCommand', { command: 'goto.library' });
    expect(go).toHaveBeenCalledWith('library');
    unmount();
    expect(listeners.size).toBe(0);
  });
});
