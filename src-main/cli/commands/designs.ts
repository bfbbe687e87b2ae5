// `atelier render` and `atelier designs …`: headless export through the render worker pool.
import type { Command } from 'commander';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AtelierError } from '../../core/errors';
import type { DesignDocument } from '../../core/design';
import type { RenderJob } from '../../render/jobs';
import { resolveDataDir } from '../../host/shared/data-dir';
import { withAtelier, type CliAtelier, type GlobalOptions } from '../context';
import { consoleOutput, formatTable, printJson } from '../output';

/** The library's imported fonts a design uses, as files the render worker registers. */
async function libraryFontFiles(atelier: CliAtelier, doc: DesignDocument): Promise<RenderJob['fonts']> {
  const { fontFilesAmong } = await import('../../services/design-fonts');
  return fontFilesAmong(atelier.paths.assets, await atelier.call('assets.list', { kind: 'font' }), doc);
}

interface RenderOpts {
  design?: string;
  page?: string;
  all?: boolean;
  pdf?: boolean;
  scale: string;
  format: string;
  quality: string;
  transparent?: boolean;
  out: string;
}

async function readDocumentFile(file: string): Promise<DesignDocument> {
  const { DesignDocumentError, parseDesign } = await import('../../core/design');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AtelierError('io_error', `Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AtelierError('invalid_input', `${file} is not JSON (${(error as Error).message}).`);
  }
  try {
    return parseDesign(json);
  } catch (error) {
    if (error instanceof DesignDocumentError) throw new AtelierError('invalid_input', `${file}: ${error.message}`, { issues: error.issues });
    throw error;
  }
}

/** Output names: PATH as given for one page or a PDF; PATH-01.png, PATH-02.png… for all pages. */
export function outputNames(out: string, pages: number[], ext: string): string[] {
  if (pages.length === 1) return [out];
  const parsed = path.parse(out);
  const stem = path.join(parsed.dir, parsed.ext ? parsed.name : parsed.base);
  const width = Math.max(2, String(pages.length).length);
  return pages.map((p) => `${stem}-${String(p + 1).padStart(width, '0')}.${ext}`);
}

export function registerDesignCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('render')
    .description('render a design to PNG/JPEG (one page or all) or a PDF of all pages')
    .argument('[file]', 'a design JSON file (or use --design ID)')
    .option('--design <id>', 'a design in the library')
    .option('--page <n>', 'page number, from 1', '1')
    .option('--all', 'every page, as numbered files')
    .option('--pdf', 'one PDF with every page')
    .option('--scale <s>', '1, 2 or 3', '1')
    .option('--format <f>', 'png or jpeg', 'png')
    .option('--quality <q>', 'JPEG quality 1–100', '90')
    .option('--transparent', 'no page background (PNG)')
    .requiredOption('--out <path>', 'output file (numbered with --all)')
    .action(async (file: string | undefined, opts: RenderOpts) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      if (!file === !opts.design) throw new AtelierError('invalid_input', 'Give either a design JSON file or --design ID (not both).');
      const format = opts.format.toLowerCase() === 'jpg' ? 'jpeg' : opts.format.toLowerCase();
      if (format !== 'png' && format !== 'jpeg') throw new AtelierError('invalid_input', `--format must be png or jpeg, not "${opts.format}".`);
      const scale = Number(opts.scale);
      if (!(scale > 0 && scale <= 4)) throw new AtelierError('invalid_input', `--scale must be a number from 0.1 to 4, not "${opts.scale}".`);
      const quality = Number(opts.quality);
      if (!(Number.isInteger(quality) && quality >= 1 && quality <= 100)) throw new AtelierError('invalid_input', `--quality must be 1–100, not "${opts.quality}".`);
      const pageNo = Number(opts.page);
      if (!(Number.isInteger(pageNo) && pageNo >= 1)) throw new AtelierError('invalid_input', `--page must be a page number from 1, not "${opts.page}".`);

      // What rendering needs is loaded here, not at the CLI's start (build.mjs splits the bundle).
      const [{ parseDesign }, { libraryPaths }, { createRenderPool, RenderJobError }] = await Promise.all([
        import('../../core/design'),
        import('../../services/library'),
        import('../../render/pool'),
      ]);
      let doc: DesignDocument;
      let assetsDir: string | undefined;
      // Imported fonts the design uses come from the library, like its photos.
      let fonts: RenderJob['fonts'];
      if (opts.design) {
        [doc, fonts] = await withAtelier(g, async (atelier) => {
          const d = parseDesign((await atelier.call('designs.get', { id: opts.design! })).document);
          return [d, await libraryFontFiles(atelier, d)] as const;
        });
        assetsDir = libraryPaths(resolveDataDir(g.dataDir)).assets;
      } else {
        doc = await readDocumentFile(file!);
        if (g.dataDir || process.env.ATELIER_DATA_DIR) {
          assetsDir = libraryPaths(resolveDataDir(g.dataDir)).assets;
          const d = doc;
          fonts = await withAtelier(g, (atelier) => libraryFontFiles(atelier, d));
        }
      }
      if (!opts.all && !opts.pdf && pageNo > doc.pages.length) throw new AtelierError('not_found', `Page ${pageNo} does not exist (the design has ${doc.pages.length}).`);
      const job: RenderJob = { doc, page: pageNo - 1, all: opts.all, pdf: opts.pdf, scale, format, quality, transparent: opts.transparent, assetsDir, fonts };
      const pool = createRenderPool({ size: 1 });
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      try {
        const files = await pool.run(job, {
          signal: controller.signal,
          onProgress: (done, total) => {
            if (!output.json && total > 1) process.stderr.write(`rendered page ${done}/${total}\n`);
          },
        });
        const names = opts.pdf ? [opts.out] : outputNames(opts.out, files.map((f) => f.page), format === 'jpeg' ? 'jpg' : 'png');
        mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
        files.forEach((f, i) => writeFileSync(names[i]!, f.bytes));
        const warnings = files.flatMap((f) => f.warnings);
        for (const w of warnings) output.err(w.kind === 'missing_asset' ? `warning: image ${w.detail} is missing (element ${w.elementId}); a placeholder was drawn` : `warning: font "${w.detail}" is not available (element ${w.elementId}); Inter was used`);
        if (output.json) printJson(output, { files: names, warnings });
        else output.out(names.map((n) => `wrote ${n}`).join('\n'));
      } catch (error) {
        if (error instanceof RenderJobError) throw new AtelierError(error.code === 'too_large' || error.code === 'not_found' || error.code === 'cancelled' || error.code === 'invalid_input' ? error.code : 'internal', error.message);
        throw error;
      } finally {
        process.off('SIGINT', onSigint);
        await pool.close();
      }
    });

  const designs = program.command('designs').description('list and manage designs');
  designs
    .command('list')
    .description('list designs')
    .option('--client <id|name>', 'only this client')
    .action(async (opts: { client?: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      await withAtelier(g, async (atelier) => {
        const clientId = opts.client ? (await atelier.call('clients.resolve', { idOrName: opts.client })).id : undefined;
        const list = await atelier.call('designs.list', { clientId });
        if (output.json) return printJson(output, list);
        if (list.length === 0) return output.out('No designs yet.');
        output.out(formatTable(['ID', 'NAME', 'PRESET', 'SIZE', 'PAGES'], list.map((d) => [d.id, d.name, d.preset, `${d.width}×${d.height}`, String(d.pages)])));
      });
    });
  designs
    .command('templates')
    .description('list templates')
    .action(async () => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      await withAtelier(g, async (atelier) => {
        const list = await atelier.call('designs.templates', {});
        if (output.json) return printJson(output, list);
        output.out(formatTable(['ID', 'NAME', 'PRESET', 'PAGES', 'SOURCE'], list.map((t) => [t.id, t.name, t.preset, String(t.pages), t.source])));
      });
    });
  designs
    .command('create')
    .description('create a design from a preset or a template')
    .option('--name <name>', 'name')
    .option('--preset <id>', 'size preset, e.g. instagram-story')
    .option('--template <id>', 'template id')
    .option('--client <id|name>', 'the client it is for')
    .action(async (opts: { name?: string; preset?: string; template?: string; client?: string }) => {
      const g = globals();
      const output = consoleOutput(Boolean(g.json));
      await withAtelier(g, async (atelier) => {
        const clientId = opts.client ? (await atelier.call('clients.resolve', { idOrName: opts.client })).id : undefined;
        const d = await atelier.call('designs.create', { name: opts.name, preset: opts.preset, templateId: opts.template, clientId });
        if (output.json) printJson(output, { ...d, document: undefined });
        else output.out(`Created design ${d.name} (${d.width}×${d.height}, ${d.pages} page${d.pages > 1 ? 's' : ''}) with id ${d.id}`);
      });
    });
}
