import { AtelierError, fromWire, isWireError } from '../../src-main/contract/errors';

export type DispatchResultLike = { ok: true; result: unknown } | { ok: false; error: unknown };

/** Turns a dispatch envelope into a value, or throws the AtelierError it carries. */
export function unwrap(outcome: DispatchResultLike): unknown {
  if (outcome && outcome.ok === true) return outcome.result;
  const error = outcome?.ok === false ? outcome.error : undefined;
  if (isWireError(error)) throw fromWire(error);
  throw new AtelierError('internal', 'The studio answered with something unexpected.');
}
