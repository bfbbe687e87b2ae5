import { createAtelier, type Atelier } from '../../src-main/app';
import type { FileAccess } from '../../src-main/services/file-access';
import { manualClock, sequentialIds, tempDir } from './temp';

/** A real Atelier over a real SQLite file in a temp folder. */
export function testAtelier(options: { start?: number; fileAccess?: FileAccess } = {}) {
  const temp = tempDir();
  const clock = manualClock(options.start);
  const atelier: Atelier = createAtelier({ dataDir: temp.dir, host: 'test', clock, ids: sequentialIds(), fileAccess: options.fileAccess });
  return {
    atelier,
    clock,
    dir: temp.dir,
    cleanup() {
      atelier.close();
      temp.cleanup();
    },
  };
}
