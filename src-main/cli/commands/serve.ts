import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { AtelierError } from '../../core/errors';
import { resolveDataDir } from '../../host/shared/data-dir';
import type { GlobalOptions } from '../context';
import { consoleOutput } from '../output';
import { rendererDir } from '../paths';

/** Best effort: a missing opener (no desktop, no xdg-open) is not an error. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // ignore
  }
}

export function registerServeCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('run the studio in your browser (browser mode)')
    .option('--port <n>', 'port (default: any free port)', '0')
    .option('--host <host>', 'address to listen on (loopback only)', '127.0.0.1')
    .option('--no-open', 'do not open a browser')
    .action(async (opts: { port: string; host: string; open: boolean }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AtelierError('invalid_input', `--port ${opts.port} is not a port number (0–65535).`);
      // Loaded here, not at the CLI's start: every other command (and `--help`) starts without them.
      const [{ createAtelier }, { startWebHost }] = await Promise.all([import('../../app'), import('../../host/web/server')]);
      const atelier = createAtelier({ dataDir: resolveDataDir(g.dataDir), host: 'web', watchExternalChanges: true, autoBackup: true });
      let host;
      try {
        host = await startWebHost({ atelier, rendererDir: rendererDir(), port, host: opts.host });
      } catch (error) {
        atelier.close();
        throw error;
      }
      if (output.json) output.out(JSON.stringify({ url: host.url, port: host.port, dataDir: atelier.paths.dataDir, state: atelier.status().state }));
      else {
        output.out(`Atelier is running at ${host.url}`);
        output.out(`Library: ${atelier.paths.dataDir}`);
        const status = atelier.status();
        if (status.state !== 'ok') output.out(`The library needs recovery (${status.problem}); open the address above to restore a backup.`);
        output.out('Press Ctrl+C to stop.');
      }
      if (opts.open) openBrowser(host.url);
      // Ctrl+C reaches this process more than once: from the terminal (the whole foreground group
      // gets it) and again from `npm start`'s launcher. Only the first one counts; the later ones
      // must not kill the process halfway through the quit backup and the WAL checkpoint.
      let stopping = false;
      await new Promise<void>((resolve) => {
        const stop = () => {
          if (stopping) return;
          stopping = true;
          if (!output.json) output.out('Stopping: backing up and closing the library…');
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await host.close();
      await atelier.shutdown(); // before-close hooks (autosave flush, …), then the quit backup and the library closes
      if (!output.json) output.out('Atelier stopped; the library is backed up and closed.');
    });
}
