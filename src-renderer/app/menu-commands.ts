// The desktop app's native menu (View → Calendar… Settings) asks the renderer to switch screens
// through the `app.menuCommand` event; browser mode never sends it.
import { useEffect } from 'react';
import type { EventPayload } from '../../src-main/contract';
import type { HostClient } from '../host/client';
import { SCREENS, type Screen } from './store';

export function screenForCommand(command: EventPayload<'app.menuCommand'>['command']): Screen | null {
  const screen = command.startsWith('goto.') ? command.slice('goto.'.length) : '';
  return (SCREENS as readonly string[]).includes(screen) ? (screen as Screen) : null;
}

export function useMenuCommands(host: HostClient, go: (screen: Screen) => void): void {
  useEffect(
    () =>
      host.on('app.menuCommand', ({ command }) => {
        const screen = screenForCommand(command);
        if (screen) go(screen);
      }),
    [host, go],
  );
}
