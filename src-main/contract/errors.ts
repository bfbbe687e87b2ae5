// Errors cross every boundary (IPC, WebSocket, CLI) as plain `{ code, message, details }` objects.
// Never a stack trace: hosts turn anything unexpected into `internal` and log it on their side.
import { z } from 'zod';

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

export const WireError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type WireError = z.infer<typeof WireError>;

/** The one error type services throw on purpose; its message names what is wrong in user terms. */
export class AtelierError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AtelierError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isWireError(value: unknown): value is WireError {
  return WireError.safeParse(value).success;
}

/** Rebuilds an `AtelierError` from its wire form on the calling side. */
export function fromWire(error: WireError): AtelierError {
  return new AtelierError(error.code, error.message, error.details);
}

/** Turns a zod failure into a list a person can read: which field, and why. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}
