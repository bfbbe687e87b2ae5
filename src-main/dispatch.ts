// The single entry point every host calls: validate, run, validate again, and turn every failure
// into a `{ code, message, details }` the other side can show.
import { isMethod, methods } from './contract';
import type { Handlers } from './contract/handlers';
import { AtelierError, describeIssues, type WireError } from './contract/errors';
import { errorCode, isLibraryDamage, storageError } from './db/storage-errors';

export type DispatchResult<T = unknown> = { ok: true; result: T } | { ok: false; error: WireError };

export interface DispatcherOptions {
  /** Parse outputs too (on in tests and development: a broken service is caught at its source). */
  validateOutput?: boolean;
  /** Where unexpected errors are logged; they reach the caller only as `internal`. */
  onUnexpectedError?: (method: string, error: unknown) => void;
}

export type Dispatch = (method: unknown, input: unknown) => Promise<DispatchResult>;

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  const validateOutput = options.validateOutput ?? true;
  const log = options.onUnexpectedError ?? ((method, error) => console.error(`[atelier] ${method} failed:`, error));

  return async function dispatch(method, input) {
    if (!isMethod(method)) {
      const name = typeof method === 'string' ? method.slice(0, 100) : typeof method;
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method: ${name}.`, reason: { key: 'contract.unknownMethod' } } };
    }
    const spec = methods[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      const first = issues[0]!;
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Invalid input for ${method}: ${first.path} ${first.message}`,
          details: { issues },
          // The message names contract fields (for logs and scripts); people see this instead.
          reason: { key: 'contract.invalidInput' },
        },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const result = await handler(parsed.data);
      if (validateOutput) {
        const checked = spec.output.safeParse(result);
        if (!checked.success) {
          log(method, checked.error);
          return { ok: false, error: { code: 'internal', message: `Atelier produced an invalid answer for ${method}.` } };
        }
        return { ok: true, result: checked.data };
      }
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error: toWireError(method, error, log) };
    }
  };
}

/** Known failures keep their code; storage failures (disk, SQLite) are named; anything else becomes `internal`. */
export function toWireError(method: string, error: unknown, log: (method: string, error: unknown) => void): WireError {
  if (error instanceof AtelierError) return error.toWire();
  // A full or read-only disk (ENOSPC from a file write, SQLITE_FULL from the database), a busy or
  // conflicting library: said plainly, with a reason the renderer translates — never `internal`.
  const storage = storageError(error);
  if (storage) {
    // A library file that cannot be read is worth a log line too: it may need recovery.
    if (isLibraryDamage(errorCode(error))) log(method, error);
    return storage.toWire();
  }
  log(method, error);
  return { code: 'internal', message: `Something went wrong in ${method}; nothing was changed.` };
}
