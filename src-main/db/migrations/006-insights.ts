// Schema v6: insights. The networks' own exports, imported per client: one row per published post
// (newest export wins, metrics NULL when the export did not give them: missing is not zero), daily
// follower figures, TikTok's hourly follower activity, and the permalinks recorded at "Mark
// published", one per post and network. Side tables only; existing tables are not altered.
import type { Database } from 'better-sqlite3';
import { networkOfUrl, permalinkKey } from '../../core/insights/matching';

export const insightsSchema = /* sql */ `
CREATE TABLE insight_imports (
  id             TEXT PRIMARY KEY,
  client_id      TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  file_name      TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  sources        TEXT NOT NULL CHECK (json_valid(sources)),
  export_date    INTEGER NOT NULL,
  imported_at    INTEGER NOT NULL,
  posts          INTEGER NOT NULL,
  added          INTEGER NOT NULL,
  updated        INTEGER NOT NULL,
  follower_days  INTEGER NOT NULL,
  activity_hours INTEGER NOT NULL,
  notes          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes))
);
CREATE INDEX insight_imports_by_client ON insight_imports (client_id, imported_at);

CREATE TABLE insight_posts (
  id            TEXT PRIMARY KEY,
  client_id     TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  network       TEXT NOT NULL,
  external_id   TEXT NOT NULL,
  permalink     TEXT NOT NULL DEFAULT '',
  permalink_key TEXT NOT NULL DEFAULT '',
  published_at  INTEGER,
  precision     TEXT NOT NULL CHECK (precision IN ('time', 'day', 'none')),
  caption       TEXT NOT NULL DEFAULT '',
  post_type     TEXT NOT NULL DEFAULT '',
  views         REAL,
  reach         REAL,
  likes         REAL,
  comments      REAL,
  shares        REAL,
  saves         REAL,
  clicks        REAL,
  follows       REAL,
  engagements   REAL,
  export_date   INTEGER NOT NULL,
  import_id     TEXT REFERENCES insight_imports (id) ON DELETE SET NULL,
  post_id       TEXT REFERENCES posts (id) ON DELETE SET NULL,
  match         TEXT NOT NULL CHECK (match IN ('permalink', 'auto', 'confirmed', 'created', 'none')),
  match_score   REAL,
  updated_at    INTEGER NOT NULL,
  UNIQUE (client_id, network, external_id)
);
CREATE INDEX insight_posts_by_time ON insight_posts (client_id, published_at);
CREATE INDEX insight_posts_by_post ON insight_posts (post_id);
CREATE INDEX insight_posts_by_link ON insight_posts (client_id, permalink_key);

CREATE TABLE insight_followers (
  client_id   TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  network     TEXT NOT NULL,
  day         TEXT NOT NULL,
  total       REAL,
  gained      REAL,
  lost        REAL,
  export_date INTEGER NOT NULL,
  PRIMARY KEY (client_id, network, day)
) WITHOUT ROWID;

CREATE TABLE insight_activity (
  client_id   TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  network     TEXT NOT NULL,
  day         TEXT NOT NULL,
  hour        INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  active      REAL NOT NULL,
  export_date INTEGER NOT NULL,
  PRIMARY KEY (client_id, network, day, hour)
) WITHOUT ROWID;

CREATE TABLE post_permalinks (
  post_id     TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  network     TEXT NOT NULL,
  url         TEXT NOT NULL,
  url_key     TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (post_id, network)
);
CREATE INDEX post_permalinks_by_key ON post_permalinks (url_key);
`;

/** Permalinks recorded before this version (one URL per post) get their network from the URL, or from the post's only network. */
export function migrateInsights(db: Database): void {
  db.exec(insightsSchema);
  const rows = db
    .prepare<[], { post_id: string; url: string; updated_at: number; networks: string }>(
      `SELECT s.post_id, s.published_url AS url, p.updated_at,
              (SELECT json_group_array(network) FROM post_variants v WHERE v.post_id = s.post_id) AS networks
       FROM post_schedule s JOIN posts p ON p.id = s.post_id WHERE s.published_url <> ''`,
    )
    .all();
  const insert = db.prepare('INSERT OR IGNORE INTO post_permalinks (post_id, network, url, url_key, recorded_at) VALUES (?, ?, ?, ?, ?)');
  for (const row of rows) {
    const networks = JSON.parse(row.networks) as string[];
    const network = networkOfUrl(row.url) ?? (networks.length === 1 ? networks[0]! : null);
    if (network) insert.run(row.post_id, network, row.url, permalinkKey(row.url), row.updated_at);
  }
}
