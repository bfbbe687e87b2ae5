// Schema v1. Times are INTEGER epoch milliseconds in UTC; each client carries its IANA zone.
// Soft deletion (`deleted_at`) backs undo and the trash: nothing a user deletes is gone at once.
export const initialSchema = /* sql */ `
CREATE TABLE clients (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  time_zone     TEXT NOT NULL,
  color         TEXT NOT NULL,
  notes         TEXT NOT NULL DEFAULT '',
  approval_mode TEXT NOT NULL DEFAULT 'none' CHECK (approval_mode IN ('none', 'required')),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  deleted_at    INTEGER
);
CREATE INDEX clients_by_name ON clients (name COLLATE NOCASE);

CREATE TABLE designs (
  id             TEXT PRIMARY KEY,
  client_id      TEXT REFERENCES clients (id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  preset         TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  document       TEXT NOT NULL CHECK (json_valid(document)),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  deleted_at     INTEGER
);
CREATE INDEX designs_by_client ON designs (client_id, updated_at);

CREATE TABLE posts (
  id           TEXT PRIMARY KEY,
  client_id    TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  title        TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('idea', 'draft', 'in_review', 'changes_requested', 'approved',
                                               'scheduled', 'published', 'failed', 'missed', 'cancelled')),
  caption      TEXT NOT NULL DEFAULT '',
  scheduled_at INTEGER,
  labels       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(labels)),
  campaign     TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  deleted_at   INTEGER
);
-- The calendar's month query: one client, a time range.
CREATE INDEX posts_by_client_time ON posts (client_id, scheduled_at);
CREATE INDEX posts_by_time ON posts (scheduled_at);

CREATE TABLE post_variants (
  id             TEXT PRIMARY KEY,
  post_id        TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  network        TEXT NOT NULL,
  caption        TEXT NOT NULL DEFAULT '',
  follows_master INTEGER NOT NULL DEFAULT 1 CHECK (follows_master IN (0, 1)),
  design_id      TEXT REFERENCES designs (id) ON DELETE SET NULL,
  page_index     INTEGER,
  first_comment  TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  UNIQUE (post_id, network)
);
CREATE INDEX post_variants_by_design ON post_variants (design_id);

CREATE TABLE assets (
  sha256        TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  kind          TEXT NOT NULL CHECK (kind IN ('image', 'font', 'other')),
  mime          TEXT NOT NULL,
  size          INTEGER NOT NULL CHECK (size >= 0),
  width         INTEGER,
  height        INTEGER,
  original_name TEXT NOT NULL DEFAULT '',
  client_id     TEXT REFERENCES clients (id) ON DELETE SET NULL,
  created_at    INTEGER NOT NULL,
  deleted_at    INTEGER
);

-- Who uses an asset: a design, a post or a brand kit. Unreferenced files are collected after a grace period.
CREATE TABLE asset_refs (
  asset_sha256 TEXT NOT NULL REFERENCES assets (sha256) ON DELETE CASCADE,
  owner_type   TEXT NOT NULL CHECK (owner_type IN ('design', 'post', 'brand_kit')),
  owner_id     TEXT NOT NULL,
  PRIMARY KEY (asset_sha256, owner_type, owner_id)
);
CREATE INDEX asset_refs_by_owner ON asset_refs (owner_type, owner_id);

CREATE TABLE queue_slots (
  id            TEXT PRIMARY KEY,
  client_id     TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  network       TEXT NOT NULL,
  weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- ISO: 1 = Monday
  minute_of_day INTEGER NOT NULL CHECK (minute_of_day BETWEEN 0 AND 1439),
  UNIQUE (client_id, network, weekday, minute_of_day)
);

CREATE TABLE snippets (
  id         TEXT PRIMARY KEY,
  client_id  TEXT REFERENCES clients (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('snippet', 'hashtag_set')),
  name       TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
);
`;
