// Every network counted the way it counts: emoji, combining marks, CJK, links, empty text, huge text,
// lone surrogates, unknown networks.
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { blueskyShortUrl, measureCaption, NETWORK_RULES, type NetworkId } from '../../../src-main/core/captions';
import { NETWORKS } from '../../../src-main/core/domain/posts';

const FAMILY = '👨‍👩‍👧‍👦';
const codes = (m: { problems: { code: string }[] }) => m.problems.map((p) => p.code);

describe('the rules table', () => {
  it('gives every network a limit, a unit, a source and a check date', () => {
    for (const network of NETWORKS) {
      const rule = NETWORK_RULES[network];
      expect(rule.body.limit).toBeGreaterThan(0);
      expect(rule.source.length).toBeGreaterThan(10);
      expect(rule.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('X', () => {
  it('counts newer emoji and ZWJ sequences as 2 each (Unicode 13–15), where twitter-text 3.1.0 falls back to code points', () => {
    const newer = ['🫠', '🫶🏽', '🧑‍🧑‍🧒', '🐦‍⬛', '🏳️‍⚧️', '🧔🏻‍♀️', '🫨', '🩷', '❤️‍🔥', '🙂‍↔️', '🧑🏿‍🦯‍➡️'];
    for (const emoji of newer) expect(measureCaption(emoji, 'x').length, emoji).toBe(2);
    expect(measureCaption(newer.join(''), 'x').length).toBe(2 * newer.length);
    // The stale package counts at least one of these as more than 2: why we count ourselves.
    expect(newer.some((e) => twitter.parseTweet(e).weightedLength > 2)).toBe(true);
  });
  it('agrees with twitter-text on ordinary text with links, CJK and older emoji', () => {
    const samples = ['Hello https://atelier.fr/spring?x=1 #launch', '春の新作コレクション 🌸 atelier.fr', `${FAMILY} café naïve ÅÆ`, 'a\u0301b\u0308'];
    for (const s of samples) expect(measureCaption(s, 'x').length, s).toBe(twitter.parseTweet(s).weightedLength);
  });
  it('counts CJK as 2, Latin with combining marks as 1 after NFC, a link as 23', () => {
    expect(measureCaption('日本語', 'x').length).toBe(6);
    expect(measureCaption('e\u0301', 'x').length).toBe(1);
    expect(measureCaption('see https://example.com/a/very/long/path/that/goes/on/and/on', 'x').length).toBe(4 + 23);
    expect(measureCaption('see example.com', 'x').urls).toEqual(['example.com']);
  });
  it('refuses empty text and marks the part past 280', () => {
    const empty = measureCaption('', 'x');
    expect(empty.valid).toBe(false);
    expect(codes(empty)).toContain('empty');
    const long = measureCaption('a'.repeat(285), 'x');
    expect(long.remaining).toBe(-5);
    expect(long.problems.find((p) => p.code === 'too_long')).toMatchObject({ start: 280, end: 285 });
  });
});

describe('Bluesky', () => {
  it('counts graphemes: a family or a flag is one', () => {
    expect(measureCaption(`${FAMILY}🇫🇷e\u0301`, 'bluesky').length).toBe(3);
  });
  it('counts a link as the shortened text the app shows', () => {
    const url = 'https://www.example.com/blog/2026/sp...-collection-launch?utm_source=bluesky';
    expect(blueskyShortUrl(url)).toBe('www.example.com/blog/2026/sp...');
    expect(measureCaption(`Read ${url}`, 'bluesky').length).toBe(5 + 'www.example.com/blog/2026/sp...'.length);
  });
  it('also refuses more than 3,000 bytes even under 300 graphemes', () => {
    const m = measureCaption(FAMILY.repeat(150), 'bluesky'); // 150 graphemes, 25 bytes each
    expect(m.length).toBe(150);
    expect(m.bytes).toBe(3750);
    expect(m.valid).toBe(false);
    expect(codes(m)).toContain('too_many_bytes');
  });
  it('counts CJK as one grapheme each', () => {
    expect(measureCaption('漢字かな', 'bluesky').length).toBe(4);
  });
});

describe('Mastodon', () => {
  it('counts graphemes, a link as 23 and @user@domain as @user', () => {
    expect(measureCaption('hi @anna@mastodon.social', 'mastodon').length).toBe('hi @anna'.length);
    expect(measureCaption('go https://example.com/a/b/c/d/e/f/g/h/i/j/k', 'mastodon').length).toBe(3 + 23);
    expect(measureCaption(`${FAMILY}e\u0301`, 'mastodon').length).toBe(2);
  });
  it('does not treat a bare domain as a link, like the server', () => {
    expect(measureCaption('example.com', 'mastodon').urls).toEqual([]);
  });
  it('takes a per-server limit', () => {
    const m = measureCaption('a'.repeat(600), 'mastodon', { limit: 1000 });
    expect(m.limit).toBe(1000);
    expect(m.valid).toBe(true);
    expect(measureCaption('a'.repeat(600), 'mastodon').valid).toBe(false);
  });
});

describe('Threads', () => {
  it('counts an emoji as its UTF-8 bytes and other graphemes as 1', () => {
    expect(measureCaption('😀', 'threads').length).toBe(4);
    expect(measureCaption(FAMILY, 'threads').length).toBe(25);
    expect(measureCaption('e\u0301漢', 'threads').length).toBe(2);
  });
  it('refuses more than 5 links and warns past one topic tag', () => {
    const six = Array.from({ length: 6 }, (_, i) => `https://example.com/${i}`).join(' ');
    const m = measureCaption(six, 'threads');
    expect(m.valid).toBe(false);
    expect(codes(m)).toContain('too_many_links');
    const tags = measureCaption('#one #two', 'threads');
    expect(tags.valid).toBe(true);
    expect(tags.problems.find((p) => p.code === 'too_many_hashtags')?.severity).toBe('warning');
  });
});

describe('Instagram', () => {
  it('counts UTF-16, warns past 5 hashtags and folds after 125', () => {
    expect(measureCaption('😀', 'instagram').length).toBe(2);
    const m = measureCaption('#a #b #c #d #e #f', 'instagram');
    expect(m.hashtags).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(m.problems.find((p) => p.code === 'too_many_hashtags')).toMatchObject({ severity: 'warning', start: 15 });
    expect(m.valid).toBe(true);
    expect(measureCaption('x'.repeat(300), 'instagram').foldAt).toBe(125);
    expect(measureCaption('x'.repeat(125), 'instagram').foldAt).toBeUndefined();
    expect(measureCaption(`${FAMILY.repeat(130)}`, 'instagram').foldAt).toBe(125 * FAMILY.length);
  });
  it('warns that links are not clickable', () => {
    expect(codes(measureCaption('shop at https://example.com', 'instagram'))).toContain('links_not_clickable');
  });
  it('refuses 2,201 characters', () => {
    expect(measureCaption('a'.repeat(2201), 'instagram').valid).toBe(false);
    expect(measureCaption('a'.repeat(2200), 'instagram').valid).toBe(true);
  });
});

describe('LinkedIn, Facebook, TikTok', () => {
  it('use their limits and folds', () => {
    expect(measureCaption('a'.repeat(3001), 'linkedin').valid).toBe(false);
    expect(measureCaption('a'.repeat(500), 'linkedin').foldAt).toBe(210);
    expect(measureCaption('a'.repeat(63206), 'facebook').valid).toBe(true);
    expect(measureCaption('a'.repeat(63207), 'facebook').valid).toBe(false);
    expect(measureCaption('漢'.repeat(2201), 'tiktok').valid).toBe(false);
    expect(measureCaption('漢'.repeat(2200), 'tiktok').length).toBe(2200);
  });
});

describe('Pinterest and YouTube', () => {
  it('measure a title separately from the description', () => {
    expect(measureCaption('a'.repeat(101), 'pinterest', { field: 'title' }).valid).toBe(false);
    expect(measureCaption('a'.repeat(101), 'pinterest').valid).toBe(true);
    expect(measureCaption('a'.repeat(501), 'pinterest').valid).toBe(false);
    expect(measureCaption('a'.repeat(101), 'youtube', { field: 'title' }).limit).toBe(100);
  });
  it('counts a YouTube description in bytes and refuses < and >', () => {
    const m = measureCaption('é'.repeat(2501), 'youtube');
    expect(m.unit).toBe('bytes');
    expect(m.length).toBe(5002);
    expect(m.valid).toBe(false);
    const angle = measureCaption('a <b> c', 'youtube');
    expect(angle.problems.find((p) => p.code === 'forbidden_character')).toMatchObject({ start: 2, end: 3 });
  });
});

describe('bad input', () => {
  it.each(NETWORKS)('%s: empty text is measured, never thrown', (network: NetworkId) => {
    const m = measureCaption('', network);
    expect(m.length).toBe(0);
    expect(codes(m)).toContain('empty');
  });
  it.each(NETWORKS)('%s: a lone surrogate is a clear error with its position', (network: NetworkId) => {
    const m = measureCaption('ok \uD83D then', network);
    expect(m.valid).toBe(false);
    expect(m.problems.find((p) => p.code === 'broken_character')).toMatchObject({ start: 3, end: 4 });
  });
  it('a million characters is measured without crashing and is invalid everywhere', () => {
    const huge = 'word '.repeat(200_000);
    for (const network of NETWORKS) {
      const m = measureCaption(huge, network);
      expect(m.valid).toBe(false);
      expect(codes(m)).toContain('too_long');
    }
    const emoji = measureCaption('😀'.repeat(500_000), 'x');
    expect(emoji.valid).toBe(false);
  });
  it('an unknown network is named in the error', () => {
    expect(() => measureCaption('hi', 'myspace' as NetworkId)).toThrow(/Unknown network "myspace" \(known: x, bluesky/);
  });
});
