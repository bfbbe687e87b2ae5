import { createAtelier, type Atelier } from '../../src-main/app';
import { manualClock, sequentialIds, tempDir } from './temp';

/** A real Atelier over a real SQLite file in a temp folder. */
export function testAtelier(options: { start?: number } = {}) {
  const temp = tempDir();
  const clock = manualClock(options.start);
  const atelier: Atelier = createAtelier({ dataDir: temp.dir, host: 'test', clock, ids: sequentialIds() });
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
