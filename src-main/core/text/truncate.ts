// Cutting text for a title, a table cell or a stored name: by graphemes (what a person counts as one
// character), so an emoji, a flag or an accented letter is kept whole or dropped whole — never split
// into half a surrogate pair that shows as U+FFFD.
import { walkGraphemes } from '../captions/text';

export const ELLIPSIS = '…';

export interface TruncateOptions {
  /** Also at most this many UTF-16 code units (what string limits in the contract and database count). */
  maxUnits?: number;
  /** Added when something was cut (default "…"; "" for a plain cut). */
  ellipsis?: string;
}

/** `text` with at most `maxGraphemes` graphemes, ellipsis included; unchanged when it already fits. */
export function truncate(text: string, maxGraphemes: number, options: TruncateOptions = {}): string {
  const ellipsis = options.ellipsis ?? ELLIPSIS;
  const maxUnits = options.maxUnits ?? Number.POSITIVE_INFINITY;
  let count = 0;
  let fits = true;
  walkGraphemes(text, 0, text.length, (_start, end) => {
    count++;
    if (count > maxGraphemes || end > maxUnits) {
      fits = false;
      return false;
    }
  });
  if (fits) return text;
  // Room for the ellipsis: one grapheme and its code units.
  const keepGraphemes = Math.max(0, maxGraphemes - (ellipsis ? 1 : 0));
  const keepUnits = maxUnits - ellipsis.length;
  let cut = 0;
  let kept = 0;
  walkGraphemes(text, 0, text.length, (_start, end) => {
    if (kept >= keepGraphemes || end > keepUnits) return false;
    kept++;
    cut = end;
  });
  return `${text.slice(0, cut).trimEnd()}${ellipsis}`;
}
