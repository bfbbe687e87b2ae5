// Entry of the Electron main process (out/main/index.cjs). Everything is in desktop.ts, so tests
// can run it with a mocked 'electron'.
import { runDesktop } from './desktop';

runDesktop();
