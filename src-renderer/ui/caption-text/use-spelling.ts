// Offline spell checking of captions as the user types: the words of every text, debounced, checked
// by the main side's dictionaries in the client's language (French loads in the background, so
// "not ready" asks again shortly). Used by the caption writer and the post composer.
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import type { CaptionPrefs } from '../../../src-main/contract/api/captions';
import { extractEntities, spellWords } from '../../../src-main/core/captions';
import { useFailureToast } from '../../app/failure-toast';
import type { HostClient } from '../../host/client';
import type { Misspellings } from './CaptionText';

const SPELL_DELAY = 600;
const RETRY_DELAY = 2000;
const unavailableText = (t: TFunction, reason: string) => t('captions.spelling.unavailable', { reason });

export function useSpelling(host: HostClient, language: CaptionPrefs['spellLanguage'], texts: readonly string[]): Misspellings {
  const [misspelled, setMisspelled] = useState<Misspellings>(new Map());
  const allText = useMemo(() => texts.join('\n'), [texts]);
  const unavailable = useFailureToast(unavailableText);
  useEffect(() => {
    if (language === 'none' || !allText.trim()) return setMisspelled(new Map());
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const entities = extractEntities(allText);
      const words = [...new Set(spellWords(allText, [...entities.urls, ...entities.hashtags, ...entities.mentions]).map((w) => w.word))].slice(0, 5000);
      host
        .invoke('spell.check', { language, words })
        .then((result) => {
          if (cancelled) return;
          if (!result.ready) retry = setTimeout(run, RETRY_DELAY);
          else setMisspelled(new Map(result.misspelled.map((m) => [m.word, m.suggestions])));
        })
        // Spelling is advice: when the dictionaries cannot answer, the caption shows no marks and a toast says why.
        .catch(unavailable);
    };
    const timer = setTimeout(run, SPELL_DELAY);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      clearTimeout(retry);
    };
  }, [allText, language, host, unavailable]);
  return misspelled;
}
