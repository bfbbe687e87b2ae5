// Schema v2: per-client caption preferences (spell-checking language, Mastodon server limit).
export const captionsSchema = /* sql */ `
CREATE TABLE client_caption_prefs (
  client_id      TEXT PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
  spell_language TEXT NOT NULL DEFAULT 'en' CHECK (spell_language IN ('en', 'fr', 'none')),
  mastodon_limit INTEGER NOT NULL DEFAULT 500 CHECK (mastodon_limit BETWEEN 1 AND 100000),
  updated_at     INTEGER NOT NULL
);
CREATE INDEX snippets_by_client ON snippets (client_id, kind, name);
`;
