import type { Command } from 'commander';
import { AtelierError } from '../../core/errors';
import { isNetworkId, isPostStatus, NETWORKS, POST_STATUSES, type NetworkId, type PostStatus } from '../../core/domain/posts';
import { startOfLocalDay, wallClockToInstant } from '../../core/time/zones';
import { withAtelier, type GlobalOptions } from '../context';
import { consoleOutput, formatTable, printJson } from '../output';

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseNetworks(value: string | undefined): NetworkId[] {
  const names = splitList(value).map((s) => s.toLowerCase());
  const unknown = names.filter((n) => !isNetworkId(n));
  if (unknown.length) throw new AtelierError('invalid_input', `--network: unknown network ${unknown.join(', ')} (known: ${NETWORKS.join(', ')}).`);
  return names as NetworkId[];
}

export function parseStatuses(value: string | undefined): PostStatus[] {
  const names = splitList(value).map((s) => s.toLowerCase().replace(/[- ]/g, '_'));
  const unknown = names.filter((n) => !isPostStatus(n));
  if (unknown.length) throw new AtelierError('invalid_input', `--status: unknown status ${unknown.join(', ')} (valid: ${POST_STATUSES.join(', ')}).`);
  if (names.length === 0) throw new AtelierError('invalid_input', `--status needs at least one status (valid: ${POST_STATUSES.join(', ')}).`);
  return names as PostStatus[];
}

/** `--from`/`--to` take a date (YYYY-MM-DD), read in the client's zone (UTC without --client); `--to` includes that day. */
function dayBoundary(value: string | undefined, zone: string, flag: '--from' | '--to'): string | undefined {
  if (value === undefined) return undefined;
  const start = /^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfLocalDay(value, zone) : null;
  if (start === null) throw new AtelierError('invalid_input', `${flag} ${value} is not a date like 2026-12-01.`);
  if (flag === '--from') return new Date(start).toISOString();
  // The next local midnight: ask the zone again rather than adding 24 h (DST days are 23 or 25 h).
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const following = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return new Date(startOfLocalDay(following, zone)!).toISOString();
}

export function registerPostCommands(program: Command, globals: () => GlobalOptions): void {
  const posts = program.command('posts').description('manage posts');

  posts
    .command('add')
    .description('create a post')
    .requiredOption('--client <id|name>', 'client id or name')
    .requiredOption('--title <title>', 'post title')
    .option('--at <YYYY-MM-DDTHH:mm>', "when, in the client's wall-clock time")
    .option('--network <list>', 'networks, comma-separated (e.g. instagram,x)')
    .option('--caption <text>', 'master caption')
    .option('--status <status>', 'workflow status (default draft)')
    .action(async (opts: { client: string; title: string; at?: string; network?: string; caption?: string; status?: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      const networks = parseNetworks(opts.network);
      const [status] = opts.status ? parseStatuses(opts.status) : [];
      await withAtelier(g, async (atelier) => {
        const client = (await atelier.call('clients.resolve', { idOrName: opts.client }));
        const post = await atelier.call('posts.create', {
          clientId: client.id,
          title: opts.title,
          at: opts.at,
          networks,
          caption: opts.caption,
          status,
        });
        if (opts.at) {
          const resolved = wallClockToInstant(opts.at, client.timeZone);
          if (resolved?.resolution === 'shifted_forward') {
            output.err(`Note: ${opts.at} does not exist in ${client.timeZone} (the clocks go forward); scheduled at ${resolved.local}.`);
          } else if (resolved?.resolution === 'ambiguous_earlier') {
            output.err(`Note: ${opts.at} happens twice in ${client.timeZone} (the clocks go back); scheduled at the first one (${new Date(resolved.instantMs).toISOString()}).`);
          }
        }
        if (output.json) printJson(output, post);
        else output.out(`Created post "${post.title}" for ${client.name}${post.localTime ? ` at ${post.localTime} ${post.timeZone}` : ' (unscheduled)'} with id ${post.id}`);
      });
    });

  posts
    .command('list')
    .description('list posts')
    .option('--client <id|name>', 'only this client')
    .option('--from <date>', 'from this day (YYYY-MM-DD, in the client’s zone)')
    .option('--to <date>', 'up to and including this day')
    .option('--status <list>', 'only these statuses, comma-separated')
    .action(async (opts: { client?: string; from?: string; to?: string; status?: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      const statuses = opts.status ? parseStatuses(opts.status) : undefined;
      await withAtelier(g, async (atelier) => {
        const client = opts.client ? (await atelier.call('clients.resolve', { idOrName: opts.client })) : undefined;
        const zone = client?.timeZone ?? 'UTC';
        const list = await atelier.call('posts.list', {
          clientId: client?.id,
          from: dayBoundary(opts.from, zone, '--from'),
          to: dayBoundary(opts.to, zone, '--to'),
          status: statuses,
          includeUnscheduled: !opts.from && !opts.to,
        });
        if (output.json) return printJson(output, list);
        if (list.length === 0) return output.out('No posts match.');
        const names = new Map((await atelier.call('clients.list', {})).map((c) => [c.id, c.name]));
        output.out(
          formatTable(
            ['ID', 'CLIENT', 'LOCAL TIME', 'ZONE', 'STATUS', 'NETWORKS', 'TITLE'],
            list.map((p) => [
              p.id,
              names.get(p.clientId) ?? p.clientId,
              p.localTime?.replace('T', ' ') ?? 'unscheduled',
              p.timeZone,
              p.status,
              p.variants.map((v) => v.network).join(','),
              p.title,
            ]),
          ),
        );
      });
    });

  posts
    .command('images <id>')
    .description("render a post's designs to PNG files for publishing by hand (<library>/exports/posts/<id>/)")
    .action(async (id: string) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      await withAtelier(g, async (atelier) => {
        const { images, warnings } = await atelier.call('publishing.renderImages', { id });
        for (const w of warnings) output.err(`warning: ${w.text}`);
        if (output.json) return printJson(output, images);
        output.out(formatTable(['NETWORK', 'PAGE', 'SIZE', 'FILE'], images.map((i) => [i.network, i.page === null ? '' : String(i.page), `${i.width}×${i.height}`, i.path])));
      });
    });
}
