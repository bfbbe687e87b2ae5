// A clean exit: let whoever holds unsaved work flush it (autosave, a running export writing its
// last file), then close the library (optimize, checkpoint the WAL, close). Every host calls
// `run()` once on its way out; running it twice waits for the first run.
export type BeforeCloseHook = () => void | Promise<void>;

export interface ShutdownOptions {
  /** Closes the library; runs after every hook has finished, failed or timed out. */
  close: () => void;
  /** How long one hook may take before the exit goes on without it. */
  hookTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export function createShutdown(options: ShutdownOptions) {
  const hooks = new Map<string, BeforeCloseHook>();
  const timeoutMs = options.hookTimeoutMs ?? 5000;
  const log = options.log ?? ((message, error) => console.error(`[atelier] ${message}`, error ?? ''));
  let running: Promise<void> | null = null;

  async function runHook(name: string, hook: BeforeCloseHook): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([Promise.resolve().then(hook), timeout]);
      if (outcome === 'timeout') log(`"${name}" did not finish within ${timeoutMs} ms before closing; closing anyway.`);
    } catch (error) {
      log(`"${name}" failed before closing; closing anyway.`, error);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    /** Registers work to finish before the library closes (e.g. "autosave"); returns an unregister function. */
    onBeforeClose(name: string, hook: BeforeCloseHook): () => void {
      if (hooks.has(name)) throw new Error(`A before-close hook named "${name}" is already registered.`);
      hooks.set(name, hook);
      return () => {
        hooks.delete(name);
      };
    },
    get started(): boolean {
      return running !== null;
    },
    run(): Promise<void> {
      running ??= (async () => {
        await Promise.all([...hooks].map(([name, hook]) => runHook(name, hook)));
        options.close();
      })();
      return running;
    },
  };
}

export type Shutdown = ReturnType<typeof createShutdown>;
