// Caption writer: per-network variants of a post, snippets and hashtag sets, per-client caption
// preferences, and offline spell checking. Measuring is pure (src-main/core/captions): the renderer
// calls it directly, so it is not in this table.
import { z } from 'zod';
import { Id, Network, Post } from '../entities';
import { defineMethods } from './define';

export const SNIPPET_KINDS = ['snippet', 'hashtag_set'] as const;
export const SPELL_LANGUAGES = ['en', 'fr'] as const;

export const Snippet = z.object({
  id: Id,
  /** Null for a snippet every client can use. */
  clientId: Id.nullable(),
  kind: z.enum(SNIPPET_KINDS),
  name: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Snippet = z.infer<typeof Snippet>;

const SnippetName = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');
const SnippetBody = z.string().min(1, 'must not be empty').max(10_000, 'must be at most 10,000 characters');
const VariantRef = z.strictObject({ postId: Id, network: Network });

export const CaptionPrefs = z.object({
  clientId: Id,
  /** Spell-checking language for this client's captions; `none` turns it off. */
  spellLanguage: z.enum([...SPELL_LANGUAGES, 'none']),
  /** The client's Mastodon server limit (`configuration.statuses.max_characters`). */
  mastodonLimit: z.number().int(),
});
export type CaptionPrefs = z.infer<typeof CaptionPrefs>;

export const SpellResult = z.object({
  language: z.enum(SPELL_LANGUAGES),
  /** False while the dictionary is still loading (French takes a while): ask again shortly. */
  ready: z.boolean(),
  misspelled: z.array(z.object({ word: z.string(), suggestions: z.array(z.string()) })),
});
export type SpellResult = z.infer<typeof SpellResult>;

export const captionMethods = defineMethods({
  'variants.add': { summary: 'Add a network to a post; its variant follows the master caption.', input: VariantRef, output: Post },
  'variants.remove': { summary: "Remove a network's variant from a post.", input: VariantRef, output: Post },
  'variants.update': {
    summary: "Edit one network's caption; it stops following the master.",
    input: z.strictObject({ postId: Id, network: Network, caption: z.string().max(100_000, 'must be at most 100,000 characters') }),
    output: Post,
  },
  'variants.reset': { summary: "Make a network's caption follow the master again.", input: VariantRef, output: Post },
  'snippets.list': {
    summary: 'Snippets and hashtag sets: the global ones plus, with a client, that client’s.',
    input: z.strictObject({ clientId: Id.optional(), kind: z.enum(SNIPPET_KINDS).optional() }),
    output: z.array(Snippet),
  },
  'snippets.create': {
    summary: 'Create a snippet or hashtag set, for one client or for all.',
    input: z.strictObject({ clientId: Id.nullable().optional(), kind: z.enum(SNIPPET_KINDS), name: SnippetName, body: SnippetBody }),
    output: Snippet,
  },
  'snippets.update': {
    summary: 'Rename or rewrite a snippet.',
    input: z.strictObject({ id: Id, name: SnippetName.optional(), body: SnippetBody.optional() }),
    output: Snippet,
  },
  'snippets.delete': { summary: 'Delete a snippet.', input: z.strictObject({ id: Id }), output: z.object({ id: Id }) },
  'captions.prefs.get': { summary: "A client's caption preferences.", input: z.strictObject({ clientId: Id }), output: CaptionPrefs },
  'captions.prefs.update': {
    summary: "Change a client's spell-checking language or Mastodon limit.",
    input: z.strictObject({
      clientId: Id,
      spellLanguage: z.enum([...SPELL_LANGUAGES, 'none']).optional(),
      mastodonLimit: z.number().int().min(1, 'must be at least 1').max(100_000, 'must be at most 100,000').optional(),
    }),
    output: CaptionPrefs,
  },
  'spell.check': {
    summary: 'Words not in the English or French dictionary, with suggestions (offline).',
    input: z.strictObject({ language: z.enum(SPELL_LANGUAGES), words: z.array(z.string().max(100)).max(5_000) }),
    output: SpellResult,
  },
});
