// Variants of a post, snippets and per-client caption preferences.
import type { Db } from '../open';
import type { VariantRow } from './posts';

export interface SnippetRow {
  id: string;
  client_id: string | null;
  kind: 'snippet' | 'hashtag_set';
  name: string;
  body: string;
  created_at: number;
  updated_at: number;
}

export interface CaptionPrefsRow {
  client_id: string;
  spell_language: 'en' | 'fr' | 'none';
  mastodon_limit: number;
  updated_at: number;
}

export function createCaptionsRepository(db: Db) {
  const variant = db.prepare<[string, string], VariantRow>('SELECT * FROM post_variants WHERE post_id = ? AND network = ?');
  const setVariant = db.prepare<[string, 0 | 1, number, string, string]>(
    'UPDATE post_variants SET caption = ?, follows_master = ?, updated_at = ? WHERE post_id = ? AND network = ?',
  );
  const deleteVariant = db.prepare<[string, string]>('DELETE FROM post_variants WHERE post_id = ? AND network = ?');
  const snippet = db.prepare<[string], SnippetRow>('SELECT * FROM snippets WHERE id = ?');
  const insertSnippet = db.prepare<SnippetRow>(
    'INSERT INTO snippets (id, client_id, kind, name, body, created_at, updated_at) VALUES (@id, @client_id, @kind, @name, @body, @created_at, @updated_at)',
  );
  const updateSnippet = db.prepare<[string, string, number, string]>('UPDATE snippets SET name = ?, body = ?, updated_at = ? WHERE id = ?');
  const deleteSnippet = db.prepare<[string]>('DELETE FROM snippets WHERE id = ?');
  const listSnippets = db.prepare<{ clientId: string | null; all: number; kind: string | null }, SnippetRow>(
    `SELECT * FROM snippets
     WHERE (@all = 1 OR client_id IS NULL OR client_id = @clientId) AND (@kind IS NULL OR kind = @kind)
     ORDER BY client_id IS NOT NULL, kind, name COLLATE NOCASE, id`,
  );
  const prefs = db.prepare<[string], CaptionPrefsRow>('SELECT * FROM client_caption_prefs WHERE client_id = ?');
  const upsertPrefs = db.prepare<CaptionPrefsRow>(
    `INSERT INTO client_caption_prefs (client_id, spell_language, mastodon_limit, updated_at)
     VALUES (@client_id, @spell_language, @mastodon_limit, @updated_at)
     ON CONFLICT (client_id) DO UPDATE SET spell_language = excluded.spell_language,
       mastodon_limit = excluded.mastodon_limit, updated_at = excluded.updated_at`,
  );

  return {
    variant: (postId: string, network: string) => variant.get(postId, network),
    setVariant(postId: string, network: string, caption: string, followsMaster: boolean, now: number): void {
      setVariant.run(caption, followsMaster ? 1 : 0, now, postId, network);
    },
    deleteVariant: (postId: string, network: string) => void deleteVariant.run(postId, network),
    snippet: (id: string) => snippet.get(id),
    insertSnippet: (row: SnippetRow) => void insertSnippet.run(row),
    updateSnippet: (id: string, name: string, body: string, now: number) => void updateSnippet.run(name, body, now, id),
    deleteSnippet: (id: string) => void deleteSnippet.run(id),
    listSnippets: (clientId: string | undefined, kind: string | undefined) =>
      listSnippets.all({ clientId: clientId ?? null, all: clientId === undefined ? 1 : 0, kind: kind ?? null }),
    prefs: (clientId: string) => prefs.get(clientId),
    upsertPrefs: (row: CaptionPrefsRow) => void upsertPrefs.run(row),
  };
}

export type CaptionsRepository = ReturnType<typeof createCaptionsRepository>;
