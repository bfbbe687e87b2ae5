// Caption measuring, per-network rules, links/hashtags/mentions, UTM tagging and snippets.
// Pure: the renderer measures as the user types without a round trip.
export { measureCaption, blueskyShortUrl, UnknownNetworkError } from './measure';
export type { CaptionMeasure, CaptionProblem, MeasureOptions, NetworkId } from './measure';
export { NETWORK_RULES, NEAR_LIMIT_RATIO, TWITTER_TEXT_V3, ruleFor } from './rules';
export type { CountingUnit, NetworkRule, TextRule, UrlCounting } from './rules';
export { extractEntities, extractHashtags, extractMentions, extractUrls } from './entities';
export type { CaptionEntities, CaptionEntity, HashtagEntity, MentionEntity, UrlEntity } from './entities';
export { addUtm, defaultUtm, listLinks, slugUtm, tagLinks, UTM_KEYS } from './utm';
export type { TaggedLink, UtmParams } from './utm';
export { expandSnippet, insertAt, slashQuery, SNIPPET_VARIABLES, spellWords, unknownVariables } from './snippets';
export type { SnippetValues, SnippetVariable } from './snippets';
export { graphemeCount, isEmoji, utf8Length } from './text';
