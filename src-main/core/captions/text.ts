// Walking a caption grapheme by grapheme, and what each grapheme weighs in each unit.
// Graphemes come from Intl.Segmenter; runs of plain ASCII skip it (a printable ASCII character
// followed by another one is always a grapheme on its own), which keeps a 5,000-character caption
// well under a millisecond.
import { TWITTER_TEXT_V3 } from './rules';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const EMOJI = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Regional_Indicator}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const CHUNK = 2048;
// Short stretches (an emoji, an accented word) repeat: their cluster lengths are kept.
const SHORT = 32;
const CACHE_SIZE = 1024;
const clusterCache = new Map<string, number[]>();

function clusterLengths(stretch: string): number[] {
  let lengths = clusterCache.get(stretch);
  if (lengths === undefined) {
    lengths = [];
    for (const s of segmenter.segment(stretch)) lengths.push(s.segment.length);
    if (clusterCache.size >= CACHE_SIZE) clusterCache.clear();
    clusterCache.set(stretch, lengths);
  }
  return lengths;
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How a grapheme was found: plain ASCII, one simple non-ASCII code unit, or a cluster from the segmenter. */
export const Kind = { Ascii: 0, Simple: 1, Cluster: 2 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** A code unit that is a grapheme on its own when the next one is simple too: Latin (below the
 *  combining marks), kana, CJK ideographs and punctuation, full-width forms. No Extend, Prepend,
 *  surrogate, emoji-presentation or Hangul-jamo characters are in these ranges. */
function simple(c: number): boolean {
  return (
    c < 0x300 ||
    (c >= 0x3000 && c <= 0x3029) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xff01 && c <= 0xff60)
  );
}

/** Calls `visit(start, end, kind)` for each grapheme of text[from, to); stops when it returns false. */
export function walkGraphemes(text: string, from: number, to: number, visit: (start: number, end: number, kind: Kind) => boolean | void): boolean {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (simple(c)) {
      const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
      if (c === 13 && next === 10) {
        if (visit(i, i + 2, Kind.Ascii) === false) return false;
        i += 2;
        continue;
      }
      if (simple(next)) {
        if (visit(i, i + 1, c < 0x80 ? Kind.Ascii : Kind.Simple) === false) return false;
        i += 1;
        continue;
      }
    }
    // A stretch that needs the segmenter: up to the next simple code unit followed by a simple one.
    let j = i + 1;
    while (j < to) {
      if (simple(text.charCodeAt(j)) && (j + 1 >= to || simple(text.charCodeAt(j + 1)))) break;
      j++;
    }
    if (j - i <= SHORT) {
      let start = i;
      for (const length of clusterLengths(text.slice(i, j))) {
        if (visit(start, start + length, Kind.Cluster) === false) return false;
        start += length;
      }
      i = j;
      continue;
    }
    // In chunks: V8's segmenter slows down badly on one very long string. The last grapheme of a
    // chunk may go on past it, so the next chunk starts there again.
    let k = i;
    while (k < j) {
      const end = Math.min(j, k + CHUNK);
      let resume = end;
      for (const s of segmenter.segment(text.slice(k, end))) {
        const start = k + s.index;
        const stop = start + s.segment.length;
        if (stop === end && end < j && start > k) {
          resume = start;
          break;
        }
        if (visit(start, stop, Kind.Cluster) === false) return false;
      }
      k = resume;
    }
    i = j;
  }
  return true;
}

/** An emoji sequence: emoji presentation, a variation selector 16, a keycap, a flag, or a pictograph. */
export function isEmoji(grapheme: string): boolean {
  if (EMOJI.test(grapheme)) return true;
  return PICTOGRAPH.test(grapheme) && grapheme.codePointAt(0)! >= 0x2000;
}

export function utf8Length(text: string, from = 0, to = text.length): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3; // BMP, or a lone surrogate sent as U+FFFD
  }
  return bytes;
}

export function codePointWeight(cp: number): number {
  for (const range of TWITTER_TEXT_V3.ranges) if (cp >= range.start && cp <= range.end) return range.weight;
  return TWITTER_TEXT_V3.defaultWeight;
}

/** twitter-text v3 weight of one grapheme, in units of 1/scale. */
export function xWeight(grapheme: string): number {
  if (isEmoji(grapheme)) return TWITTER_TEXT_V3.defaultWeight;
  let weight = 0;
  for (const ch of grapheme.normalize('NFC')) weight += codePointWeight(ch.codePointAt(0)!);
  return weight;
}

/** Offset of the first unpaired surrogate, or -1. */
export function loneSurrogateAt(text: string): number {
  const m = LONE_SURROGATE.exec(text);
  return m ? m.index : -1;
}

export function graphemeCount(text: string): number {
  let n = 0;
  walkGraphemes(text, 0, text.length, () => {
    n++;
  });
  return n;
}
