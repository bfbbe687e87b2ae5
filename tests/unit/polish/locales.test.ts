// English and French ship the same strings: a key missing in one language would show its raw key
// (or the other language) to a user. Placeholders must match too, or a translation drops a value.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = path.resolve(__dirname, '../../../src-renderer/locales');

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

function catalogue(language: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(path.join(LOCALES, language)).filter((f) => f.endsWith('.json'))) {
    for (const [k, v] of flatten(JSON.parse(readFileSync(path.join(LOCALES, language, file), 'utf8')))) all.set(`${file}:${k}`, v);
  }
  return all;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const en = catalogue('en');
  const fr = catalogue('fr');

  it('English and French have the same files and keys', () => {
    expect([...fr.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !fr.has(k))).toEqual([]);
    expect(en.size).toBeGreaterThan(300);
  });

  it('each French string uses the same placeholders as its English one, and none is empty', () => {
    const mismatched = [...en].filter(([k, v]) => fr.has(k) && placeholders(v).join() !== placeholders(fr.get(k)!).join()).map(([k]) => k);
    expect(mismatched).toEqual([]);
    expect([...en, ...fr].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });
});
