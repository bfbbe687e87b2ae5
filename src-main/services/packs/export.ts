// Content-pack export: choose the posts, render every variant's design in worker threads (PNG files
// in a temp folder), then stream one zip (images stored, not recompressed) written atomically.
import { fontFilesFor } from '../design-fonts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import type { CalendarPost, CsvExport } from '../../contract/api/calendar';
import type { PackExportReport } from '../../contract/api/packs';
import { AtelierError } from '../../contract/errors';
import { message, type Message } from '../../core/messages';
import type { DesignDocument } from '../../core/design';
import type { PostStatus } from '../../core/domain/posts';
import { manifestJsonSchema, PACK_FORMAT, PACK_VERSION, type PackManifest } from '../../core/packs/manifest';
import { imageBaseName, slugify, uniqueNamer, variantPages } from '../../core/packs/naming';
import type { PreviewLanguage } from '../../core/packs/preview-strings';
import { addDays } from '../../core/schedule/wallclock';
import { shiftMonth } from '../../core/insights/dates';
import { instantToWallClock, startOfLocalDay } from '../../core/time/zones';
import { createRenderPool, RenderJobError, type RenderPool } from '../../render/pool';
import type { AssetService } from '../assets';
import type { CalendarService } from '../calendar';
import { toCalendarClient } from '../calendar-read';
import { csvFromSelection } from '../calendar-csv';
import { selectForExport, type ExportSelection } from '../calendar-export';
import { buildIcs } from '../calendar-ics';
import type { DesignService } from '../designs';
import type { Library } from '../library';
import { APP_VERSION } from '../../version';
import { measureForPack } from './measure';
import { collectPackAssets } from './pack-assets';
import { renderPreviewPage } from './preview';
import { writeZipAtomically } from './zip-writer';

export interface PackQuery {
  clientId: string;
  from?: string;
  to?: string;
  statuses?: readonly PostStatus[];
  postIds?: readonly string[];
}

export interface ExportDeps {
  lib: Library;
  calendar: CalendarService;
  designs: DesignService;
  assets: AssetService;
  fontsDir?: string | null;
  /**
   * The client's monthly report as a PDF, or null when there is nothing to report (no imported
   * insights for that month); the pack carries it beside the preview page.
   */
  monthlyReport?: (input: { clientId: string; month: string; language: PreviewLanguage }) => Promise<{ bytes: Uint8Array; name: string } | null>;
  /** Render workers (default: as many as cores, at least 2, at most 4). */
  workers?: number;
  workerFile?: string;
}

export interface ExportOptions {
  signal?: AbortSignal;
  onProgress?: (phase: 'render' | 'write', done: number, total: number) => void;
  language?: PreviewLanguage;
}

export type ExportResult = Omit<PackExportReport, 'jobId' | 'download'>;

