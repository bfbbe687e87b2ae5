// The caption measure written into a pack's manifest, behind ONE function so it can switch to the
// caption writer's `measureCaption(text, network)` (issue 5, src-main/core/captions) at merge.
// Until then it counts honestly but simply: user-perceived characters (graphemes, Intl.Segmenter),
// links as 23 where the network says so (X, Mastodon), against each network's documented main-text
// limit (see /work/shared/reference/platforms.md). It does not do X's per-code-point weights or
// Threads' emoji-as-bytes rule; measureCaption does.
import type { NetworkId } from '../../core/domain/posts';
import type { PackMeasure } from '../../core/packs/manifest';
import type { z } from 'zod';

const LIMITS: Record<NetworkId, number> = {
  x: 280,
  bluesky: 300,
  threads: 500,
  mastodon: 500,
  instagram: 2200,
  facebook: 63_206,
  linkedin: 3000,
  tiktok: 2200,
  pinterest: 500,
  youtube: 5000,
};

const LINKS_AS_23 = new Set<NetworkId>(['x', 'mastodon']);
const URL_RE = /\bhttps?:\/\/[^\s<>"]+/gi;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

export function measureForPack(text: string, network: NetworkId): z.infer<typeof PackMeasure> {
  const limit = LIMITS[network];
  let length: number;
  if (LINKS_AS_23.has(network)) {
    const urls = text.match(URL_RE) ?? [];
    length = graphemes(text.replace(URL_RE, '')) + urls.length * 23;
  } else {
    length = graphemes(text);
  }
  return { length, limit, remaining: limit - length, valid: length <= limit, unit: 'graphemes' };
}
