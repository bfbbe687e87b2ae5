// Insight rows: imported posts (one per client, network and network id), follower days, activity
// hours, import records, and the permalinks recorded at "Mark published".
import { networkOfUrl, permalinkKey } from '../../core/insights/matching';
import type { Db } from '../open';

export const METRIC_COLUMNS = ['views', 'reach', 'likes', 'comments', 'shares', 'saves', 'clicks', 'follows', 'engagements'] as const;

export interface InsightPostRow {
  id: string;
  client_id: string;
  network: string;
  external_id: string;
  permalink: string;
  permalink_key: string;
  published_at: number | null;
  precision: 'time' | 'day' | 'none';
  caption: string;
  post_type: string;
  views: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
  follows: number | null;
  engagements: number | null;
  export_date: number;
  import_id: string | null;
  post_id: string | null;
  match: 'permalink' | 'auto' | 'confirmed' | 'created' | 'none';
  match_score: number | null;
  updated_at: number;
}

export interface InsightImportRow {
  id: string;
  client_id: string;
  file_name: string;
  sha256: string;
  sources: string;
  export_date: number;
  imported_at: number;
  posts: number;
  added: number;
  updated: number;
  follower_days: number;
  activity_hours: number;
  notes: string;
}

export interface FollowerRow {
  client_id: string;
  network: string;
  day: string;
  total: number | null;
  gained: number | null;
  lost: number | null;
  export_date: number;
}

export interface ActivityRow {
  client_id: string;
  network: string;
  day: string;
  hour: number;
  active: number;
  export_date: number;
}

const POST_COLUMNS = 'id, client_id, network, external_id, permalink, permalink_key, published_at, precision, caption, post_type, views, reach, likes, comments, shares, saves, clicks, follows, engagements, export_date, import_id, post_id, match, match_score, updated_at';

