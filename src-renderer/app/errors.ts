import type { TFunction } from 'i18next';
import { AtelierError } from '../../src-main/contract/errors';

/**
 * A translated headline for an error, with the specific explanation after it: the service's
 * translatable reason (`serviceErrors.<key>` in locales/<lang>/errors.json) when the catalogue knows
 * it, else the service's own English message.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof AtelierError) {
    const headline = t(`errors.${error.code}`, { defaultValue: t('errors.internal') });
    if (error.code === 'internal') return headline;
    const reasonKey = error.reason ? `serviceErrors.${error.reason.key}` : undefined;
    const reason = reasonKey ? t(reasonKey, { ...error.reason?.params, defaultValue: '' }) : '';
    const detail = reason || error.message;
    return detail ? `${headline} ${detail}` : headline;
  }
  return t('errors.internal');
}
