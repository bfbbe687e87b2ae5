// Gathers what the monthly report shows (KPIs, the brand kit, thumbnails, next month's plan) and
// writes the PDF atomically, or hands its bytes back for a browser download.
import { readFile } from 'node:fs/promises';
import type { In, Out } from '../../contract';
import { AtelierError } from '../../contract/errors';
import { shiftMonth } from '../../core/insights/dates';
import { parseDesignThumbPath } from '../../core/domain/design-thumbs';
import { monthRange, instantToWallClock } from '../../core/time/zones';
import type { PostRow } from '../../db/repositories/posts';
import type { AssetService } from '../assets';
import type { BrandKitService } from '../brand-kits';
import type { DesignThumbnails } from '../design-thumbnails';
import type { Library } from '../library';
import type { InsightService } from './index';
import { writeOutputFile } from '../output-files';
import type { PlannedPost } from './report';

export interface ReportServiceDeps {
  lib: Library;
  insights: InsightService;
  brandKits: BrandKitService;
  assets: AssetService;
  thumbnails: DesignThumbnails;
  fontsDir: string | null;
}

export function reportFileName(clientName: string, month: string, language: string): string {
  const slug = clientName.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'client';
  return `${slug}-report-${month}${language === 'fr' ? '-fr' : ''}.pdf`;
}

export function createReportService(deps: ReportServiceDeps) {
  const { lib } = deps;

  async function fileOf(assetId: string | null): Promise<string | null> {
    if (!assetId) return null;
    return (await deps.assets.mediaFile('files', assetId))?.file ?? null;
  }

  async function thumbnailsOf(postIds: string[]): Promise<Map<string, Buffer>> {
    const rows = postIds.map((id) => lib.posts.get(id)).filter((p): p is PostRow => p !== undefined);
    const variants = lib.posts.variantsByPost(rows.map((r) => r.id));
    const paths = deps.thumbnails.pathsFor(rows.map((r) => ({ id: r.id, variants: (variants.get(r.id) ?? []).map((v) => ({ designId: v.design_id, pageIndex: v.page_index })) })));
    const out = new Map<string, Buffer>();
    for (const [postId, urlPath] of Object.entries(paths)) {
      const parts = parseDesignThumbPath(urlPath);
      const bytes = parts ? await deps.thumbnails.bytes(parts.designId, parts.page, parts.revision).catch(() => null) : null;
      if (bytes) out.set(postId, bytes);
    }
    return out;
  }

  function plannedIn(clientId: string, zone: string, month: string): PlannedPost[] {
    const { fromMs, toMs } = monthRange(month, zone);
    const rows = lib.posts.list({ clientId, fromMs, toMs }).filter((p) => p.status !== 'cancelled');
    const variants = lib.posts.variantsByPost(rows.map((r) => r.id));
    return rows.slice(0, 60).map((p) => ({
      localTime: p.scheduled_at === null ? null : instantToWallClock(p.scheduled_at, zone),
      title: p.title,
      networks: (variants.get(p.id) ?? []).map((v) => v.network),
      status: p.status,
    }));
  }

  /** `summary`: the month's figures when the caller already has them (a pack checks them first). */
  return async function report(input: In<'insights.report'>, summary = deps.insights.summary({ clientId: input.clientId, month: input.month })): Promise<Out<'insights.report'>> {
    const brandClient = input.brandClientId ? lib.clients.get(input.brandClientId) : lib.clients.get(input.clientId);
    if (!brandClient || brandClient.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${input.brandClientId} for the report's brand.`, { field: 'brandClientId' }, { key: 'clients.notFound' });
    const kit = deps.brandKits.get(brandClient.id);
    const logoAsset = kit.logos.find((l) => l.mime.startsWith('image/'));
    const logoFile = logoAsset ? await fileOf(logoAsset.id) : null;
    // The PDF's makers (pdf-lib, echarts, the font subsetter, sharp) load on the first report, not
    // with the services: most runs of the app and the CLI never make one.
    const { buildReport } = await import('./report');
    const built = await buildReport({
      summary,
      language: input.language,
      month: input.month,
      brand: {
        name: brandClient.name,
        isClient: brandClient.id === input.clientId,
        palette: kit.palette,
        heading: kit.headingFont ? { family: kit.headingFont.family, file: await fileOf(kit.headingFont.assetId) } : null,
        body: kit.bodyFont ? { family: kit.bodyFont.family, file: await fileOf(kit.bodyFont.assetId) } : null,
        logo: logoFile ? await readFile(logoFile) : null,
      },
      thumbnails: await thumbnailsOf(summary.topPosts.map((p) => p.postId).filter((id): id is string => id !== null)),
      nextMonth: plannedIn(input.clientId, summary.timeZone, shiftMonth(input.month, 1)),
      now: lib.clock.now(),
      fontsDir: deps.fontsDir,
    });
    const name = reportFileName(summary.clientName, input.month, input.language);
    if (!input.out) return { file: null, dataBase64: Buffer.from(built.bytes).toString('base64'), bytes: built.bytes.length, pages: built.pages, name };
    const target = writeOutputFile(input.out, built.bytes);
    return { file: target, dataBase64: null, bytes: built.bytes.length, pages: built.pages, name };
  };
}

/**
 * The report a content pack carries: the client's month as the Insights screen reports it, or null
 * when no export measured any of that month's posts (a report of blanks helps nobody).
 */
export function packReport(insights: InsightService, report: ReturnType<typeof createReportService>) {
  return async (input: { clientId: string; month: string; language: 'en' | 'fr' }): Promise<{ bytes: Uint8Array; name: string } | null> => {
    const summary = insights.summary({ clientId: input.clientId, month: input.month });
    if (summary.measured === 0) return null;
    const made = await report({ clientId: input.clientId, month: input.month, language: input.language }, summary);
    return { bytes: Buffer.from(made.dataBase64!, 'base64'), name: made.name };
  };
}
