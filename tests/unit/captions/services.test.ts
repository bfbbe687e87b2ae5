// Variants, snippets, caption preferences and spell checking through the real dispatcher and SQLite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { testAtelier } from '../../helpers/app';

let t: ReturnType<typeof testAtelier>;
beforeEach(() => {
  t = testAtelier();
});
afterEach(() => t.cleanup());

async function clientAndPost() {
  const client = await t.atelier.call('clients.create', { name: 'Maison', timeZone: 'Europe/Paris' });
  const post = await t.atelier.call('posts.create', { clientId: client.id, title: 'Launch', caption: 'Spring is here', networks: ['x', 'instagram'] });
  return { client, post };
}

async function rejects(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AtelierError);
  expect((error as AtelierError).code).toBe(code);
  expect((error as AtelierError).message).toMatch(message);
}

describe('variants', () => {
  it('an edited variant stops following the master; reset brings the master back', async () => {
    const { post } = await clientAndPost();
    const edited = await t.atelier.call('variants.update', { postId: post.id, network: 'x', caption: 'Short for X' });
    expect(edited.variants.find((v) => v.network === 'x')).toMatchObject({ caption: 'Short for X', followsMaster: false });
    const master = await t.atelier.call('posts.update', { id: post.id, caption: 'Spring is finally here' });
    expect(master.variants.find((v) => v.network === 'x')!.caption).toBe('Short for X');
    expect(master.variants.find((v) => v.network === 'instagram')!.caption).toBe('Spring is finally here');
    const reset = await t.atelier.call('variants.reset', { postId: post.id, network: 'x' });
    expect(reset.variants.find((v) => v.network === 'x')).toMatchObject({ caption: 'Spring is finally here', followsMaster: true });
  });
  it('adds and removes networks', async () => {
    const { post } = await clientAndPost();
    const added = await t.atelier.call('variants.add', { postId: post.id, network: 'bluesky' });
    expect(added.variants.map((v) => v.network).sort()).toEqual(['bluesky', 'instagram', 'x']);
    expect(added.variants.find((v) => v.network === 'bluesky')).toMatchObject({ caption: 'Spring is here', followsMaster: true });
    const removed = await t.atelier.call('variants.remove', { postId: post.id, network: 'x' });
    expect(removed.variants.map((v) => v.network).sort()).toEqual(['bluesky', 'instagram']);
  });
  it('editing a network the post does not target is a clear error and changes nothing', async () => {
    const { post } = await clientAndPost();
    await rejects(t.atelier.call('variants.update', { postId: post.id, network: 'tiktok', caption: 'x' }), 'not_found', /no TikTok variant/);
    await rejects(t.atelier.call('variants.update', { postId: post.id, network: 'myspace' as 'x', caption: 'x' }), 'invalid_input', /network/);
    const after = await t.atelier.call('posts.get', { id: post.id });
    expect(after.variants).toEqual(post.variants);
  });
});

describe('snippets and hashtag sets', () => {
  it('lists the global ones plus the client’s own, and supports edit and delete', async () => {
    const { client } = await clientAndPost();
    const other = await t.atelier.call('clients.create', { name: 'Other', timeZone: 'UTC' });
    const global = await t.atelier.call('snippets.create', { kind: 'snippet', name: 'Signature', body: '— {{client}}, {{date}}' });
    await t.atelier.call('snippets.create', { clientId: client.id, kind: 'hashtag_set', name: 'Brand', body: '#maison #printemps' });
    await t.atelier.call('snippets.create', { clientId: other.id, kind: 'snippet', name: 'Theirs', body: 'x' });
    const mine = await t.atelier.call('snippets.list', { clientId: client.id });
    expect(mine.map((s) => s.name)).toEqual(['Signature', 'Brand']);
    expect((await t.atelier.call('snippets.list', { clientId: client.id, kind: 'hashtag_set' })).map((s) => s.name)).toEqual(['Brand']);
    await t.atelier.call('snippets.update', { id: global.id, body: 'Shop: {{link}}' });
    await t.atelier.call('snippets.delete', { id: global.id });
    expect((await t.atelier.call('snippets.list', { clientId: client.id })).map((s) => s.name)).toEqual(['Brand']);
  });
  it('an unknown variable or an empty name is refused and nothing is stored', async () => {
    await rejects(t.atelier.call('snippets.create', { kind: 'snippet', name: 'Price', body: 'Only {{price}}' }), 'invalid_input', /Unknown variable \{\{price\}\}/);
    await rejects(t.atelier.call('snippets.create', { kind: 'snippet', name: '  ', body: 'x' }), 'invalid_input', /name/);
    await rejects(t.atelier.call('snippets.create', { clientId: 'nobody', kind: 'snippet', name: 'A', body: 'x' }), 'not_found', /No client with id nobody/);
    expect(await t.atelier.call('snippets.list', {})).toEqual([]);
  });
});

describe('caption preferences', () => {
  it('default to English and 500, and keep a client’s choices', async () => {
    const { client } = await clientAndPost();
    expect(await t.atelier.call('captions.prefs.get', { clientId: client.id })).toEqual({ clientId: client.id, spellLanguage: 'en', mastodonLimit: 500 });
    await t.atelier.call('captions.prefs.update', { clientId: client.id, spellLanguage: 'fr' });
    await t.atelier.call('captions.prefs.update', { clientId: client.id, mastodonLimit: 5000 });
    expect(await t.atelier.call('captions.prefs.get', { clientId: client.id })).toEqual({ clientId: client.id, spellLanguage: 'fr', mastodonLimit: 5000 });
    await rejects(t.atelier.call('captions.prefs.update', { clientId: client.id, mastodonLimit: 0 }), 'invalid_input', /mastodonLimit/);
  });
});

describe('spell checking', () => {
  it('finds English mistakes with suggestions, offline', async () => {
    await t.atelier.services.spell.whenReady('en');
    const en = await t.atelier.call('spell.check', { language: 'en', words: ['spring', 'collection', 'becuase'] });
    expect(en).toMatchObject({ ready: true, misspelled: [{ word: 'becuase' }] });
    expect(en.misspelled[0]!.suggestions).toContain('because');
  }, 60_000);
  it('answers at once while the French dictionary loads, then finds French mistakes', async () => {
    const first = await t.atelier.call('spell.check', { language: 'fr', words: ['colection'] });
    expect(first).toEqual({ language: 'fr', ready: false, misspelled: [] });
    await t.atelier.services.spell.whenReady('fr');
    const fr = await t.atelier.call('spell.check', { language: 'fr', words: ['printemps', 'nouvelle', 'colection'] });
    expect(fr.misspelled.map((m) => m.word)).toEqual(['colection']);
    expect(fr.misspelled[0]!.suggestions).toContain('collection');
  }, 180_000);
});
