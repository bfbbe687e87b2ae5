import type { TFunction } from 'i18next';
import { AtelierError } from '../../src-main/contract/errors';

/** A translated headline for an error, with the service's specific explanation after it. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof AtelierError) {
    const headline = t(`errors.${error.code}`, { defaultValue: t('errors.internal') });
    return error.message && error.code !== 'internal' ? `${headline} ${error.message}` : headline;
  }
  return t('errors.internal');
}
