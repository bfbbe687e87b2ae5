// Importing exports: every file is read and parsed first (nothing is written while a file can
// still be refused), then everything is stored in one transaction. A post already imported is
// found again by its network id (or permalink) and its numbers refreshed when this export is at
// least as new; a new one is matched to a planned post or becomes a published post of its own.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileReport } from '../../contract/api/insights';
import { AtelierError } from '../../contract/errors';
import { permalinkKey, chooseMatch, type Candidate } from '../../core/insights/matching';
import { ExportProblem, parseTable, type ParsedPost, type ParsedTable } from '../../core/insights/parse';
import { instantToWallClock, startOfLocalDay, wallClockToInstant } from '../../core/time/zones';
import type { InsightPostRow, InsightsRepository } from '../../db/repositories/insights';
import { createSchedulingRepository } from '../../db/repositories/scheduling';
import type { Library } from '../library';

export interface ExportInput {
  name: string;
  dataBase64?: string;
  path?: string;
  modifiedAt?: string;
}

interface ReadFile {
  name: string;
  sha256: string;
  tables: ParsedTable[];
  exportDate: number;
}

/** The refusal for a file, naming it, with a reason the renderer translates. */
export function refuseFile(name: string, error: unknown): AtelierError {
  if (error instanceof ExportProblem) {
    return new AtelierError('invalid_input', `${name}: ${error.message}. Nothing was imported.`, { file: name, row: error.row, column: error.column }, { key: error.key, params: { ...error.params, file: name } });
  }
  if (error instanceof AtelierError) return error;
  return new AtelierError('invalid_input', `${name}: ${(error as Error).message}. Nothing was imported.`, { file: name }, { key: 'insights.unreadable', params: { file: name } });
}

const DAY_MS = 86_400_000;
/** Statuses of a post that was planned to go out (and so may be found in an export). */
const PLANNED = ['approved', 'scheduled', 'published', 'missed', 'failed'];

/** Reads and parses one file; throws the refusal (file, row, column) without touching the library. */
export async function readExport(file: ExportInput, now: number): Promise<ReadFile> {
  let bytes: Buffer;
  let modified = file.modifiedAt ? Date.parse(file.modifiedAt) : null;
  if (file.path) {
    try {
      bytes = await readFile(file.path);
      modified ??= (await stat(file.path)).mtimeMs;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new AtelierError(code === 'ENOENT' ? 'not_found' : 'io_error', `${file.name}: cannot be read (${code ?? (error as Error).message}). Nothing was imported.`, { file: file.name }, { key: 'insights.cannotRead', params: { file: file.name } });
    }
  } else bytes = Buffer.from(file.dataBase64 ?? '', 'base64');
  const fromName = exportDateFromName(file.name);
  const exportDay = new Date(fromName ?? Math.min(modified ?? now, now)).toISOString().slice(0, 10);
  const tables: ParsedTable[] = [];
  // The spreadsheet and zip readers (SheetJS among them) load with the first import, not with the services.
  const { readTables } = await import('./files');
  try {
    const raw = await readTables(bytes);
    const problems: unknown[] = [];
    for (const t of raw) {
      try {
        tables.push(parseTable(t.rows, { exportDate: exportDay, firstLine: t.firstLine }));
      } catch (error) {
        // A workbook or zip may hold sheets and files that are not posts (LinkedIn's "Metrics"
        // sheet, TikTok's Overview.csv); only a file where nothing is readable is refused.
        if (raw.length === 1 || !(error instanceof ExportProblem) || error.row !== null) throw error;
        problems.push(error);
      }
    }
    if (tables.length === 0) throw problems[0] ?? new ExportProblem('it has nothing Atelier reads', 'insights.notAnExport');
  } catch (error) {
    throw refuseFile(file.name, error);
  }
  const snapshot = tables.find((t) => t.snapshotDate)?.snapshotDate;
  const exportDate = snapshot ? Date.parse(`${snapshot}T12:00:00Z`) : (fromName ?? Math.min(modified ?? now, now));
  return { name: file.name, sha256: createHash('sha256').update(bytes).digest('hex'), tables, exportDate };
}

