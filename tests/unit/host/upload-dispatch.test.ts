// Uploads go through the dispatcher like every call. Electron hands the bytes over IPC as a
// Uint8Array (structured clone), never a base64 string; browser mode's upload route stages the
// body in the library and imports it with `assets.importFile`, which a page may point only at an
// upload there.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { handleInvoke } from '../../../src-main/host/electron/ipc';
import { beginUpload, importsDir } from '../../../src-main/services/packs/uploads';
import { electronHost, type AtelierBridge } from '../../../src-renderer/host/electron';
import { testAtelier } from '../../helpers/app';
import { png } from '../library/fixtures';

const trusted = { senderFrame: { url: 'atelier://app/index.html', parent: null } };
let t: ReturnType<typeof testAtelier> | undefined;
afterEach(() => t?.cleanup());

/** The preload's bridge over a fake IPC: arguments are structured-cloned, as Electron does. */
function fakeIpcBridge(atelier: ReturnType<typeof testAtelier>['atelier'], seen: unknown[]): AtelierBridge {
  const invoke = handleInvoke(atelier.dispatch);
  return {
    version: 'test',
    invoke: async (method, input) => {
      const cloned: unknown = structuredClone(input);
      seen.push(cloned);
      return structuredClone(await invoke(trusted as never, method, cloned));
    },
    on: () => () => undefined,
  };
}

describe('Electron upload at the adapter boundary', () => {
  it('sends the bytes as a Uint8Array through assets.import and stores them content-addressed', async () => {
    t = testAtelier();
    const bytes = await png(20, 10);
    const seen: unknown[] = [];
    const host = electronHost(fakeIpcBridge(t.atelier, seen));
    const client = await t.atelier.call('clients.create', { name: 'Paris', timeZone: 'Europe/Paris' });

    const { asset, duplicate } = await host.upload(new Blob([new Uint8Array(bytes)]), { name: 'hero.png', clientId: client.id, tags: ['Launch'] });

    expect(seen).toHaveLength(1);
    const sent = seen[0] as Record<string, unknown>;
    expect(sent.bytes).toBeInstanceOf(Uint8Array);
    expect(Object.values(sent).some((v) => typeof v === 'string' && v.length > 100)).toBe(false); // no base64 anywhere
    expect(duplicate).toBe(false);
    expect(asset).toMatchObject({ id: createHash('sha256').update(bytes).digest('hex'), name: 'hero.png', width: 20, height: 10, clientId: client.id, tags: ['launch'] });
    expect((await t.atelier.call('assets.list', {})).map((a) => a.id)).toEqual([asset.id]);
  });

  it('answers a bad upload with a clear error naming the field, storing nothing', async () => {
    t = testAtelier();
    const host = electronHost(fakeIpcBridge(t.atelier, []));
    await expect(host.invoke('assets.import', { name: 'x.png', dataBase64: 'iVBORw==' } as never)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/bytes/) });
    await expect(host.upload(new Blob([]), { name: 'empty.png' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/bytes.*empty/) });
    await expect(host.upload(new Blob([new Uint8Array([1, 2, 3])]), { name: 'noise.png' })).rejects.toMatchObject({ code: 'unsupported' });
    expect(await t.atelier.call('assets.list', {})).toEqual([]);
  });
});

describe('assets.importFile', () => {
  it('in browser mode reads only an upload in the library, and names the file as uploaded', async () => {
    t = testAtelier({ fileAccess: 'library' });
    const outside = path.join(t.dir, 'outside.png');
    writeFileSync(outside, await png());
    await expect(t.atelier.call('assets.importFile', { file: outside })).rejects.toMatchObject({ code: 'unauthorized', reason: { key: 'browserMode.pathRefused' } });

    const upload = beginUpload(t.dir, 'bin');
    mkdirSync(importsDir(t.dir), { recursive: true });
    writeFileSync(upload.file, await png(30, 30));
    try {
      const { asset } = await t.atelier.call('assets.importFile', { file: upload.file, name: 'from the page.png', tags: ['web'] });
      expect(asset).toMatchObject({ name: 'from the page.png', width: 30, tags: ['web'] });
      writeFileSync(upload.file, 'not an image');
      const refused = await t.atelier.call('assets.importFile', { file: upload.file, name: 'broken.png' }).then(() => new Error('imported'), (e: Error) => e);
      expect(refused.message).toContain('"broken.png"');
      expect(refused.message).not.toContain(upload.file);
    } finally {
      upload.done();
    }
  });

  it('on the desktop and the CLI reads the path given, naming it in errors', async () => {
    t = testAtelier();
    const file = path.join(t.dir, 'logo.png');
    writeFileSync(file, await png(12, 12));
    expect((await t.atelier.call('assets.importFile', { file })).asset).toMatchObject({ name: 'logo.png', width: 12 });
    await expect(t.atelier.call('assets.importFile', { file: path.join(t.dir, 'missing.png') })).rejects.toThrow(/missing\.png/);
  });
});
