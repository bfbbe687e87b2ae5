import type { Command } from 'commander';
import { withAtelier, type GlobalOptions } from '../context';
import { consoleOutput, printJson } from '../output';

export function registerSystemCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('doctor')
    .description('check the library: schema version, integrity, paths and counts')
    .action(async () => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
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
        else output.out(`Demo library ready: ${result.clients} clients, ${result.posts} posts, ${result.designs} designs.`);
      });
    });
}
