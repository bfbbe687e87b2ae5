import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src-main/contract';
import { testAtelier } from '../../helpers/app';

let t: ReturnType<typeof testAtelier>;
afterEach(() => t?.cleanup());

const MALFORMED: unknown[] = [42, 'text', [], true, { unexpectedKey: 1 }];

describe('dispatch', () => {
  it('rejects an unknown method with unknown_method', async () => {
    t = testAtelier();
    for (const name of ['nope', 'clients.drop', '__proto__', 'constructor', 42, null]) {
      const outcome = await t.atelier.dispatch(name, {});
      expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it.each(METHOD_NAMES)('rejects malformed input for %s with invalid_input and no stack', async (method) => {
    t = testAtelier();
    for (const input of MALFORMED) {
      const outcome = await t.atelier.dispatch(method, input);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error.code).toBe('invalid_input');
      expect(outcome.error.message).toContain(method);
      expect(JSON.stringify(outcome.error)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    }
  });

  it('names the field that is wrong', async () => {
    t = testAtelier();
    const outcome = await t.atelier.dispatch('clients.create', { name: 'Acme', timeZone: 'Mars/Base' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'timeZone' }] } } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/timeZone is not a known IANA time zone/);
  });

  it('turns a missing record into not_found', async () => {
    t = testAtelier();
    const outcome = await t.atelier.dispatch('clients.get', { id: 'missing' });
    // The English message for the CLI and logs, and a reason the studio translates.
    expect(outcome).toEqual({ ok: false, error: { code: 'not_found', message: 'No client with id missing.', details: { id: 'missing' }, reason: { key: 'clients.notFound' } } });
  });

  it('returns results that satisfy the output schema', async () => {
    t = testAtelier();
    const outcome = await t.atelier.dispatch('clients.create', { name: 'Acme', timeZone: 'Europe/Paris' });
    expect(outcome).toMatchObject({ ok: true, result: { name: 'Acme', timeZone: 'Europe/Paris', deletedAt: null } });
  });
});
