// Offline spell checking of captions as the user types: the words of every text, debounced, checked
// by the main side's dictionaries in the client's language (French loads in the background, so
// "not ready" asks again shortly). Used by the caption writer and the post composer. Answers are kept
// per language, so a keystroke asks only about words not checked before (often none: no message).
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CaptionPrefs } from '../../../src-main/contract/api/captions';
import { extractEntities, spellWords } from '../../../src-main/core/captions';
import { useFailureToast } from '../../app/failure-toast';
import type { HostClient } from '../../host/client';
import type { Misspellings } from './CaptionText';

const SPELL_DELAY = 600;
const RETRY_DELAY = 2000;
const unavailableText = (t: TFunction, reason: string) => t('captions.spelling.unavailable', { reason });
/** Words remembered per language before the memory starts again (a long session of typing). */
const MAX_KNOWN = 20_000;

export function useSpelling(host: HostClient, language: CaptionPrefs['spellLanguage'], texts: readonly string[]): Misspellings {
  const [misspelled, setMisspelled] = useState<Misspellings>(new Map());
  // language → word → its suggestions when misspelled, null when it is right.
  const known = useRef(new Map<string, Map<string, string[] | null>>());
  const allText = useMemo(() => texts.join('\n'), [texts]);
  const unavailable = useFailureToast(unavailableText);
  useEffect(() => {
    if (language === 'none' || !allText.trim()) return setMisspelled(new Map());
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const entities = extractEntities(allText);
      const words = [...new Set(spellWords(allText, [...entities.urls, ...entities.hashtags, ...entities.mentions]).map((w) => w.word))].slice(0, 5000);
      let answers = known.current.get(language);
      if (!answers || answers.size > MAX_KNOWN) known.current.set(language, (answers = new Map()));
      const memory = answers;
      const show = () => setMisspelled(new Map(words.flatMap((word) => (memory.get(word) ? [[word, memory.get(word)!] as const] : []))));
      const unknown = words.filter((word) => !memory.has(word));
      if (unknown.length === 0) return show();
      host
        .invoke('spell.check', { language, words: unknown })
        .then((result) => {
          if (!result.ready) {
            if (!cancelled) retry = setTimeout(run, RETRY_DELAY);
            return;
          }
          for (const word of unknown) memory.set(word, null);
          for (const m of result.misspelled) memory.set(m.word, m.suggestions);
          if (!cancelled) show();
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
