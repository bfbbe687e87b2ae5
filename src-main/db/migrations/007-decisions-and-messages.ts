// Schema v7: translatable service texts and idempotent pack decisions.
//
// - `message` (JSON `{ key, params }`, or NULL) beside the English text that services write into the
//   undo log, the status history and private notes, so the studio can show them in its language.
//   Rows written before this version keep only their English text.
// - `pack_decisions`: every client decision applied from a decisions.json, so applying the same
//   file twice changes nothing, and an older decision never overrides a newer one.
export const decisionsAndMessagesSchema = /* sql */ `
ALTER TABLE calendar_ops ADD COLUMN message TEXT CHECK (message IS NULL OR json_valid(message));
ALTER TABLE post_status_history ADD COLUMN message TEXT CHECK (message IS NULL OR json_valid(message));
ALTER TABLE post_notes ADD COLUMN message TEXT CHECK (message IS NULL OR json_valid(message));

CREATE TABLE pack_decisions (
  post_id    TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  client_id  TEXT NOT NULL,
  decided_at INTEGER NOT NULL,
  decision   TEXT NOT NULL CHECK (decision IN ('approve', 'changes_requested')),
  applied_at INTEGER NOT NULL,
  PRIMARY KEY (post_id, decided_at)
);
`;