/** X names its export account_analytics_content_<from>_<to>.csv, "to" being the day after. */
function exportDateFromName(name: string): number | null {
  const m = /account_(?:analytics|overview)_\w*?_?(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})/.exec(path.basename(name));
  return m ? Date.parse(`${m[2]}T00:00:00Z`) - DAY_MS / 2 : null;
}

export interface StoreContext {
  lib: Library;
  repo: InsightsRepository;
}

/** Stores read files for a client; runs inside the caller's write transaction. */
export function storeExports(ctx: StoreContext, clientId: string, files: readonly ReadFile[]): { reports: FileReport[]; postIds: Set<string> } {
  const { lib, repo } = ctx;
  const client = lib.clients.get(clientId)!;
  const zone = client.time_zone;
  const now = lib.clock.now();
  const scheduling = createSchedulingRepository(lib.db);
  const taken = repo.matched(clientId);
  const touchedPosts = new Set<string>();
  // Planned posts of the client on that network (or on no network yet) around a time.
  const candidatesStatement = lib.db.prepare<[string, string, number, number, string], { id: string; scheduled_at: number; caption: string; vcaption: string | null }>(
    `SELECT p.id, p.scheduled_at, p.caption, v.caption AS vcaption FROM posts p
     LEFT JOIN post_variants v ON v.post_id = p.id AND v.network = ?
     WHERE p.client_id = ? AND p.deleted_at IS NULL AND p.scheduled_at >= ? AND p.scheduled_at < ?
       AND p.status IN (${PLANNED.map((s) => `'${s}'`).join(', ')})
       AND (v.id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM post_variants w WHERE w.post_id = p.id))
       AND NOT EXISTS (SELECT 1 FROM insight_posts i WHERE i.post_id = p.id AND i.network = ?)`,
  );
  const hasPermalink = lib.db.prepare<[string, string]>('SELECT 1 FROM post_permalinks WHERE post_id = ? AND network = ?');
  const candidatesFor = (network: string, at: number): Candidate[] =>
    candidatesStatement
      .all(network, clientId, at - 2 * DAY_MS, at + 2 * DAY_MS, network)
      .filter((r) => !taken.has(`${r.id}|${network}`))
      .map((r) => ({ id: r.id, at: r.scheduled_at, caption: r.vcaption ?? r.caption }));

  function when(p: ParsedPost): { at: number | null; precision: InsightPostRow['precision'] } {
    if (!p.when) return { at: null, precision: 'none' };
    if (p.when.kind === 'instant') return { at: p.when.ms, precision: 'time' };
    if (p.when.kind === 'local') return { at: wallClockToInstant(p.when.wallClock, zone)?.instantMs ?? null, precision: 'time' };
    return { at: startOfLocalDay(p.when.date, zone), precision: 'day' };
  }

  /** A published post of its own for a row no planned post fits: "from the export". */
  function createPost(p: ParsedPost, at: number | null): string {
    const id = lib.ids();
    const firstLine = p.caption.split(/\r?\n/).find((l) => l.trim())?.trim() ?? '';
    const title = (firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine) || `${p.network} ${at !== null ? instantToWallClock(at, zone).slice(0, 10) : p.externalId}`.slice(0, 200);
    lib.posts.insert({ id, client_id: clientId, title, status: 'published', caption: p.caption, scheduled_at: at ?? now, labels: '[]', campaign: '', notes: '', created_at: now, updated_at: now, deleted_at: null });
    lib.posts.insertVariant({ id: lib.ids(), post_id: id, network: p.network, caption: p.caption, follows_master: 1, design_id: null, page_index: null, first_comment: '', created_at: now, updated_at: now });
    scheduling.addHistory({ post_id: id, from_status: null, to_status: 'published', source: 'import', note: '', at: now });
    if (p.permalink) repo.savePermalink(id, p.network, p.permalink, permalinkKey(p.permalink), now);
    return id;
  }

  /** A matched planned post that the export shows went out is published now. */
  function markPublished(postId: string): void {
    const row = lib.posts.get(postId);
    if (!row || row.status === 'published') return;
    lib.posts.update(postId, { status: 'published' }, now);
    scheduling.addHistory({ post_id: postId, from_status: row.status, to_status: 'published', source: 'import', note: '', at: now });
  }

  const reports: FileReport[] = [];
  for (const file of files) {
    const importId = lib.ids();
    const report: FileReport = {
      file: file.name,
      sources: [...new Set(file.tables.map((t) => t.source))],
      networks: [...new Set(file.tables.map((t) => t.network))],
      exportDate: new Date(file.exportDate).toISOString(),
      posts: 0, added: 0, updated: 0, older: 0, matchedByLink: 0, matchedByTime: 0, created: 0, followerDays: 0, activityHours: 0,
      renamed: file.tables.flatMap((t) => Object.entries(t.renamed).map(([metric, header]) => ({ network: t.network, metric, header }))),
    };
    repo.insertImport({ id: importId, client_id: clientId, file_name: file.name, sha256: file.sha256, sources: JSON.stringify(report.sources), export_date: file.exportDate, imported_at: now, posts: 0, added: 0, updated: 0, follower_days: 0, activity_hours: 0, notes: JSON.stringify(report.renamed) });
    for (const table of file.tables) {
      for (const p of table.posts) {
        report.posts++;
        const { at, precision } = when(p);
        const key = permalinkKey(p.permalink);
        const existing = repo.byExternal(clientId, p.network, p.externalId) ?? (key ? repo.byLink(clientId, key) : undefined);
        const row: InsightPostRow = {
          id: existing?.id ?? lib.ids(),
          client_id: clientId,
          network: p.network,
          external_id: existing?.external_id ?? p.externalId,
          permalink: p.permalink,
          permalink_key: key,
          published_at: at,
          precision,
          caption: p.caption,
          post_type: p.postType,
          ...p.metrics,
          export_date: file.exportDate,
          import_id: importId,
          post_id: existing?.post_id ?? null,
          match: existing?.match ?? 'none',
          match_score: existing?.match_score ?? null,
          updated_at: now,
        };
        if (existing) {
          // Lifetime numbers drift between exports: the newest export wins, an older one changes nothing.
          if (file.exportDate < existing.export_date) {
            report.older++;
            continue;
          }
          repo.updatePost(row);
          report.updated++;
          if (existing.post_id) touchedPosts.add(existing.post_id);
          continue;
        }
        // New: the permalink recorded at "Mark published", else the planned post at that time with that caption.
        const byLink = key ? repo.permalinkPost(key) : undefined;
        const linked = byLink && lib.posts.get(byLink.post_id)?.client_id === clientId && !taken.has(`${byLink.post_id}|${p.network}`) ? byLink.post_id : null;
        const guess = !linked && at !== null ? chooseMatch({ at, precision: precision === 'day' ? 'day' : 'time', caption: p.caption }, candidatesFor(p.network, at)) : null;
        if (linked) {
          row.post_id = linked;
          row.match = 'permalink';
          report.matchedByLink++;
        } else if (guess) {
          row.post_id = guess.id;
          row.match = 'auto';
          row.match_score = guess.score;
          report.matchedByTime++;
        } else {
          row.post_id = createPost(p, at);
          row.match = 'created';
          report.created++;
        }
        taken.add(`${row.post_id}|${p.network}`);
        if (row.match !== 'created') {
          markPublished(row.post_id);
          if (p.permalink && !hasPermalink.get(row.post_id, p.network)) {
            repo.savePermalink(row.post_id, p.network, p.permalink, key, now);
          }
        }
        touchedPosts.add(row.post_id);
        repo.insertPost(row);
        report.added++;
      }
      for (const f of table.followers) {
        repo.upsertFollower({ client_id: clientId, network: table.network, day: f.date, total: f.total, gained: f.gained, lost: f.lost, export_date: file.exportDate });
        report.followerDays++;
      }
      for (const a of table.activity) {
        repo.upsertActivity({ client_id: clientId, network: table.network, day: a.date, hour: a.hour, active: a.active, export_date: file.exportDate });
        report.activityHours++;
      }
    }
    lib.db
      .prepare('UPDATE insight_imports SET posts = ?, added = ?, updated = ?, follower_days = ?, activity_hours = ? WHERE id = ?')
      .run(report.posts, report.added, report.updated, report.followerDays, report.activityHours, importId);
    reports.push(report);
  }
  return { reports, postIds: touchedPosts };
}
