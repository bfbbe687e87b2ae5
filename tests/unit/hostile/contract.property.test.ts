// Arbitrary input to EVERY contract method through dispatch (what every host calls): the answer is
// always a valid result or a typed error — never a crash, never an `internal` error — and a rejected
// call leaves the stored data exactly as it was.
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_CODES, METHOD_NAMES, methods } from '../../../src-main/contract';
import { dumpDatabase, safetyAtelier } from '../../helpers/safety';

let t: ReturnType<typeof safetyAtelier>;
let ids: string[] = [];
/** The library as the last run left it; a rejected call must leave it so, an accepted one may change it. */
let known: { db: Record<string, unknown[]>; files: string[] } | null = null;
const RUNS = Number(process.env.HOSTILE_RUNS ?? 60);
/** Filled in by the tests, printed at the end for the issue note. */
const tally = { calls: 0, accepted: 0, rejected: 0, byCode: {} as Record<string, number> };

// A small fresh library per method: a client, a post with a variant, a deleted client, a backup.
beforeEach(async () => {
  t = safetyAtelier();
  ids = [];
  const client = await t.atelier.call('clients.create', { name: 'Acme', timeZone: 'Europe/Paris' });
  const post = await t.atelier.call('posts.create', { clientId: client.id, title: 'Launch', networks: ['instagram'], at: '2026-12-03T09:30' });
  const gone = await t.atelier.call('clients.create', { name: 'Gone', timeZone: 'UTC' });
  await t.atelier.call('clients.delete', { id: gone.id });
  const backup = await t.atelier.call('backups.create', {});
  ids.push(client.id, post.id, gone.id, post.variants[0]!.id, backup.backup.file);
});
afterEach(() => {
  t.cleanup();
  known = null;
});
afterAll(() => console.log(`[hostile] contract fuzz: ${JSON.stringify(tally)}`));

/** Values that look plausible and values that do not: the mix that finds gaps. */
const value = () => fc.oneof(
  fc.string(),
  // Oversized captions and names: a short random text repeated past 100,000 characters (drawing
  // 100,000 random characters one by one costs ~70 ms a value, which the fuzz spends on calls instead).
  fc.record({ unit: fc.string({ minLength: 1, maxLength: 6 }), length: fc.integer({ min: 100_001, max: 100_050 }) }).map(({ unit, length }) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
  fc.constantFrom(...['', ' ', '../../etc/passwd', "'; DROP TABLE posts; --", '\u0000', '2026-02-30T25:61', 'Mars/Olympus', '#zzzzzz', 'NaN', '__proto__']),
  fc.constantFrom(...ids),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constantFrom('instagram', 'linkedin', 'x'))),
  fc.dictionary(fc.string(), fc.anything()),
);

function shapeKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function inputFor(method: (typeof METHOD_NAMES)[number]) {
  const keys = shapeKeys(methods[method].input);
  const known = keys.length ? fc.dictionary(fc.constantFrom(...keys), value(), { maxKeys: keys.length }) : fc.constant({});
  const ideas = [fc.anything(), known, fc.record({ extra: value() }), fc.constantFrom(null, undefined, 42, 'text', [], [1, 2])];
  // Valid-looking ids too: calls that reach the services, not just the validator.
  if (keys.includes('id')) ideas.push(fc.record({ id: fc.constantFrom(...ids) }));
  return fc.oneof(...ideas);
}

function libraryFiles(): string[] {
  return readdirSync(t.dir, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('sessions') && !f.startsWith('exports') && !f.endsWith('-wal') && !f.endsWith('-shm')).sort();
}

describe('every contract method under arbitrary input', () => {
  it.each(METHOD_NAMES.map((m) => [m]))('%s', async (method) => {
    await fc.assert(
      fc.asyncProperty(inputFor(method), async (input) => {
        // Dumped once and kept while calls are refused (they must change nothing): half the reads.
        known ??= { db: dumpDatabase(t.atelier.paths.database), files: libraryFiles() };
        const before = known;
        let outcome;
        try {
          outcome = await t.atelier.dispatch(method, input);
        } catch (error) {
          throw new Error(`${method} threw instead of answering: ${(error as Error).message}`);
        }
        tally.calls++;
        if (outcome.ok) {
          tally.accepted++;
          known = null;
          return;
        }
        tally.rejected++;
        tally.byCode[outcome.error.code] = (tally.byCode[outcome.error.code] ?? 0) + 1;
        expect(ERROR_CODES).toContain(outcome.error.code);
        expect(outcome.error.code, `${method}: ${outcome.error.message}`).not.toBe('internal');
        expect(outcome.error.message.length).toBeGreaterThan(5);
        expect(outcome.error.message).not.toMatch(/\n\s+at /); // no stack trace crosses the boundary
        expect(dumpDatabase(t.atelier.paths.database)).toEqual(before.db);
        expect(libraryFiles()).toEqual(before.files);
      }),
      { numRuns: RUNS, seed: 9 },
    );
  }, 120_000);

  it('unknown and hostile method names get unknown_method', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.anything(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')), async (name) => {
        fc.pre(!(METHOD_NAMES as readonly unknown[]).includes(name));
        const outcome = await t.atelier.dispatch(name, {});
        expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      }),
      { numRuns: 200, seed: 9 },
    );
  });
});