export function createInsightsRepository(db: Db) {
  const s = {
    insertPost: db.prepare<InsightPostRow>(`INSERT INTO insight_posts (${POST_COLUMNS}) VALUES (${POST_COLUMNS.split(', ').map((c) => `@${c}`).join(', ')})`),
    // A newer export replaces the numbers and texts; the match the user or the matcher made stays.
    updatePost: db.prepare<InsightPostRow>(
      `UPDATE insight_posts SET permalink = @permalink, permalink_key = @permalink_key, published_at = @published_at, precision = @precision,
         caption = @caption, post_type = @post_type, views = @views, reach = @reach, likes = @likes, comments = @comments, shares = @shares,
         saves = @saves, clicks = @clicks, follows = @follows, engagements = @engagements, export_date = @export_date, import_id = @import_id,
         updated_at = @updated_at
       WHERE id = @id`,
    ),
    byExternal: db.prepare<[string, string, string], InsightPostRow>('SELECT * FROM insight_posts WHERE client_id = ? AND network = ? AND external_id = ?'),
    byLink: db.prepare<[string, string], InsightPostRow>("SELECT * FROM insight_posts WHERE client_id = ? AND permalink_key = ? AND permalink_key <> ''"),
    byId: db.prepare<[string], InsightPostRow>('SELECT * FROM insight_posts WHERE id = ?'),
    byPost: db.prepare<[string], InsightPostRow>('SELECT * FROM insight_posts WHERE post_id = ? ORDER BY network'),
    setMatch: db.prepare<[string | null, string, number | null, number, string]>('UPDATE insight_posts SET post_id = ?, match = ?, match_score = ?, updated_at = ? WHERE id = ?'),
    range: db.prepare<[string, number, number], InsightPostRow>('SELECT * FROM insight_posts WHERE client_id = ? AND published_at >= ? AND published_at < ? ORDER BY published_at, id'),
    timed: db.prepare<[string, number, number], InsightPostRow>("SELECT * FROM insight_posts WHERE client_id = ? AND precision = 'time' AND published_at >= ? AND published_at < ? ORDER BY published_at"),
    matchedIn: db.prepare<[string], { post_id: string; network: string }>('SELECT post_id, network FROM insight_posts WHERE client_id = ? AND post_id IS NOT NULL'),
    insertImport: db.prepare<InsightImportRow>(
      `INSERT INTO insight_imports (id, client_id, file_name, sha256, sources, export_date, imported_at, posts, added, updated, follower_days, activity_hours, notes)
       VALUES (@id, @client_id, @file_name, @sha256, @sources, @export_date, @imported_at, @posts, @added, @updated, @follower_days, @activity_hours, @notes)`,
    ),
    imports: db.prepare<[string, number], InsightImportRow>('SELECT * FROM insight_imports WHERE client_id = ? ORDER BY imported_at DESC, rowid DESC LIMIT ?'),
    upsertFollower: db.prepare<FollowerRow>(
      `INSERT INTO insight_followers (client_id, network, day, total, gained, lost, export_date) VALUES (@client_id, @network, @day, @total, @gained, @lost, @export_date)
       ON CONFLICT (client_id, network, day) DO UPDATE SET total = excluded.total, gained = excluded.gained, lost = excluded.lost, export_date = excluded.export_date
       WHERE excluded.export_date >= insight_followers.export_date`,
    ),
    followers: db.prepare<[string], FollowerRow>('SELECT * FROM insight_followers WHERE client_id = ? ORDER BY network, day'),
    upsertActivity: db.prepare<ActivityRow>(
      `INSERT INTO insight_activity (client_id, network, day, hour, active, export_date) VALUES (@client_id, @network, @day, @hour, @active, @export_date)
       ON CONFLICT (client_id, network, day, hour) DO UPDATE SET active = excluded.active, export_date = excluded.export_date
       WHERE excluded.export_date >= insight_activity.export_date`,
    ),
    activity: db.prepare<[string], ActivityRow>('SELECT * FROM insight_activity WHERE client_id = ? ORDER BY day, hour'),
    permalinkFor: db.prepare<[string], { post_id: string; network: string }>(
      `SELECT pl.post_id, pl.network FROM post_permalinks pl JOIN posts p ON p.id = pl.post_id WHERE pl.url_key = ? AND p.deleted_at IS NULL`,
    ),
    savePermalink: db.prepare<[string, string, string, string, number]>(
      `INSERT INTO post_permalinks (post_id, network, url, url_key, recorded_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (post_id, network) DO UPDATE SET url = excluded.url, url_key = excluded.url_key, recorded_at = excluded.recorded_at`,
    ),
    permalinksOf: db.prepare<[string], { network: string; url: string }>('SELECT network, url FROM post_permalinks WHERE post_id = ? ORDER BY network'),
  };
  return {
    insertPost: (row: InsightPostRow) => void s.insertPost.run(row),
    updatePost: (row: InsightPostRow) => void s.updatePost.run(row),
    byExternal: (clientId: string, network: string, externalId: string) => s.byExternal.get(clientId, network, externalId),
    byLink: (clientId: string, key: string) => s.byLink.get(clientId, key),
    get: (id: string) => s.byId.get(id),
    byPost: (postId: string) => s.byPost.all(postId),
    setMatch: (id: string, postId: string | null, match: InsightPostRow['match'], score: number | null, now: number) => void s.setMatch.run(postId, match, score, now, id),
    range: (clientId: string, fromMs: number, toMs: number) => s.range.all(clientId, fromMs, toMs),
    /** Posts with an exact time published in [fromMs, toMs). */
    timedIn: (clientId: string, fromMs: number, toMs: number) => s.timed.all(clientId, fromMs, toMs),
    /** Atelier posts already matched, per network (one post is one publication per network). */
    matched(clientId: string): Set<string> {
      return new Set(s.matchedIn.all(clientId).map((r) => `${r.post_id}|${r.network}`));
    },
    insertImport: (row: InsightImportRow) => void s.insertImport.run(row),
    imports: (clientId: string, limit = 50) => s.imports.all(clientId, limit),
    upsertFollower: (row: FollowerRow) => void s.upsertFollower.run(row),
    followers: (clientId: string) => s.followers.all(clientId),
    upsertActivity: (row: ActivityRow) => void s.upsertActivity.run(row),
    activity: (clientId: string) => s.activity.all(clientId),
    permalinkPost: (key: string) => s.permalinkFor.get(key),
    savePermalink: (postId: string, network: string, url: string, key: string, now: number) => void s.savePermalink.run(postId, network, url, key, now),
    permalinksOf: (postId: string) => s.permalinksOf.all(postId),
  };
}

export type InsightsRepository = ReturnType<typeof createInsightsRepository>;

/**
 * Records where a post went out, one link per network. A link given without a network takes the
 * one its address names (instagram.com → Instagram), else the post's only network, else none.
 */
export function recordPermalinks(db: Db, postId: string, links: readonly { network: string | null; url: string }[], now: number): void {
  const networks = db.prepare<[string], { network: string }>('SELECT network FROM post_variants WHERE post_id = ?').all(postId).map((r) => r.network);
  const save = db.prepare<[string, string, string, string, number]>(
    `INSERT INTO post_permalinks (post_id, network, url, url_key, recorded_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (post_id, network) DO UPDATE SET url = excluded.url, url_key = excluded.url_key, recorded_at = excluded.recorded_at`,
  );
  for (const link of links) {
    const network = link.network ?? networkOfUrl(link.url) ?? (networks.length === 1 ? networks[0]! : null);
    if (network && link.url.trim()) save.run(postId, network, link.url.trim(), permalinkKey(link.url), now);
  }
}
