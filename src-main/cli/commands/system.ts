import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AtelierError } from '../../core/errors';
import { resolveDataDir } from '../../host/shared/data-dir';
import { withAtelier, type GlobalOptions } from '../context';
import { consoleOutput, printJson } from '../output';

export function registerSystemCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('doctor')
    .description('check the library: schema version, integrity, paths and counts')
    .action(async () => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      // A check never creates what it checks: a mistyped --data-dir must not become an empty "healthy" library.
      const { libraryPaths } = await import('../../services/library');
      const paths = libraryPaths(resolveDataDir(g.dataDir));
      if (!existsSync(paths.dataDir)) throw new AtelierError('not_found', `There is no library at ${paths.dataDir} (the folder does not exist). Check --data-dir; nothing was created.`);
      if (!existsSync(paths.database)) throw new AtelierError('not_found', `${paths.dataDir} holds no Atelier library (no ${path.basename(paths.database)}). Check --data-dir; nothing was created.`);
      await withAtelier(g, async (atelier) => {
        const report = await atelier.call('app.doctor', {});
        const status = atelier.status();
        if (output.json) printJson(output, { ...report, recovery: status });
        else {
          output.out(
            [
              `Library:        ${report.paths.dataDir}`,
              `Database:       ${report.paths.database}`,
              `Assets:         ${report.paths.assets}`,
              `Backups:        ${report.paths.backups}`,
              `Schema version: ${report.schemaVersion} (this Atelier: ${report.appSchemaVersion})`,
              `Integrity:      ${report.integrity}`,
              `Foreign keys:   ${report.foreignKeyProblems === 0 ? 'ok' : `${report.foreignKeyProblems} broken references`}`,
              ...Object.entries(report.counts).map(([k, v]) => `${`${k}:`.padEnd(16)}${v}`),
              `Last shutdown:  ${status.uncleanShutdown ? 'unclean (full checks ran)' : 'clean'}`,
              `Newest backup:  ${status.newestBackup ? `${status.newestBackup.file} (checked)` : 'none'}`,
              ...(status.state === 'ok' ? [] : [`Recovery:       needed. Run \`atelier restore --latest\` (the damaged file is kept aside).`]),
              report.ok ? 'All good.' : 'Problems found.',
            ].join('\n'),
          );
        }
        if (!report.ok) process.exitCode = 1;
      });
    });

  program
    .command('demo')
    .description('seed a demo library: two clients, a month of posts, a few designs')
    .action(async () => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      await withAtelier(g, async (atelier) => {
        const result = await atelier.call('app.seedDemo', {});
        if (output.json) printJson(output, result);
        else if (result.clients === 0) output.out(`The demo clients are already in this library; nothing was added.`);
        else output.out(`Demo library ready: ${result.clients} clients, ${result.posts} posts, ${result.designs} designs.${result.alreadyPresent ? ` (${result.alreadyPresent} demo client(s) were already here and were left as they are.)` : ''}`);
      });
    });
}
