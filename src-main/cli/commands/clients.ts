import type { Command } from 'commander';
import { withAtelier, type GlobalOptions } from '../context';
import { consoleOutput, formatTable, printJson } from '../output';

export function registerClientCommands(program: Command, globals: () => GlobalOptions): void {
  const clients = program.command('clients').description('manage clients');

  clients
    .command('add')
    .description('create a client')
    .requiredOption('--name <name>', 'client name')
    .requiredOption('--timezone <zone>', 'IANA time zone, e.g. Europe/Paris')
    .option('--color <hex>', 'colour, e.g. #4f46e5')
    .option('--notes <text>', 'private notes')
    .action(async (opts: { name: string; timezone: string; color?: string; notes?: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      await withAtelier(g, async (atelier) => {
        const client = await atelier.call('clients.create', { name: opts.name, timeZone: opts.timezone, color: opts.color, notes: opts.notes });
        if (output.json) printJson(output, client);
        else output.out(`Created client ${client.name} (${client.timeZone}) with id ${client.id}`);
      });
    });

  clients
    .command('list')
    .description('list clients')
    .option('--all', 'include deleted clients')
    .action(async (opts: { all?: boolean }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      await withAtelier(g, async (atelier) => {
        const list = await atelier.call('clients.list', { includeDeleted: Boolean(opts.all) });
        if (output.json) return printJson(output, list);
        if (list.length === 0) return output.out('No clients yet. Add one with: atelier clients add --name NAME --timezone ZONE');
        output.out(
          formatTable(
            ['ID', 'NAME', 'TIME ZONE', 'COLOUR', ...(opts.all ? ['DELETED'] : [])],
            list.map((c) => [c.id, c.name, c.timeZone, c.color, ...(opts.all ? [c.deletedAt ? 'yes' : ''] : [])]),
          ),
        );
      });
    });
}
