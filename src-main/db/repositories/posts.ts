// Post and variant rows. The month query is the hot path: (client_id, scheduled_at) is indexed.
import type Database from 'better-sqlite3';
import type { Db } from '../open';

export interface PostRow {
  id: string;
  client_id: string;
  title: string;
  status: string;
  caption: string;
  scheduled_at: number | null;
  labels: string;
  campaign: string;
  notes: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** What the calendar's cards need of a variant: its network and the design it shows. */
export type VariantMark = Pick<VariantRow, 'post_id' | 'network' | 'design_id' | 'page_index'>;

export interface VariantRow {
  id: string;
  post_id: string;
  network: string;
  caption: string;
  follows_master: 0 | 1;
  design_id: string | null;
  page_index: number | null;
  first_comment: string;
  created_at: number;
  updated_at: number;
}

export interface PostRange {
  clientId?: string;
  fromMs?: number;
  toMs?: number;
  statuses?: readonly string[];
  includeUnscheduled?: boolean;
  includeDeleted?: boolean;
  limit?: number;
}

export type PostPatch = Partial<Pick<PostRow, 'title' | 'status' | 'caption' | 'scheduled_at' | 'labels' | 'campaign' | 'notes'>>;

const MIN_MS = -8.64e15;
const MAX_MS = 8.64e15;

export type VariantPatch = Pick<VariantRow, 'caption' | 'follows_master' | 'design_id' | 'page_index' | 'first_comment'>;

/** Rows grouped by their post, in the order they come. */
function byPost<T extends { post_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.post_id);
    if (list) list.push(row);
    else grouped.set(row.post_id, [row]);
  }
  return grouped;
}

