// Offline spell checking with nspell and the Hunspell dictionaries of dictionary-en / dictionary-fr.
// Each language lives in its own worker thread: building the French dictionary takes nspell tens of
// seconds on a slow machine, and nothing else (the window, other calls) may wait for it. Until a
// dictionary is ready, `check` answers `ready: false` and the renderer asks again later.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SpellResult } from '../contract/api/captions';
import { AtelierError } from '../contract/errors';

type Language = SpellResult['language'];
const PACKAGES: Record<Language, string> = { en: 'dictionary-en', fr: 'dictionary-fr' };

// Runs inside the worker (CommonJS eval): loads the dictionary, then answers check requests.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const nspell = require(workerData.nspell);
const spell = nspell({ aff: fs.readFileSync(workerData.aff), dic: fs.readFileSync(workerData.dic) });
const cache = new Map();
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, words }) => {
  const misspelled = [];
  for (const word of new Set(words)) {
    if (!word || /\\d/.test(word) || spell.correct(word)) continue;
    let suggestions = cache.get(word);
    if (!suggestions) {
      suggestions = misspelled.length < 25 ? spell.suggest(word).slice(0, 5) : [];
      if (cache.size > 5000) cache.clear();
      cache.set(word, suggestions);
    }
    misspelled.push({ word, suggestions });
  }
  parentPort.postMessage({ id, misspelled });
});
`;

// The packages read their files relative to their own module, which a bundle breaks: find the
// package folders and hand the worker absolute paths. `require` exists in every place this runs: the
// CommonJS Electron bundle, the ESM bundles (their banner defines it) and vitest.
const requireHere: NodeJS.Require = require;

function paths(language: Language) {
  try {
    const dir = path.dirname(requireHere.resolve(PACKAGES[language]));
    return { nspell: requireHere.resolve('nspell'), aff: path.join(dir, 'index.aff'), dic: path.join(dir, 'index.dic') };
  } catch {
    throw new AtelierError('unsupported', `The ${language === 'en' ? 'English' : 'French'} dictionary (${PACKAGES[language]}) is not installed.`, { language }, { key: 'spell.dictionaryMissing', params: { language } });
  }
}

interface Checker {
  ready: boolean;
  failed: string | null;
  worker: Worker;
  waiting: Map<number, (misspelled: SpellResult['misspelled']) => void>;
  readyWaiters: (() => void)[];
}

export function createSpellService() {
  const checkers = new Map<Language, Checker>();
  let nextId = 1;

  function checker(language: Language): Checker {
    let c = checkers.get(language);
    if (c) return c;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: paths(language) });
    worker.unref();
    const created: Checker = { ready: false, failed: null, worker, waiting: new Map(), readyWaiters: [] };
    worker.on('message', (message: { ready?: true; id?: number; misspelled?: SpellResult['misspelled'] }) => {
      if (message.ready) {
        created.ready = true;
        created.readyWaiters.splice(0).forEach((resolve) => resolve());
      } else if (message.id !== undefined) {
        created.waiting.get(message.id)?.(message.misspelled ?? []);
        created.waiting.delete(message.id);
      }
    });
    worker.on('error', (error) => {
      created.failed = error.message;
      created.waiting.forEach((resolve) => resolve([]));
      created.waiting.clear();
      created.readyWaiters.splice(0).forEach((resolve) => resolve());
    });
    checkers.set(language, created);
    c = created;
    return c;
  }

  return {
    async check(language: Language, words: readonly string[]): Promise<SpellResult> {
      const c = checker(language);
      if (c.failed) throw new AtelierError('internal', `The ${language} dictionary could not be loaded: ${c.failed}`, { language }, { key: 'spell.loadFailed' });
      if (!c.ready) return { language, ready: false, misspelled: [] };
      const id = nextId++;
      const misspelled = await new Promise<SpellResult['misspelled']>((resolve) => {
        c.waiting.set(id, resolve);
        c.worker.postMessage({ id, words });
      });
      return { language, ready: true, misspelled };
    },
    /** Resolves once a language's dictionary is loaded (tests, and warming up when a client is opened). */
    whenReady(language: Language): Promise<void> {
      const c = checker(language);
      if (c.ready || c.failed) return Promise.resolve();
      return new Promise((resolve) => c.readyWaiters.push(resolve));
    },
    close(): void {
      for (const c of checkers.values()) void c.worker.terminate();
      checkers.clear();
    },
  };
}

export type SpellService = ReturnType<typeof createSpellService>;
