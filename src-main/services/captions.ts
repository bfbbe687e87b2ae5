// Caption writer services: a post's per-network variants (follow the master until edited, reset to
// follow again), snippets and hashtag sets per client or global, per-client caption preferences.
import type { CaptionPrefs, Snippet } from '../contract/api/captions';
import type { captionMethods } from '../contract/api/captions';
import type { In, Post } from '../contract';
import { AtelierError } from '../contract/errors';
import { NETWORK_RULES } from '../core/captions/rules';
import { unknownVariables } from '../core/captions/snippets';
import type { NetworkId } from '../core/domain/posts';
import { createCaptionsRepository, type CaptionPrefsRow, type SnippetRow } from '../db/repositories/captions';
import type { HandlersFor } from '../contract/handlers';
import { iso } from './convert';
import type { EventBus } from './events';
import type { Library } from './library';
import type { PostService } from './posts';
import type { SpellService } from './spell';

function toSnippet(row: SnippetRow): Snippet {
  return { id: row.id, clientId: row.client_id, kind: row.kind, name: row.name, body: row.body, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
}

function toPrefs(clientId: string, row: CaptionPrefsRow | undefined): CaptionPrefs {
  return { clientId, spellLanguage: row?.spell_language ?? 'en', mastodonLimit: row?.mastodon_limit ?? NETWORK_RULES.mastodon.body.limit };
}

export function createCaptionService(lib: Library, events: EventBus, posts: PostService) {
  const repo = createCaptionsRepository(lib.db);

  function activePost(postId: string) {
    const row = lib.posts.get(postId);
    if (!row || row.deleted_at !== null) throw new AtelierError('not_found', `No post with id ${postId}.`, { field: 'postId', id: postId }, { key: 'posts.notFound' });
    return row;
  }
  function requireVariant(postId: string, network: NetworkId) {
    const row = repo.variant(postId, network);
    if (!row) {
      throw new AtelierError('not_found', `Post ${postId} has no ${NETWORK_RULES[network].name} variant; add the network first.`, { field: 'network', postId, network }, { key: 'captions.noVariant', params: { network } });
    }
    return row;
  }
  function activeClient(clientId: string) {
    const client = lib.clients.get(clientId);
    if (!client || client.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${clientId}.`, { field: 'clientId', id: clientId }, { key: 'clients.notFound' });
    return client;
  }
  function changedPost(postId: string): Post {
    posts.announce(postId);
    return posts.get(postId);
  }
  function requireSnippet(id: string): SnippetRow {
    const row = repo.snippet(id);
    if (!row) throw new AtelierError('not_found', `No snippet with id ${id}.`, { id }, { key: 'captions.snippetNotFound' });
    return row;
  }
  function checkBody(body: string): void {
    const unknown = unknownVariables(body);
    if (unknown.length) {
      throw new AtelierError('invalid_input', `Unknown variable ${unknown.map((v) => `{{${v}}}`).join(', ')}: snippets know {{client}}, {{date}} and {{link}}.`, {
        field: 'body',
        unknown,
      }, { key: 'captions.unknownVariable', params: { variables: unknown.map((v) => `{{${v}}}`).join(', '), known: '{{client}}, {{date}}, {{link}}' } });
    }
  }

  return {
    addVariant({ postId, network }: In<'variants.add'>): Post {
      lib.write(() => {
        const row = activePost(postId);
        if (repo.variant(postId, network)) return row;
        const now = lib.clock.now();
        lib.posts.insertVariant({
          id: lib.ids(),
          post_id: postId,
          network,
          caption: row.caption,
          follows_master: 1,
          design_id: null,
          page_index: null,
          first_comment: '',
          created_at: now,
          updated_at: now,
        });
        return row;
      });
      return changedPost(postId);
    },
    removeVariant({ postId, network }: In<'variants.remove'>): Post {
      lib.write(() => {
        const row = activePost(postId);
        requireVariant(postId, network);
        repo.deleteVariant(postId, network);
        return row;
      });
      return changedPost(postId);
    },
    updateVariant({ postId, network, caption }: In<'variants.update'>): Post {
      lib.write(() => {
        const row = activePost(postId);
        requireVariant(postId, network);
        repo.setVariant(postId, network, caption, false, lib.clock.now());
        return row;
      });
      return changedPost(postId);
    },
    resetVariant({ postId, network }: In<'variants.reset'>): Post {
      lib.write(() => {
        const row = activePost(postId);
        requireVariant(postId, network);
        repo.setVariant(postId, network, row.caption, true, lib.clock.now());
        return row;
      });
      return changedPost(postId);
    },
    listSnippets({ clientId, kind }: In<'snippets.list'>): Snippet[] {
      if (clientId) activeClient(clientId);
      return repo.listSnippets(clientId, kind).map(toSnippet);
    },
    createSnippet(input: In<'snippets.create'>): Snippet {
      checkBody(input.body);
      const row = lib.write(() => {
        if (input.clientId) activeClient(input.clientId);
        const now = lib.clock.now();
        const created: SnippetRow = { id: lib.ids(), client_id: input.clientId ?? null, kind: input.kind, name: input.name.trim(), body: input.body, created_at: now, updated_at: now };
        repo.insertSnippet(created);
        return created;
      });
      events.emit('snippets.changed', { ids: [row.id] });
      return toSnippet(row);
    },
    updateSnippet(input: In<'snippets.update'>): Snippet {
      if (input.body !== undefined) checkBody(input.body);
      const row = lib.write(() => {
        const current = requireSnippet(input.id);
        repo.updateSnippet(input.id, input.name?.trim() ?? current.name, input.body ?? current.body, lib.clock.now());
        return requireSnippet(input.id);
      });
      events.emit('snippets.changed', { ids: [row.id] });
      return toSnippet(row);
    },
    deleteSnippet(id: string): { id: string } {
      lib.write(() => {
        requireSnippet(id);
        repo.deleteSnippet(id);
      });
      events.emit('snippets.changed', { ids: [id] });
      return { id };
    },
    prefs(clientId: string): CaptionPrefs {
      activeClient(clientId);
      return toPrefs(clientId, repo.prefs(clientId));
    },
    updatePrefs(input: In<'captions.prefs.update'>): CaptionPrefs {
      const row = lib.write(() => {
        activeClient(input.clientId);
        const current = toPrefs(input.clientId, repo.prefs(input.clientId));
        const next: CaptionPrefsRow = {
          client_id: input.clientId,
          spell_language: input.spellLanguage ?? current.spellLanguage,
          mastodon_limit: input.mastodonLimit ?? current.mastodonLimit,
          updated_at: lib.clock.now(),
        };
        repo.upsertPrefs(next);
        return next;
      });
      return toPrefs(input.clientId, row);
    },
  };
}

export type CaptionService = ReturnType<typeof createCaptionService>;

export function captionHandlers(captions: CaptionService, spell: SpellService): HandlersFor<typeof captionMethods> {
  return {
    'variants.add': (input) => captions.addVariant(input),
    'variants.remove': (input) => captions.removeVariant(input),
    'variants.update': (input) => captions.updateVariant(input),
    'variants.reset': (input) => captions.resetVariant(input),
    'snippets.list': (input) => captions.listSnippets(input),
    'snippets.create': (input) => captions.createSnippet(input),
    'snippets.update': (input) => captions.updateSnippet(input),
    'snippets.delete': ({ id }) => captions.deleteSnippet(id),
    'captions.prefs.get': ({ clientId }) => captions.prefs(clientId),
    'captions.prefs.update': (input) => captions.updatePrefs(input),
    'spell.check': (input) => spell.check(input.language, input.words),
  };
}
