import type { TFunction } from 'i18next';
import { AtelierError } from '../../src-main/contract/errors';
import { translateReason } from './messages';

/**
 * A translated headline for an error, with the specific explanation after it: the service's
 * translatable reason (`serviceErrors.<key>` in locales/<lang>/errors.json) when the catalogue knows
 * it, else the service's own English message.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof AtelierError) {
    const headline = t(`errors.${error.code}`, { defaultValue: t('errors.internal') });
    if (error.code === 'internal') return headline;
    const reason = error.reason ? translateReason(t, currentLanguage(t), error.reason) : null;
    const detail = reason ?? error.message;
    return detail ? `${headline} ${detail}` : headline;
  }
  return t('errors.internal');
}

/** The language `t` translates into, for formatting the dates a reason names. */
export function currentLanguage(t: TFunction): string {
  return t('meta.locale', { defaultValue: 'en' });
}
