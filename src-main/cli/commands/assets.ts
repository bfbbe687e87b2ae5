import type { Command } from 'commander';
import { AtelierError } from '../../core/errors';
import { ASSET_KINDS, formatBytes, type AssetKind } from '../../core/domain/assets';
import { withAtelier, type GlobalOptions } from '../context';
import { consoleOutput, formatTable, printJson } from '../output';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerAssetCommands(program: Command, globals: () => GlobalOptions): void {
  const assets = program.command('assets').description('the media library: images, logos and fonts');

  assets
    .command('import')
    .description('import files (type decided from the bytes); prints each asset id (its SHA-256) and size')
    .argument('<files...>', 'PNG, JPEG, WebP, GIF, AVIF, SVG, TTF, OTF, WOFF or WOFF2 files')
    .option('--client <id|name>', 'file the assets under this client')
    .option('--tag <tag>', 'add a tag (repeatable)', collect, [] as string[])
    .action(async (files: string[], opts: { client?: string; tag: string[] }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      await withAtelier(g, async (atelier) => {
        const clientId = opts.client ? (await atelier.call('clients.resolve', { idOrName: opts.client })).id : undefined;
        const results: unknown[] = [];
        let failed = 0;
        for (const file of files) {
          try {
            const { asset, duplicate } = await atelier.call('assets.importFile', { file, clientId, tags: opts.tag });
            results.push({ file, ok: true, id: asset.id, size: asset.size, duplicate });
            if (!output.json) output.out(`${asset.id}  ${String(asset.size).padStart(10)}  ${file}${duplicate ? '  (already in the library)' : ''}`);
          } catch (error) {
            if (!(error instanceof AtelierError)) throw error;
            failed++;
            results.push({ file, ok: false, error: error.toWire() });
            output.err(`atelier: ${error.message}`);
          }
        }
        if (output.json) printJson(output, results);
        if (failed > 0) process.exitCode = 1;
      });
    });

  assets
    .command('list')
    .description('list assets, newest first')
    .option('--client <id|name>', 'only this client’s assets')
    .option('--kind <kind>', `only one kind (${ASSET_KINDS.join(', ')})`)
    .option('--tag <tag>', 'only assets with this tag')
    .option('--search <text>', 'match name, tags or font family')
    .option('--unused', 'only assets nothing uses')
    .action(async (opts: { client?: string; kind?: string; tag?: string; search?: string; unused?: boolean }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      if (opts.kind && !ASSET_KINDS.includes(opts.kind as AssetKind)) {
        throw new AtelierError('invalid_input', `--kind ${opts.kind} is not a kind of asset (${ASSET_KINDS.join(', ')}).`);
      }
      await withAtelier(g, async (atelier) => {
        const clientId = opts.client ? (await atelier.call('clients.resolve', { idOrName: opts.client })).id : undefined;
        const list = await atelier.call('assets.list', { clientId, kind: opts.kind as AssetKind | undefined, tag: opts.tag, search: opts.search, unused: opts.unused });
        if (output.json) return printJson(output, list);
        if (list.length === 0) return output.out('No assets. Import some with: atelier assets import FILE...');
        output.out(
          formatTable(
            ['ID', 'KIND', 'SIZE', 'PIXELS', 'USED', 'NAME', 'TAGS'],
            list.map((a) => [
              a.id.slice(0, 12),
              a.kind === 'font' ? `font (${a.fontFamily ?? '?'})` : a.mime.replace('image/', ''),
              formatBytes(a.size),
              a.width ? `${a.width}×${a.height}` : '',
              String(a.usage.posts + a.usage.designs + a.usage.brandKits),
              a.name,
              a.tags.join(', '),
            ]),
          ),
        );
      });
    });

  assets
    .command('gc')
    .description('remove deleted, unreferenced assets past the grace period, and stray files')
    .option('--grace-days <n>', 'days a deleted asset stays restorable', '7')
    .action(async (opts: { graceDays: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      const graceDays = Number(opts.graceDays);
      if (!Number.isFinite(graceDays) || graceDays < 0) throw new AtelierError('invalid_input', `--grace-days ${opts.graceDays} is not a number of days (0 or more).`);
      await withAtelier(g, async (atelier) => {
        const report = await atelier.call('assets.gc', { graceDays });
        if (output.json) return printJson(output, report);
        output.out(`Removed ${report.removedAssets} deleted assets and ${report.removedFiles} files, freeing ${formatBytes(report.freedBytes)}.`);
        if (report.keptDeleted > 0) output.out(`${report.keptDeleted} deleted assets are kept: still restorable or still used.`);
      });
    });

  program
    .command('fonts')
    .description('fonts')
    .command('list')
    .description('bundled fonts (assets/fonts) and imported font assets')
    .option('--client <id|name>', 'put this client’s brand-kit fonts first')
    .action(async (opts: { client?: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      await withAtelier(g, async (atelier) => {
        const clientId = opts.client ? (await atelier.call('clients.resolve', { idOrName: opts.client })).id : undefined;
        const fonts = await atelier.call('fonts.list', { clientId });
        if (output.json) return printJson(output, fonts);
        if (fonts.length === 0) return output.out('No fonts found: no bundled fonts folder (assets/fonts) and no imported fonts.');
        output.out(
          formatTable(
            ['FAMILY', 'STYLE', 'SOURCE', 'FILE OR ASSET', 'BRAND KIT'],
            fonts.map((f) => [f.family, f.style, f.source, f.file ?? f.assetId?.slice(0, 12) ?? '', f.inBrandKit ? 'yes' : '']),
          ),
        );
      });
    });
}
