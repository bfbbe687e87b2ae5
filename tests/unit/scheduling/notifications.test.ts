// The desktop notification for due posts speaks the UI's language (Settings, else the OS locale).
import { afterEach, describe, expect, it } from 'vitest';
import { createAtelier, type Atelier } from '../../../src-main/app';
import { noNativeShell, type NativeShell } from '../../../src-main/services/native';
import { tempDir } from '../../helpers/temp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function withNotifications(systemLocale: string) {
  const temp = tempDir();
  const shown: { title: string; body?: string }[] = [];
  const native: NativeShell = { ...noNativeShell('test'), kind: 'desktop', notify: (n) => (shown.push(n), true) };
  const atelier: Atelier = createAtelier({ dataDir: temp.dir, host: 'test', native, systemLocale });
  cleanups.push(() => (atelier.close(), temp.cleanup()));
  return { atelier, shown };
}

async function duePosts(atelier: Atelier, titles: string[]) {
  const client = await atelier.call('clients.create', { name: 'Boulangerie', timeZone: 'Europe/Paris' });
  const ids: string[] = [];
  for (const title of titles) ids.push((await atelier.call('posts.create', { clientId: client.id, title })).id);
  atelier.events.emit('post.due', { ids, clientIds: [client.id] });
}

describe('due notifications', () => {
  it('follow a French OS locale when Settings say "system"', async () => {
    const { atelier, shown } = withNotifications('fr-FR');
    await duePosts(atelier, ['Croissants', 'Baguettes']);
    expect(shown).toEqual([{ title: '2 publications sont à faire', body: 'Croissants\nBaguettes' }]);
  });

  it('follow the language chosen in Settings over the OS locale', async () => {
    const { atelier, shown } = withNotifications('fr-FR');
    await atelier.call('settings.update', { language: 'en' });
    await duePosts(atelier, ['Croissants']);
    expect(shown).toEqual([{ title: 'A post is due', body: 'Croissants' }]);
  });
});
