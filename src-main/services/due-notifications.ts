// Due reminders reach the OS as notifications where the host has them (the desktop app): the
// first three titles, in the UI's language (Settings, else the system locale).
import type { EventBus } from './events';
import type { NativeShell } from './native';
import { dueNotification, uiLanguage } from './notification-text';

export interface DueNotificationDeps {
  events: EventBus;
  native: Pick<NativeShell, 'notify'>;
  /** A post's title, or null when it is gone. */
  titleOf: (postId: string) => string | null;
  /** The language chosen in Settings (`system`, `en`, `fr`). */
  languageSetting: () => string | undefined;
  /** The OS locale, for when Settings say "system". */
  systemLocale: string;
}

/** Subscribes to `post.due`; returns what unsubscribes. */
export function notifyDuePosts(deps: DueNotificationDeps): () => void {
  return deps.events.subscribe((name, payload) => {
    if (name !== 'post.due') return;
    const ids = (payload as { ids: string[] }).ids;
    const titles = ids.slice(0, 3).map((id) => deps.titleOf(id) ?? id);
    deps.native.notify(dueNotification(uiLanguage(deps.languageSetting(), deps.systemLocale), titles, ids.length));
  });
}
