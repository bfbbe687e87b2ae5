// The composer's validation summary: per network, what would stop the post going out (errors) or
// make it go out badly (warnings) — caption limits and hashtags from the caption rules, and pictures
// from the media rules. Shown before a post is scheduled; scheduling waits until no error is left.
import { measureCaption, type CaptionMeasure } from '../captions';
import type { NetworkId } from '../domain/posts';
import { MEDIA_RULES } from './media-rules';

export interface PostMedia {
  width: number;
  height: number;
  /** How many pictures the post shows on this network (a carousel's pages, or one chosen page). */
  count: number;
}

export interface NetworkDraft {
  network: NetworkId;
  text: string;
  media: PostMedia | null;
  /** The client's Mastodon limit, when it differs from 500. */
  limit?: number;
}

export interface PostCheck {
  network: NetworkId | null;
  /** A caption problem's code (see captions/measure.ts) or one of this module's. */
  code: string;
  severity: 'error' | 'warning';
  values?: Record<string, string | number>;
}

export interface NetworkSummary {
  network: NetworkId;
  measure: CaptionMeasure;
  checks: PostCheck[];
}

export function checkMedia(network: NetworkId, media: PostMedia | null): PostCheck[] {
  const rule = MEDIA_RULES[network];
  if (!media || media.count === 0) return rule.required ? [{ network, code: 'media_missing', severity: 'error' }] : [];
  const out: PostCheck[] = [];
  if (media.count > rule.maxImages) out.push({ network, code: 'media_too_many', severity: 'error', values: { count: media.count, max: rule.maxImages } });
  const ratio = media.width / media.height;
  if (rule.ratio && (ratio < rule.ratio.min || ratio > rule.ratio.max)) {
    out.push({ network, code: 'media_ratio', severity: rule.ratioSeverity ?? 'warning', values: { width: media.width, height: media.height, accepted: rule.ratio.label } });
  }
  return out;
}

/** Every network's caption and media checks, plus the post-wide ones. */
export function checkPost(drafts: readonly NetworkDraft[], options: { scheduling: boolean; hasTime: boolean }): { networks: NetworkSummary[]; general: PostCheck[] } {
  const general: PostCheck[] = [];
  if (drafts.length === 0) general.push({ network: null, code: 'no_networks', severity: options.scheduling ? 'error' : 'warning' });
  if (options.scheduling && !options.hasTime) general.push({ network: null, code: 'no_time', severity: 'error' });
  const networks = drafts.map((d) => {
    const measure = measureCaption(d.text, d.network, d.limit ? { limit: d.limit } : {});
    // A picture can carry a post on its own: an empty caption is then no problem.
    const problems = d.media && d.media.count > 0 ? measure.problems.filter((p) => p.code !== 'empty') : measure.problems;
    const checks: PostCheck[] = problems.map((p) => ({ network: d.network, code: p.code, severity: p.severity, ...(p.values ? { values: p.values } : {}) }));
    return { network: d.network, measure, checks: [...checks, ...checkMedia(d.network, d.media)] };
  });
  return { networks, general };
}

export function hasErrors(summary: ReturnType<typeof checkPost>): boolean {
  return summary.general.some((c) => c.severity === 'error') || summary.networks.some((n) => n.checks.some((c) => c.severity === 'error'));
}
