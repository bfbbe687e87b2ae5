// Everything a service says to a person reaches the studio in its language: each error carries a
// reason key, and every key a service uses (error reasons, `message()` warnings, undo labels, notes)
// has its text in both catalogues — serviceErrors in locales/<lang>/errors.json, serviceMessages in
// locales/<lang>/messages.json — with no placeholder the service does not fill. Read from the source
// with the TypeScript parser, so a new `new AtelierError(…)` without a reason fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  return out;
}

function catalogue(lang: 'en' | 'fr') {
  const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, 'src-renderer', 'locales', lang, file), 'utf8')) as Record<string, unknown>;
  return { serviceErrors: flatten(read('errors.json').serviceErrors), serviceMessages: flatten(read('messages.json').serviceMessages) };
}

/** A key's text, also under its plural forms (`key_one`, `key_other`). */
function texts(map: Map<string, string>, key: string): string[] {
  return [key, `${key}_one`, `${key}_other`, `${key}_many`].flatMap((k) => (map.has(k) ? [map.get(k)!] : []));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]!);

interface Use {
  where: string;
  key: string;
  /** Param names when they are written out in the source; null when they are built elsewhere. */
  params: string[] | null;
  error: boolean;
}

function scan() {
  const uses: Use[] = [];
  const missingReason: string[] = [];
  const literals = new Set<string>();
  for (const file of sourceFiles('src-main')) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const consts = new Map<string, ts.Expression>();
    const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const collectConsts = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) consts.set(node.name.text, node.initializer);
      ts.forEachChild(node, collectConsts);
    };
    collectConsts(source);
    /** The string literals an expression can be: a literal, a ternary of them, or a const holding one. */
    const keysOf = (expr: ts.Expression | undefined, depth = 0): string[] => {
      if (!expr || depth > 3) return [];
      if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
      if (ts.isConditionalExpression(expr)) return [...keysOf(expr.whenTrue, depth + 1), ...keysOf(expr.whenFalse, depth + 1)];
      if (ts.isParenthesizedExpression(expr)) return keysOf(expr.expression, depth + 1);
      if (ts.isIdentifier(expr) && consts.has(expr.text)) return keysOf(consts.get(expr.text), depth + 1);
      return [];
    };
    const paramsOf = (expr: ts.Expression | undefined, depth = 0): string[] | null => {
      if (!expr || (ts.isIdentifier(expr) && expr.text === 'undefined')) return [];
      if (ts.isIdentifier(expr) && consts.has(expr.text) && depth < 3) return paramsOf(consts.get(expr.text), depth + 1);
      if (!ts.isObjectLiteralExpression(expr)) return null;
      const names: string[] = [];
      for (const p of expr.properties) {
        if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) names.push(p.name.text);
        else return null; // a spread: built elsewhere
      }
      return names;
    };
    const cli = file.startsWith(path.join('src-main', 'cli'));
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
      if (!cli && ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AtelierError' && !file.endsWith(path.join('contract', 'errors.ts'))) {
        const reason = node.arguments?.[3];
        if (!reason || (ts.isIdentifier(reason) && reason.text === 'undefined')) missingReason.push(where(node));
      }
      if (!cli && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'message' && node.arguments.length === 3) {
        for (const key of keysOf(node.arguments[0])) uses.push({ where: where(node), key, params: paramsOf(node.arguments[1]), error: false });
      }
      // `{ key: '…', params: {…} }`: an error reason (or a message key held in a table).
      if (!cli && ts.isObjectLiteralExpression(node)) {
        const props = new Map(node.properties.filter(ts.isPropertyAssignment).flatMap((p) => (ts.isIdentifier(p.name) ? [[p.name.text, p.initializer] as const] : [])));
        const onlyReason = node.properties.every((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ['key', 'params'].includes(p.name.text));
        if (props.has('key') && onlyReason) {
          // Without params written here, it gets none only when it is the reason of this very error;
          // a table entry (`{ key }` picked later) gets its params where it is used.
          const direct = ts.isNewExpression(node.parent) || ts.isConditionalExpression(node.parent);
          const params = props.has('params') ? paramsOf(props.get('params')) : direct ? [] : null;
          for (const key of keysOf(props.get('key'))) uses.push({ where: where(node), key, params, error: true });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { uses, missingReason, literals };
}

describe('service texts', () => {
  const { uses, missingReason, literals } = scan();
  const en = catalogue('en');
  const fr = catalogue('fr');

  it('finds the texts it checks (sanity)', () => {
    expect(uses.length).toBeGreaterThan(150);
    expect(uses.some((u) => u.key === 'clients.notFound' && u.error)).toBe(true);
    expect(uses.some((u) => u.key === 'undo.move' && !u.error)).toBe(true);
    expect(uses.some((u) => u.key === 'calendar.redoStale')).toBe(true); // a branch of a ternary
  });

  it('every AtelierError a service throws carries a reason the studio translates (the CLI keeps English)', () => {
    expect(missingReason).toEqual([]);
  });

  it('every key a service uses has its text in English and French, in the catalogue the studio looks in', () => {
    const missing: string[] = [];
    for (const { where, key, error } of uses) {
      for (const [lang, cat] of [['en', en], ['fr', fr]] as const) {
        const found = error ? [...texts(cat.serviceErrors, key), ...texts(cat.serviceMessages, key)] : [...texts(cat.serviceMessages, key), ...texts(cat.serviceErrors, key)];
        if (found.length === 0) missing.push(`${where}: ${key} (${lang})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no catalogue text asks for a value its service does not give', () => {
    const unfilled: string[] = [];
    for (const { where, key, params } of uses) {
      if (params === null) continue;
      for (const cat of [en, fr]) {
        for (const text of [...texts(cat.serviceErrors, key), ...texts(cat.serviceMessages, key)]) {
          const extra = placeholders(text).filter((p) => !params.includes(p));
          if (extra.length) unfilled.push(`${where}: ${key} needs ${extra.join(', ')}`);
        }
      }
    }
    expect(unfilled).toEqual([]);
  });

  it('every catalogue text is still used by a service (no dead keys)', () => {
    const keys = [...en.serviceErrors.keys(), ...en.serviceMessages.keys()].map((k) => k.replace(/_(one|other|many)$/, ''));
    expect(keys.filter((k) => !literals.has(k))).toEqual([]);
  });
});