export function createPostsRepository(db: Db) {
  const insert = db.prepare<PostRow>(
    `INSERT INTO posts (id, client_id, title, status, caption, scheduled_at, labels, campaign, notes, created_at, updated_at, deleted_at)
     VALUES (@id, @client_id, @title, @status, @caption, @scheduled_at, @labels, @campaign, @notes, @created_at, @updated_at, @deleted_at)`,
  );
  const insertVariant = db.prepare<VariantRow>(
    `INSERT INTO post_variants (id, post_id, network, caption, follows_master, design_id, page_index, first_comment, created_at, updated_at)
     VALUES (@id, @post_id, @network, @caption, @follows_master, @design_id, @page_index, @first_comment, @created_at, @updated_at)`,
  );
  const byId = db.prepare<[string], PostRow>('SELECT * FROM posts WHERE id = ?');
  // One client, one period: served by posts_by_client_time.
  const clientRange = db.prepare<[string, number, number, number], PostRow>(
    `SELECT * FROM posts WHERE client_id = ? AND scheduled_at >= ? AND scheduled_at < ? AND deleted_at IS NULL
     ORDER BY scheduled_at, id LIMIT ?`,
  );
  const variantsOf = db.prepare<[string], VariantRow>('SELECT * FROM post_variants WHERE post_id = ? ORDER BY created_at, network');
  const variantsOfMany = db.prepare<[string], VariantRow>(
    `SELECT * FROM post_variants WHERE post_id IN (SELECT value FROM json_each(?)) ORDER BY post_id, created_at, network`,
  );
  // The calendar grid's share of variants: which networks, and which design shows on the card.
  const marksOfMany = db.prepare<[string], VariantMark>(
    `SELECT post_id, network, design_id, page_index FROM post_variants WHERE post_id IN (SELECT value FROM json_each(?)) ORDER BY post_id, created_at, network`,
  );
  const setDeleted = db.prepare<[number | null, number, string]>('UPDATE posts SET deleted_at = ?, updated_at = ? WHERE id = ?');
  const syncFollowers = db.prepare<[string, number, string]>(
    'UPDATE post_variants SET caption = ?, updated_at = ? WHERE post_id = ? AND follows_master = 1',
  );
  const updateVariant = db.prepare<VariantPatch & { id: string; updated_at: number }>(
    `UPDATE post_variants SET caption = @caption, follows_master = @follows_master, design_id = @design_id,
       page_index = @page_index, first_comment = @first_comment, updated_at = @updated_at WHERE id = @id`,
  );
  const deleteVariant = db.prepare<[string]>('DELETE FROM post_variants WHERE id = ?');
  const countActive = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM posts WHERE deleted_at IS NULL');
  // list() builds its SQL from which filters are present: a handful of shapes, each prepared once.
  const listStatements = new Map<string, Database.Statement<Record<string, unknown>, PostRow>>();

  return {
    insert(row: PostRow): void {
      insert.run(row);
    },
    insertVariant(row: VariantRow): void {
      insertVariant.run(row);
    },
    get(id: string): PostRow | undefined {
      return byId.get(id);
    },
    /** The calendar's query: one client's posts in [fromMs, toMs), in time order. */
    listClientRange(clientId: string, fromMs: number, toMs: number, limit = 100_000): PostRow[] {
      return clientRange.all(clientId, fromMs, toMs, limit);
    },
    list(range: PostRange): PostRow[] {
      const where: string[] = [];
      const params: Record<string, unknown> = {};
      if (!range.includeDeleted) {
        where.push('deleted_at IS NULL');
        // A deleted client's posts leave every view with it.
        where.push('EXISTS (SELECT 1 FROM clients c WHERE c.id = posts.client_id AND c.deleted_at IS NULL)');
      }
      if (range.clientId) {
        where.push('client_id = @clientId');
        params.clientId = range.clientId;
      }
      if (range.statuses?.length) {
        where.push('status IN (SELECT value FROM json_each(@statuses))');
        params.statuses = JSON.stringify(range.statuses);
      }
      const timed = range.fromMs !== undefined || range.toMs !== undefined;
      if (timed) {
        const timeClause = 'scheduled_at >= @fromMs AND scheduled_at < @toMs';
        params.fromMs = range.fromMs ?? MIN_MS;
        params.toMs = range.toMs ?? MAX_MS;
        where.push(range.includeUnscheduled ? `(${timeClause} OR scheduled_at IS NULL)` : timeClause);
      }
      params.limit = range.limit ?? 100_000;
      const sql = `SELECT * FROM posts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY scheduled_at IS NULL, scheduled_at, created_at, id LIMIT @limit`;
      let statement = listStatements.get(sql);
      if (!statement) {
        statement = db.prepare<Record<string, unknown>, PostRow>(sql);
        listStatements.set(sql, statement);
      }
      return statement.all(params);
    },
    variants(postId: string): VariantRow[] {
      return variantsOf.all(postId);
    },
    /** Variants of many posts in one query, grouped by post id. */
    variantsByPost(postIds: readonly string[]): Map<string, VariantRow[]> {
      return postIds.length === 0 ? new Map() : byPost(variantsOfMany.all(JSON.stringify(postIds)));
    },
    /** The networks and designs of many posts' variants (no texts), grouped by post id, in variant order. */
    variantMarksByPost(postIds: readonly string[]): Map<string, VariantMark[]> {
      return postIds.length === 0 ? new Map() : byPost(marksOfMany.all(JSON.stringify(postIds)));
    },
    update(id: string, patch: PostPatch, updatedAt: number): void {
      const keys = (Object.keys(patch) as (keyof PostPatch)[]).filter((k) => patch[k] !== undefined);
      if (keys.length === 0) return;
      const sets = keys.map((k) => `${k} = @${k}`).join(', ');
      db.prepare(`UPDATE posts SET ${sets}, updated_at = @updated_at WHERE id = @id`).run({ ...patch, id, updated_at: updatedAt });
    },
    /** Rewrites one variant's text, media and first comment. */
    updateVariant(id: string, patch: VariantPatch, updatedAt: number): void {
      updateVariant.run({ ...patch, id, updated_at: updatedAt });
    },
    deleteVariant(id: string): void {
      deleteVariant.run(id);
    },
    /** Variants that still follow the master caption take its new text. */
    syncFollowingVariants(postId: string, caption: string, updatedAt: number): void {
      syncFollowers.run(caption, updatedAt, postId);
    },
    setDeleted(id: string, deletedAt: number | null, updatedAt: number): void {
      setDeleted.run(deletedAt, updatedAt, id);
    },
    countActive(): number {
      return countActive.get()!.n;
    },
  };
}

export type PostsRepository = ReturnType<typeof createPostsRepository>;
