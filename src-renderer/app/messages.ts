// Texts the services write (warnings, undo labels, skipped rows, notes, error reasons), shown in the
// studio's language. A service sends `{ key, params, text }`; the key is looked up in the
// `serviceMessages` (locales/<lang>/messages.json) or `serviceErrors` (errors.json) catalogue, and
// params are presented the way the rest of the studio presents them: statuses by their translated
// name, networks by their brand name, instants and wall-clock times in the user's language.
// The English `text` shows only when this version's catalogue lacks the key (a newer service).
import type { TFunction } from 'i18next';
import type { Message } from '../../src-main/contract/errors';
import { NETWORK_RULES } from '../../src-main/core/captions/rules';
import { isNetworkId, isPostStatus } from '../../src-main/core/domain/posts';

type Params = Record<string, string | number>;

function dateTime(language: string, value: string, timeZone?: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}

/** Params as the user reads them; see core/messages.ts for the naming rules. */
export function localizeParams(t: TFunction, language: string, params: Params | undefined): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value !== 'string') out[name] = value;
    else if (/^(status|fromStatus|toStatus)$/.test(name) && isPostStatus(value)) out[name] = t(`calendar.status.${value}`);
    else if (name === 'network' && isNetworkId(value)) out[name] = NETWORK_RULES[value].name;
    // A list of statuses (what a CSV status column accepts): their names, which the import takes too.
    else if (name === 'statuses') out[name] = value.split(/,\s*/).map((s) => (isPostStatus(s) ? t(`calendar.status.${s}`) : s)).join(', ');
    else if (name === 'language') out[name] = new Intl.DisplayNames([language], { type: 'language' }).of(value) ?? value;
    else if (name.endsWith('At')) out[name] = dateTime(language, value);
    // A client's wall-clock time: shown as it is, whatever the computer's own zone.
    else if (name.endsWith('Local') && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) out[name] = dateTime(language, `${value}:00Z`, 'UTC');
    else out[name] = value;
  }
  return out;
}

function lookup(t: TFunction, language: string, namespaces: readonly string[], key: string, params: Params | undefined): string | null {
  const values = localizeParams(t, language, params);
  for (const ns of namespaces) {
    const text = t(`${ns}.${key}`, { ...values, defaultValue: '' });
    if (text) return text;
  }
  return null;
}

/** A service message in the user's language (its English text when the catalogue lacks the key). */
export function translateMessage(t: TFunction, language: string, message: Message): string {
  return lookup(t, language, ['serviceMessages', 'serviceErrors'], message.key, message.params) ?? message.text;
}

/** An error reason's translated text, or null when the catalogue does not know it. */
export function translateReason(t: TFunction, language: string, reason: { key: string; params?: Params }): string | null {
  return lookup(t, language, ['serviceErrors', 'serviceMessages'], reason.key, reason.params);
}