/** The posts a pack takes: explicit ids, or the client's period filtered by status; never deleted ones. */
export function selectPackPosts(lib: Library, calendar: CalendarService, query: PackQuery): ExportSelection {
  const client = lib.clients.get(query.clientId);
  if (!client || client.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${query.clientId}.`, { field: 'clientId' }, { key: 'clients.notFound' });
  let posts: CalendarPost[];
  if (query.postIds) {
    const rows = query.postIds.map((id) => {
      const row = lib.posts.get(id);
      if (!row || row.deleted_at !== null) throw new AtelierError('not_found', `No post with id ${id}.`, { field: 'postIds', id }, { key: 'posts.notFound' });
      if (row.client_id !== client.id) {
        throw new AtelierError('invalid_input', `Post ${id} ("${row.title}") belongs to another client.`, { field: 'postIds', id }, { key: 'packs.postOfOtherClient', params: { title: row.title, client: client.name } });
      }
      return row;
    });
    posts = calendar.hydrate([...new Map(rows.map((r) => [r.id, r])).values()]);
    posts.sort((a, b) => (a.scheduledAt ?? '\uffff').localeCompare(b.scheduledAt ?? '\uffff') || a.title.localeCompare(b.title));
  } else {
    posts = selectForExport(lib, calendar, { clientId: client.id, from: query.from, to: query.to, includeUnscheduled: !query.from && !query.to }).posts;
    if (query.statuses?.length) posts = posts.filter((p) => query.statuses!.includes(p.status));
  }
  return { clients: [toCalendarClient(client)], posts };
}

function periodOf(query: PackQuery, zone: string, posts: readonly CalendarPost[]): PackManifest['period'] {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  if (query.from || query.to) {
    return { from: query.from ? iso(startOfLocalDay(query.from, zone)) : null, to: query.to ? iso(startOfLocalDay(addDays(query.to, 1), zone)) : null };
  }
  const dated = posts.map((p) => p.scheduledAt).filter((s): s is string => s !== null).sort();
  return { from: dated[0] ?? null, to: dated.length ? new Date(Date.parse(dated[dated.length - 1]!) + 1).toISOString() : null };
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AtelierError('cancelled', 'The export was cancelled; no file was written.', undefined, { key: 'packs.exportCancelled' });
}

export async function exportPack(deps: ExportDeps, query: PackQuery, destination: string, options: ExportOptions = {}): Promise<ExportResult> {
  const { lib, calendar, designs, assets } = deps;
  const { signal } = options;
  throwIfCancelled(signal);
  const selection = selectPackPosts(lib, calendar, query);
  const client = selection.clients[0]!;
  if (selection.posts.length === 0) {
    throw new AtelierError('invalid_input', `No post of ${client.name} matches this selection; no pack was written.`, { field: 'clientId' }, { key: 'packs.nothingSelected', params: { client: client.name } });
  }
  const warnings: Message[] = [];

  // Designs the variants use, loaded (and upgraded) once each.
  const docs = new Map<string, DesignDocument>();
  for (const post of selection.posts) {
    for (const v of post.variants) {
      if (!v.designId || docs.has(v.designId)) continue;
      try {
        docs.set(v.designId, designs.document(v.designId));
      } catch (error) {
        warnings.push(
          message('packs.designUnreadable', { title: post.title, network: v.network }, `"${post.title}" (${v.network}): its design ${v.designId} cannot be opened (${(error as Error).message}); no image for it.`),
        );
      }
    }
  }
  const temp = mkdtempSync(path.join(tmpdir(), 'atelier-pack-'));
  let pool: RenderPool | null = null;
  try {
    // The files those designs use, without their metadata (location).
    const packAssets = await collectPackAssets(assets, docs, temp, warnings, signal);
    // Render: one job per design (all its pages), in parallel workers; each page goes straight to disk.
    const pagesOf = new Map<string, string[]>();
    const renderTotal = docs.size;
    let rendered = 0;
    options.onProgress?.('render', 0, renderTotal);
    if (docs.size > 0) {
      const size = deps.workers ?? Math.max(2, Math.min(4, availableParallelism()));
      pool = createRenderPool({ size: Math.min(size, docs.size), workerFile: deps.workerFile });
      const assetsDir = lib.paths.assets;
      const fontsDir = deps.fontsDir ?? undefined;
      await Promise.all(
        [...docs].map(async ([designId, doc]) => {
          try {
            const files = await pool!.run({ doc, all: true, format: 'png', assetsDir, fontsDir, fonts: fontFilesFor(lib, doc) }, { signal });
            const paths: string[] = [];
            for (const f of files) {
              const file = path.join(temp, `${designId}-${f.page}.png`);
              writeFileSync(file, f.bytes);
              paths[f.page] = file;
            }
            pagesOf.set(designId, paths);
          } catch (error) {
            if (error instanceof RenderJobError && error.code === 'cancelled') throw new AtelierError('cancelled', 'The export was cancelled; no file was written.', undefined, { key: 'packs.exportCancelled' });
            throw new AtelierError('internal', `Design ${designId} ("${doc.name}") could not be rendered: ${(error as Error).message}. No pack was written.`, { designId }, { key: 'packs.renderFailed', params: { design: doc.name } });
          }
          rendered++;
          options.onProgress?.('render', rendered, renderTotal);
        }),
      );
    }
    throwIfCancelled(signal);

    // Last month's results travel with next month's plan: the report for the month before the period.
    const period = periodOf(query, client.timeZone, selection.posts);
    const reportMonth = shiftMonth(instantToWallClock(period.from ? Date.parse(period.from) : lib.clock.now(), client.timeZone).slice(0, 7), -1);
    let monthlyReport: { bytes: Uint8Array; name: string } | null = null;
    try {
      monthlyReport = (await deps.monthlyReport?.({ clientId: client.id, month: reportMonth, language: options.language ?? 'en' })) ?? null;
    } catch (error) {
      warnings.push(message('packs.reportFailed', { month: reportMonth }, `The report for ${reportMonth} could not be made (${(error as Error).message}); the pack has no report.`));
    }
    throwIfCancelled(signal);

    // Names and the manifest.
    const name = uniqueNamer();
    const images: { file: string; name: string }[] = [];
    const captions: { text: string; name: string }[] = [];
    const manifestPosts: PackManifest['posts'] = selection.posts.map((post) => ({
      id: post.id,
      title: post.title,
      status: post.status,
      caption: post.caption,
      scheduledAt: post.scheduledAt,
      timeZone: post.timeZone,
      localTime: post.localTime,
      labels: post.labels,
      campaign: post.campaign,
      variants: post.variants.map((v) => {
        const localDate = post.localTime ? post.localTime.slice(0, 10) : null;
        const base = imageBaseName({ localDate, title: post.title, network: v.network });
        const captionFile = `captions/${name(base, 'txt')}`;
        captions.push({ text: v.caption, name: captionFile });
        const pages = v.designId ? (pagesOf.get(v.designId) ?? []) : [];
        const indices = variantPages(pages.length, v.pageIndex);
        const chosen = (indices ?? []).map((page) => ({ file: pages[page]!, page }));
        if (v.designId && pages.length > 0 && indices === null) {
          const page = v.pageIndex! + 1;
          warnings.push(message('packs.pageMissing', { title: post.title, network: v.network, page }, `"${post.title}" (${v.network}) points at page ${page}, which its design does not have.`));
        }
        const imageNames = chosen.map((c) => {
          const n = `images/${name(imageBaseName({ localDate, title: post.title, network: v.network, page: chosen.length > 1 ? c.page + 1 : undefined }), 'png')}`;
          images.push({ file: c.file, name: n });
          return n;
        });
        return {
          network: v.network,
          caption: v.caption,
          firstComment: v.firstComment,
          measure: measureForPack(v.caption, v.network),
          captionFile,
          images: imageNames,
          designId: v.designId,
          pageIndex: v.pageIndex,
        };
      }),
    }));
    const manifest: PackManifest = {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      generator: `Atelier ${APP_VERSION}`,
      createdAt: new Date(lib.clock.now()).toISOString(),
      client: { id: client.id, name: client.name, timeZone: client.timeZone, color: client.color },
      period,
      posts: manifestPosts,
      designs: [...docs].map(([id, doc]) => ({ id, name: doc.name, file: `designs/${id}.json` })),
      assets: packAssets.files.map((a) => ({ sha256: a.sha256, file: a.name, mime: a.mime, size: a.size })),
      files: { preview: 'index.html', schedule: 'schedule.csv', hootsuite: 'hootsuite.csv', calendar: 'calendar.ics', report: monthlyReport ? `report/${monthlyReport.name}` : null },
    };

    // The schedule files, exactly as the calendar exports them, for these posts only: schedule.csv
    // for the client's spreadsheet, hootsuite.csv with the posts ready to publish.
    const now = lib.clock.now();
    const schedule = csvFromSelection(selection, 'atelier', { now }).csv;
    const hootsuiteFile = csvFromSelection(selection, 'hootsuite', { now });
    const hootsuite = hootsuiteFile.csv;
    warnings.push(...hootsuiteLeftOut(hootsuiteFile.leftOut), ...hootsuiteFile.warnings);
    const ics = buildIcs(selection, now);

    const entries = 7 + (monthlyReport ? 1 : 0) + captions.length + images.length + docs.size + packAssets.files.length;
    let written = 0;
    const step = () => options.onProgress?.('write', ++written, entries);
    const result = await writeZipAtomically(
      destination,
      async (zip) => {
        zip.addText(`${JSON.stringify(manifest, null, 2)}\n`, 'manifest.json');
        zip.addText(`${JSON.stringify(manifestJsonSchema(), null, 2)}\n`, 'manifest.schema.json');
        zip.addText(renderPreviewPage(manifest, options.language ?? 'en'), 'index.html');
        zip.addText(schedule, 'schedule.csv');
        zip.addText(hootsuite, 'hootsuite.csv');
        zip.addText(ics, 'calendar.ics');
        for (let i = 0; i < 6; i++) step();
        if (monthlyReport) {
          zip.addBuffer(Buffer.from(monthlyReport.bytes), manifest.files.report!);
          step();
        }
        for (const c of captions) {
          zip.addText(c.text, c.name);
          step();
        }
        for (const img of images) {
          zip.addFile(img.file, img.name, { compress: false });
          step();
        }
        for (const [id, doc] of docs) {
          zip.addText(`${JSON.stringify(packAssets.designForPack(doc), null, 2)}\n`, `designs/${id}.json`);
          step();
        }
        for (const a of packAssets.files) {
          // Images are already compressed; fonts are not.
          zip.addFile(a.file, a.name, { compress: !a.mime.startsWith('image/') });
          step();
        }
        throwIfCancelled(signal);
      },
      { signal, mtime: new Date(lib.clock.now()) },
    );
    step();
    return {
      file: path.resolve(destination),
      bytes: result.bytes,
      posts: manifest.posts.length,
      images: images.length,
      designs: docs.size,
      assets: packAssets.files.length,
      warnings,
    };
  } finally {
    await pool?.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

/** One warning per reason the pack's hootsuite.csv left posts out (it holds only posts ready to publish). */
function hootsuiteLeftOut(leftOut: CsvExport['leftOut']): Message[] {
  const count = (reason: CsvExport['leftOut'][number]['reason']) => leftOut.filter((l) => l.reason === reason).length;
  const out: Message[] = [];
  const notReady = count('not_ready');
  const past = count('past');
  const noTime = count('no_time');
  if (notReady) out.push(message('packs.hootsuiteNotReady', { count: notReady }, `hootsuite.csv leaves out ${notReady} post(s) that are not approved or scheduled yet.`));
  if (past) out.push(message('packs.hootsuitePast', { count: past }, `hootsuite.csv leaves out ${past} post(s) whose time has passed.`));
  if (noTime) out.push(message('packs.hootsuiteNoTime', { count: noTime }, `hootsuite.csv leaves out ${noTime} post(s) without a date and time.`));
  return out;
}

/** A file name for a pack: `acme-2026-12-01_2026-12-31.zip`. */
export function packFileName(clientName: string, from: string | undefined, to: string | undefined, now: number): string {
  const period = from || to ? `${from ?? 'start'}_${to ?? 'end'}` : new Date(now).toISOString().slice(0, 10);
  return `${slugify(clientName)}-${period}.zip`;
}
