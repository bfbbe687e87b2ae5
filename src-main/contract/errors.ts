// Errors cross every boundary (IPC, WebSocket, CLI) as plain `{ code, message, details }` objects.
// Never a stack trace: hosts turn anything unexpected into `internal` and log it on their side.
import { z } from 'zod';
import { AtelierError, ERROR_CODES, type ErrorCode, type ErrorReason as CoreErrorReason, type WireErrorShape } from '../core/errors';

// The error class and its codes live in core (db throws them too); the contract gives their wire form.
export { AtelierError, ERROR_CODES, type ErrorCode };

/**
 * What went wrong, in a form the renderer translates: a key in its `serviceErrors` catalogue
 * (locales/<lang>/errors.json) and the values its text needs. The English `message` beside it stays
 * for the CLI and logs; the UI shows the translated reason when its catalogue knows the key.
 */
export const MessageKey = z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/);
export const MessageParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const ErrorReason = z.object({
  key: MessageKey,
  params: MessageParams.optional(),
});
export type ErrorReason = z.infer<typeof ErrorReason>;


export const WireError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
  reason: ErrorReason.optional(),
});
export type WireError = z.infer<typeof WireError>;

// The zod schemas and core's plain types describe the same objects: the build fails if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _ReasonMatchesCore = Assert<Same<ErrorReason, CoreErrorReason>>;
type _WireMatchesCore = Assert<Same<WireError, WireErrorShape>>;

/**
 * A sentence a service says to a person beside its result (a warning, an undo label, a skipped
 * row): English `text` for the CLI, `key` and `params` for the renderer's `serviceMessages`
 * catalogue (locales/<lang>/messages.json). Built with `message()` from core/messages.ts.
 */
export const Message = z.object({ key: MessageKey, params: MessageParams.optional(), text: z.string() });
export type Message = z.infer<typeof Message>;

export function isWireError(value: unknown): value is WireError {
  return WireError.safeParse(value).success;
}

/** Rebuilds an `AtelierError` from its wire form on the calling side. */
export function fromWire(error: WireError): AtelierError {
  return new AtelierError(error.code, error.message, error.details, error.reason);
}

/** Turns a zod failure into a list a person can read: which field, and why. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}
