// The composer's pure parts: the validation summary per network, the network mock-ups (shared with
// the pack's preview page) and the cover crop of photos.
import { describe, expect, it } from 'vitest';
import { coverCrop } from '../../../src-main/core/design';
import { checkPost, hasErrors } from '../../../src-main/core/posts/checks';
import { captionHtml, mockupHtml, type MockupStrings } from '../../../src-main/core/posts/mockup';

const strings: MockupStrings = { more: '… more', noPicture: 'No picture yet', label: (n) => `${n} preview`, picture: (n, c) => `Picture ${n} of ${c}`, carousel: (c) => `${c} pictures` };
const codes = (summary: ReturnType<typeof checkPost>) => summary.networks.map((n) => [n.network, n.checks.map((c) => `${c.severity}:${c.code}`)]);

describe('validation summary', () => {
  it('asks Instagram for a picture within 4:5 – 1.91:1 and refuses a story-shaped one', () => {
    const text = 'Nouveautés';
    const summary = checkPost(
      [
        { network: 'instagram', text, media: null },
        { network: 'tiktok', text, media: { width: 1080, height: 1920, count: 1 } },
        { network: 'x', text, media: { width: 1080, height: 1920, count: 5 } },
      ],
      { scheduling: true, hasTime: true },
    );
    expect(codes(summary)).toEqual([
      ['instagram', ['error:media_missing']],
      ['tiktok', []],
      ['x', ['error:media_too_many']],
    ]);
    const story = checkPost([{ network: 'instagram', text, media: { width: 1080, height: 1920, count: 1 } }], { scheduling: true, hasTime: true });
    expect(story.networks[0]!.checks).toEqual([{ network: 'instagram', code: 'media_ratio', severity: 'error', values: { width: 1080, height: 1920, accepted: '4:5 – 1.91:1' } }]);
    expect(hasErrors(story)).toBe(true);
  });

  it('counts captions as each network does, and lets a picture carry a post with no text', () => {
    const long = 'é'.repeat(281);
    const summary = checkPost(
      [
        { network: 'x', text: long, media: null },
        { network: 'bluesky', text: '', media: { width: 1200, height: 675, count: 1 } },
        { network: 'instagram', text: '#a #b #c #d #e #f', media: { width: 1080, height: 1350, count: 1 } },
      ],
      { scheduling: false, hasTime: false },
    );
    expect(codes(summary)).toEqual([
      ['x', ['error:too_long']],
      ['bluesky', []],
      ['instagram', ['warning:too_many_hashtags']],
    ]);
    expect(summary.networks[0]!.checks[0]!.values).toMatchObject({ limit: 280 });
  });

  it('needs networks and a time only to schedule', () => {
    expect(checkPost([], { scheduling: false, hasTime: false }).general).toEqual([{ network: null, code: 'no_networks', severity: 'warning' }]);
    expect(checkPost([], { scheduling: true, hasTime: false }).general.map((c) => `${c.severity}:${c.code}`)).toEqual(['error:no_networks', 'error:no_time']);
  });
});

describe('network mock-ups', () => {
  it('folds Instagram at 125 characters behind "… more" and marks links, hashtags and mentions', () => {
    const text = `${'a'.repeat(120)} #autumn @maison https://example.com/x and the rest`;
    const html = mockupHtml({ network: 'instagram', account: { name: 'Maison Lumière', color: '#aa3300' }, text, images: ['/img/1.png', '/img/2.png'], ratio: 0.8 }, strings);
    expect(html).toContain('<details class="mock-fold"><summary>… more</summary>');
    const [shown, folded] = html.split('<details');
    expect(shown).toContain('<span class="mock-link">#aut</span>');
    expect(folded).toContain('<span class="mock-link">umn</span>');
    expect(folded).toContain('<span class="mock-link">@maison</span>');
    expect(html).toContain('aria-label="Instagram preview"');
    expect(html).toContain('<p class="mock-count">2 pictures</p>');
    expect(html).toContain('class="mock-media mock-strip"');
    expect(html).toContain('alt="Picture 2 of 2"');
    expect(html).toContain('style="aspect-ratio:0.8000"');
    expect(html).toContain('>ML</span>'); // initials when the brand kit has no logo
  });

  it('escapes everything it is given, so a caption or a name can never become markup', () => {
    const html = mockupHtml(
      { network: 'x', account: { name: '<b>Evil</b>', color: 'red;background:url(x)', avatarUrl: '"><script>' }, meta: '<i>', text: '<img src=x onerror=alert(1)> & "quotes"', images: ['x" onerror="alert(1)'] },
      strings,
    );
    expect(html).not.toMatch(/<script|<img src=x|<b>|<i>|onerror="/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('src="x&quot; onerror=&quot;alert(1)"');
    expect(html).not.toContain('red;background');
  });

  it('shows an empty frame where a picture-first network has none, and no fold when the text fits', () => {
    const html = mockupHtml({ network: 'tiktok', account: { name: 'A', color: '#000000' }, text: 'short', images: [] }, strings);
    expect(html).toContain('mock-empty');
    expect(html).toContain('No picture yet');
    expect(captionHtml('short #tag', undefined, '… more')).toBe('short <span class="mock-link">#tag</span>');
  });
});

describe('cover crop', () => {
  it('keeps the middle of a photo whose shape differs from its frame, and all of one that matches', () => {
    expect(coverCrop(1600, 900, 1080, 1080)).toEqual({ x: 0.21875, y: 0, width: 0.5625, height: 1 });
    expect(coverCrop(1000, 2000, 1000, 1000)).toEqual({ x: 0, y: 0.25, width: 1, height: 0.5 });
    expect(coverCrop(2000, 2000, 500, 500)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
  });
});
