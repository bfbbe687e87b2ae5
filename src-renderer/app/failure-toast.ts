// Failures the person did not ask about directly — a refresh after a change made elsewhere, advice
// that could not be fetched — still reach them: as an error toast with the reason, shown once while
// the same text is on screen (a burst of change events fails the same way each time).
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorMessage } from './errors';
import { useApp } from './store';

/** Shows `message` as an error toast unless the same text is already showing. */
export function toastOnce(message: string): void {
  const app = useApp.getState();
  if (app.toasts.some((toast) => toast.message === message)) return;
  app.toast({ message, tone: 'error' });
}

/**
 * A stable reporter (safe in effects and in stores made once) that toasts `text(t, reason)` for an
 * error, in the language current when the failure happens.
 */
export function useFailureToast(text: (t: TFunction, reason: string) => string): (error: unknown) => void {
  const { t } = useTranslation();
  const latest = useRef({ t, text });
  useEffect(() => {
    latest.current = { t, text };
  });
  return useCallback((error: unknown) => {
    const { t: translate, text: make } = latest.current;
    toastOnce(make(translate, errorMessage(translate, error)));
  }, []);
}

const refreshText = (t: TFunction, reason: string) => t('errors.refreshFailed', { reason });

/** For a view's background refresh: "This view could not be refreshed." and why. */
export function useRefreshFailed(): (error: unknown) => void {
  return useFailureToast(refreshText);
}
