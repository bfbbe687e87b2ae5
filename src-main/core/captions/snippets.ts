// Snippets and hashtag sets: text with {{client}}, {{date}} and {{link}} filled in when inserted.

export const SNIPPET_VARIABLES = ['client', 'date', 'link'] as const;
export type SnippetVariable = (typeof SNIPPET_VARIABLES)[number];
export type SnippetValues = Partial<Record<SnippetVariable, string>>;

const VARIABLE = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** Fills the known variables; an unknown one, or one without a value, is left as written so it shows. */
export function expandSnippet(body: string, values: SnippetValues): string {
  return body.replace(VARIABLE, (whole, name: string) => {
    const key = name.toLowerCase() as SnippetVariable;
    const value = (SNIPPET_VARIABLES as readonly string[]).includes(key) ? values[key] : undefined;
    return value === undefined || value === '' ? whole : value;
  });
}

/** Variables a body uses that are not known, so the editor can warn when a snippet is saved. */
export function unknownVariables(body: string): string[] {
  const unknown = new Set<string>();
  for (const m of body.matchAll(VARIABLE)) {
    if (!(SNIPPET_VARIABLES as readonly string[]).includes(m[1]!.toLowerCase())) unknown.add(m[1]!);
  }
  return [...unknown];
}

/** A `/word` being typed at the caret: where it starts and what has been typed after the slash. */
export function slashQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - 40), caret);
  const m = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(before);
  if (!m) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]! };
}

/** Replaces text[start, end) with `insert`; returns the new text and where the caret goes. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}

/** Words worth spell-checking: letters only, outside links, hashtags and mentions. */
export function spellWords(text: string, skip: readonly { start: number; end: number }[]): { word: string; start: number; end: number }[] {
  const words: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length < 2 || skip.some((r) => start < r.end && end > r.start)) continue;
    if (start > 0 && /[#@＃＠]/.test(text[start - 1]!)) continue;
    words.push({ word: m[0], start, end });
  }
  return words;
}
