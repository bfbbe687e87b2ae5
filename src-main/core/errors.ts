// The one error type code throws on purpose, in core so every layer can throw it: db (a newer
// database, a failed backup), services, hosts. Its message names what is wrong in user terms.
// contract/errors.ts gives its wire form (`WireError`, zod-checked) and re-exports it, so callers
// above the database keep importing it from the contract.
import type { Message, MessageParams } from './messages';

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
 * (locales/<lang>/errors.json) and the values its text needs.
 */
export interface ErrorReason {
  key: string;
  params?: MessageParams;
}

/** An error as it crosses a boundary: `{ code, message, details }`, never a stack trace. */
export interface WireErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
  reason?: ErrorReason;
}

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
  static fromMessage(code: ErrorCode, message: Message, details?: unknown): AtelierError {
    return new AtelierError(code, message.text, details, message.params === undefined ? { key: message.key } : { key: message.key, params: message.params });
  }

  toWire(): WireErrorShape {
    const wire: WireErrorShape = { code: this.code, message: this.message };
    if (this.details !== undefined) wire.details = this.details;
    if (this.reason !== undefined) wire.reason = this.reason;
    return wire;
  }
}
