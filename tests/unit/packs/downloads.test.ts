// Browser mode's pack downloads wait in <library>/exports; the maintenance job clears them after a week.
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOWNLOAD_RETENTION_MS } from '../../../src-main/services/packs/downloads';
import { safetyAtelierPerTest } from '../../helpers/safety';

const lib = safetyAtelierPerTest();

describe('browser-mode pack downloads', () => {
  it('and rendered post images are removed by the maintenance job after a week; recent ones and recovery exports stay', () => {
    const t = lib({ autoBackup: true, start: Date.now() });
    const dir = path.join(t.dir, 'exports');
    mkdirSync(dir, { recursive: true });
    const put = (name: string, ageMs: number) => {
      const file = path.join(dir, name);
      writeFileSync(file, 'PK');
      const at = (t.clock.now() - ageMs) / 1000;
      utimesSync(file, at, at);
      return file;
    };
    const old = put('acme-2026-10-01_2026-10-31-j1.zip', DOWNLOAD_RETENTION_MS + 60_000);
    const recent = put('acme-2026-11-01_2026-11-30-j2.zip', 60_000);
    const recovered = put('recovered-20261001T000000000Z.json', DOWNLOAD_RETENTION_MS * 4);
    const renderedFolder = (postId: string, ageMs: number) => {
      const folder = path.join(dir, 'posts', postId);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, '2026-10-01_croissants_instagram.png'), 'png');
      const at = (t.clock.now() - ageMs) / 1000;
      utimesSync(folder, at, at);
      return folder;
    };
    const oldImages = renderedFolder('p1', DOWNLOAD_RETENTION_MS + 60_000);
    const newImages = renderedFolder('p2', 60_000);
    t.timers.tick();
    expect([existsSync(old), existsSync(recent), existsSync(recovered)]).toEqual([false, true, true]);
    expect([existsSync(oldImages), existsSync(newImages)]).toEqual([false, true]);
  });
});
