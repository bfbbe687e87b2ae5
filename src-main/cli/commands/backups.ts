import type { Command } from 'commander';
import path from 'node:path';
import { AtelierError } from '../../core/errors';
import { withAtelier, type GlobalOptions } from '../context';
import { consoleOutput, formatTable, printJson } from '../output';

export function registerBackupCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('backup')
    .description('back up the library now (checked copy; new asset files copied incrementally)')
    .option('--out <file>', 'write the database copy to this file instead of the backups folder')
    .option('--list', 'list the backups instead of making one')
    .action(async (opts: { out?: string; list?: boolean }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      await withAtelier(g, async (atelier) => {
        if (opts.list) {
          const { dir, backups } = await atelier.call('backups.list', {});
          if (output.json) return printJson(output, { dir, backups });
          if (backups.length === 0) return output.out(`No backups yet in ${dir}.`);
          output.out(formatTable(['FILE', 'KIND', 'CREATED', 'SIZE', 'SCHEMA'], backups.map((b) => [b.file, b.kind, b.createdAt, `${Math.ceil(b.size / 1024)} KB`, String(b.schemaVersion ?? '?')]), 60));
          return;
        }
        if (opts.out) {
          const made = await atelier.call('backups.create', { out: path.resolve(opts.out) });
          if (output.json) return printJson(output, { path: made.path, backup: made.backup });
          return output.out(`Backup written to ${made.path} (checked).`);
        }
        const made = await atelier.call('backups.create', {});
        if (output.json) return printJson(output, { backup: made.backup, assetsCopied: made.assetsCopied });
        output.out(`Backup ${made.backup.file} written to ${atelier.paths.backups} (checked); ${made.assetsCopied} new asset files copied.`);
      });
    });

  program
    .command('restore')
    .description('replace the library with a backup; the current database is kept aside, never overwritten')
    .argument('[file]', 'a backup file (a path, or a name from `atelier backup --list`)')
    .option('--latest', 'the newest backup that passes its check')
    .action(async (file: string | undefined, opts: { latest?: boolean }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      if (Boolean(file) === Boolean(opts.latest)) throw new AtelierError('invalid_input', 'Give either a backup file or --latest.');
      // A name from `atelier backup --list`, or else a path to a copy elsewhere. The contract's schemas
      // load with the app, not at the CLI's start.
      const { BackupFileName } = await import('../../contract/api/backups');
      const which = opts.latest ? { latest: true as const } : BackupFileName.safeParse(file).success ? { file: file! } : { path: path.resolve(file!) };
      await withAtelier(g, async (atelier) => {
        const result = await atelier.call('backups.restore', which);
        const after = await atelier.call('recovery.status', {});
        if (output.json) return printJson(output, { ...result, state: after.state });
        output.out(`Restored ${result.restored}.`);
        if (result.keptAside) output.out(`The previous database is kept at ${result.keptAside}.`);
        if (result.assetsRestored > 0) output.out(`${result.assetsRestored} asset files brought back.`);
        if (after.state !== 'ok') throw new AtelierError('io_error', `The restored library does not open: ${after.problem}`);
      });
    });
}
