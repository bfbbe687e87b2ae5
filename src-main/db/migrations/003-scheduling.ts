// Schema v3: scheduling. Side tables only — the posts table itself is not altered, so other
// features' migrations never collide with this one.
export const schedulingSchema = /* sql */ `
-- Every status change, who made it (the user, the scheduler, an undo, an import) and an optional note.
CREATE TABLE post_status_history (
  id          INTEGER PRIMARY KEY,
  post_id     TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('user', 'scheduler', 'undo', 'redo', 'import')),
  note        TEXT NOT NULL DEFAULT '',
  at          INTEGER NOT NULL
);
CREATE INDEX post_status_history_by_post ON post_status_history (post_id, at, id);

-- Private notes on a post: never exported (ICS, CSV) and never published.
CREATE TABLE post_notes (
  id         TEXT PRIMARY KEY,
  post_id    TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  body       TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  created_at INTEGER NOT NULL
);
CREATE INDEX post_notes_by_post ON post_notes (post_id, created_at);

-- A recurring (evergreen) series: an RRULE read in the client's wall clock, with a required end.
CREATE TABLE post_series (
  id          TEXT PRIMARY KEY,
  client_id   TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  rule        TEXT NOT NULL,
  start_local TEXT NOT NULL,
  count       INTEGER,
  until_date  TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK ((count IS NULL) <> (until_date IS NULL))
);

-- Scheduling facts about a post: its series occurrence (edited occurrences are "detached" and kept
-- when the series changes), the link the post shares (CSV link columns), the URL it was published at, and when its due reminder went out.
CREATE TABLE post_schedule (
  post_id         TEXT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
  series_id       TEXT REFERENCES post_series (id) ON DELETE SET NULL,
  occurrence_key  TEXT,
  detached        INTEGER NOT NULL DEFAULT 0 CHECK (detached IN (0, 1)),
  link            TEXT NOT NULL DEFAULT '',
  published_url   TEXT NOT NULL DEFAULT '',
  due_notified_at INTEGER
);
CREATE INDEX post_schedule_by_series ON post_schedule (series_id, occurrence_key);

-- The calendar's undo log: each operation keeps every touched post's before and after state.
-- Undone operations stay until a new operation clears them (the redo stack).
CREATE TABLE calendar_ops (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL,
  label      TEXT NOT NULL,
  changes    TEXT NOT NULL CHECK (json_valid(changes)),
  state      TEXT NOT NULL CHECK (state IN ('done', 'undone')),
  created_at INTEGER NOT NULL
);
`;
