// Asset rows, their tags and references (brand kits are in brand-kits.ts). Statements are prepared once per connection.
import type { Db } from '../open';

export interface AssetRow {
  sha256: string;
  kind: 'image' | 'font' | 'other';
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  original_name: string;
  client_id: string | null;
  created_at: number;
  deleted_at: number | null;
  font_family: string | null;
}

/** An asset row with its tags and reference counts, as the list query returns it. */
export interface AssetListRow extends AssetRow {
  tags: string | null;
  posts: number;
  designs: number;
  brand_kits: number;
}

export type OwnerType = 'design' | 'post' | 'brand_kit';

export interface UsageRow {
  owner_type: OwnerType;
  owner_id: string;
  title: string | null;
  client_id: string | null;
}

const LIST_SELECT = `
  SELECT a.*,
    (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM asset_tags t WHERE t.asset_sha256 = a.sha256 ORDER BY tag)) AS tags,
    (SELECT count(*) FROM asset_refs r WHERE r.asset_sha256 = a.sha256 AND r.owner_type = 'post') AS posts,
    (SELECT count(*) FROM asset_refs r WHERE r.asset_sha256 = a.sha256 AND r.owner_type = 'design') AS designs,
    (SELECT count(*) FROM asset_refs r WHERE r.asset_sha256 = a.sha256 AND r.owner_type = 'brand_kit') AS brand_kits
  FROM assets a`;

export function createAssetsRepository(db: Db) {
  const insert = db.prepare<AssetRow>(
    `INSERT INTO assets (sha256, kind, mime, size, width, height, original_name, client_id, created_at, deleted_at, font_family)
     VALUES (@sha256, @kind, @mime, @size, @width, @height, @original_name, @client_id, @created_at, @deleted_at, @font_family)`,
  );
  const byId = db.prepare<[string], AssetRow>('SELECT * FROM assets WHERE sha256 = ?');
  const listOne = db.prepare<[string], AssetListRow>(`${LIST_SELECT} WHERE a.sha256 = ?`);
  const listActive = db.prepare<[], AssetListRow>(`${LIST_SELECT} WHERE a.deleted_at IS NULL ORDER BY a.created_at DESC, a.sha256`);
  const listAll = db.prepare<[], AssetListRow>(`${LIST_SELECT} ORDER BY a.created_at DESC, a.sha256`);
  const setName = db.prepare<[string, string]>('UPDATE assets SET original_name = ? WHERE sha256 = ?');
  const setClient = db.prepare<[string | null, string]>('UPDATE assets SET client_id = ? WHERE sha256 = ?');
  const setDeleted = db.prepare<[number | null, string]>('UPDATE assets SET deleted_at = ? WHERE sha256 = ?');
  const remove = db.prepare<[string]>('DELETE FROM assets WHERE sha256 = ?');
  const clearTags = db.prepare<[string]>('DELETE FROM asset_tags WHERE asset_sha256 = ?');
  const addTag = db.prepare<[string, string]>('INSERT OR IGNORE INTO asset_tags (asset_sha256, tag) VALUES (?, ?)');
  const allTags = db.prepare<[], { tag: string; n: number }>(
    'SELECT t.tag, count(*) AS n FROM asset_tags t JOIN assets a ON a.sha256 = t.asset_sha256 WHERE a.deleted_at IS NULL GROUP BY t.tag ORDER BY t.tag',
  );
  const usage = db.prepare<[string], UsageRow>(
    `SELECT r.owner_type, r.owner_id,
       CASE r.owner_type
         WHEN 'post' THEN (SELECT title FROM posts WHERE id = r.owner_id)
         WHEN 'design' THEN (SELECT name FROM designs WHERE id = r.owner_id)
         ELSE (SELECT name FROM clients WHERE id = r.owner_id) END AS title,
       CASE r.owner_type
         WHEN 'post' THEN (SELECT client_id FROM posts WHERE id = r.owner_id)
         WHEN 'design' THEN (SELECT client_id FROM designs WHERE id = r.owner_id)
         ELSE r.owner_id END AS client_id
     FROM asset_refs r WHERE r.asset_sha256 = ? ORDER BY r.owner_type, title`,
  );
  const refCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM asset_refs WHERE asset_sha256 = ?');
  const refsOf = db.prepare<[OwnerType, string], { asset_sha256: string }>('SELECT asset_sha256 FROM asset_refs WHERE owner_type = ? AND owner_id = ?');
  const clearRefs = db.prepare<[OwnerType, string]>('DELETE FROM asset_refs WHERE owner_type = ? AND owner_id = ?');
  const addRef = db.prepare<[string, OwnerType, string]>('INSERT OR IGNORE INTO asset_refs (asset_sha256, owner_type, owner_id) VALUES (?, ?, ?)');
  const collectable = db.prepare<[number], AssetRow>(
    `SELECT * FROM assets a WHERE a.deleted_at IS NOT NULL AND a.deleted_at <= ?
       AND NOT EXISTS (SELECT 1 FROM asset_refs r WHERE r.asset_sha256 = a.sha256)`,
  );
  const allIds = db.prepare<[], { sha256: string; mime: string }>('SELECT sha256, mime FROM assets');
  const knownOf = db.prepare<[string], { sha256: string }>('SELECT sha256 FROM assets WHERE sha256 IN (SELECT value FROM json_each(?))');
  const countActive = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM assets WHERE deleted_at IS NULL');

  return {
    insert(row: AssetRow): void {
      insert.run(row);
    },
    get(sha: string): AssetRow | undefined {
      return byId.get(sha);
    },
    getListed(sha: string): AssetListRow | undefined {
      return listOne.get(sha);
    },
    list(options: { includeDeleted?: boolean } = {}): AssetListRow[] {
      return options.includeDeleted ? listAll.all() : listActive.all();
    },
    rename(sha: string, name: string): void {
      setName.run(name, sha);
    },
    setClient(sha: string, clientId: string | null): void {
      setClient.run(clientId, sha);
    },
    setDeleted(sha: string, deletedAt: number | null): void {
      setDeleted.run(deletedAt, sha);
    },
    remove(sha: string): void {
      remove.run(sha);
    },
    setTags(sha: string, tags: readonly string[]): void {
      clearTags.run(sha);
      for (const tag of tags) addTag.run(sha, tag);
    },
    addTags(sha: string, tags: readonly string[]): void {
      for (const tag of tags) addTag.run(sha, tag);
    },
    tags(): { tag: string; n: number }[] {
      return allTags.all();
    },
    usage(sha: string): UsageRow[] {
      return usage.all(sha);
    },
    refCount(sha: string): number {
      return refCount.get(sha)!.n;
    },
    /** Which of these ids are assets of this library (deleted ones included). */
    known(shas: readonly string[]): string[] {
      return knownOf.all(JSON.stringify(shas)).map((r) => r.sha256);
    },
    refsOf(ownerType: OwnerType, ownerId: string): string[] {
      return refsOf.all(ownerType, ownerId).map((r) => r.asset_sha256);
    },
    /** Replaces everything one owner references. */
    setRefs(ownerType: OwnerType, ownerId: string, shas: readonly string[]): void {
      clearRefs.run(ownerType, ownerId);
      for (const sha of shas) addRef.run(sha, ownerType, ownerId);
    },
    /** Deleted before `cutoff` and referenced by nothing. */
    collectable(cutoff: number): AssetRow[] {
      return collectable.all(cutoff);
    },
    allIds(): { sha256: string; mime: string }[] {
      return allIds.all();
    },
    countActive(): number {
      return countActive.get()!.n;
    },
  };
}

export type AssetsRepository = ReturnType<typeof createAssetsRepository>;
