// Errors cross every boundary (IPC, WebSocket, CLI) as plain `{ code, message, details }` objects.
// Never a stack trace: hosts turn anything unexpected into `internal` and log it on their side.
import { z } from 'zod';
import type { Message as MessageText } from '../core/messages';

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'newer_version',
  'unsupported',
  'too_large',
  'io_error',
  'cancelled',
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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

/**
 * A sentence a service says to a person beside its result (a warning, an undo label, a skipped
 * row): English `text` for the CLI, `key` and `params` for the renderer's `serviceMessages`
 * catalogue (locales/<lang>/messages.json). Built with `message()` from core/messages.ts.
 */
export const Message = z.object({ key: MessageKey, params: MessageParams.optional(), text: z.string() });
export type Message = z.infer<typeof Message>;

/** The one error type services throw on purpose; its message names what is wrong in user terms. */
export class AtelierError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly reason: ErrorReason | undefined;

  constructor(code: ErrorCode, message: string, details?: unknown, reason?: ErrorReason) {
    super(message);
    this.name = 'AtelierError';
    this.code = code;
    this.details = details;
    this.reason = reason;
  }

  /** An error whose reason is a service message (its English text is the error message). */
  static fromMessage(code: ErrorCode, message: MessageText, details?: unknown): AtelierError {
    return new AtelierError(code, message.text, details, message.params === undefined ? { key: message.key } : { key: message.key, params: message.params });
  }

  toWire(): WireError {
    const wire: WireError = { code: this.code, message: this.message };
    if (this.details !== undefined) wire.details = this.details;
    if (this.reason !== undefined) wire.reason = this.reason;
    return wire;
  }
}

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
