// The WebSocket wire format. Requests: `{ id, method, input }`. Responses: `{ id, ok, result | error }`.
// Events: `{ event, payload }`. A response also carries `events`, the events its call caused, in
// order (the window that asked gets no separate frame for them). Malformed frames get a typed error, never a dropped connection.
import type { DispatchResult } from '../../dispatch';
import type { WireError } from '../../contract/errors';
import type { EmittedEvent } from '../../services/events';

export type DecodedRequest =
  | { ok: true; id: number | string; method: unknown; input: unknown }
  | { ok: false; id: number | string | null; error: WireError };

export function decodeRequest(text: string | null): DecodedRequest {
  if (text === null) return { ok: false, id: null, error: { code: 'invalid_input', message: 'Binary frames are not accepted.' } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, id: null, error: { code: 'invalid_input', message: 'The message is not valid JSON.' } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, id: null, error: { code: 'invalid_input', message: 'The message must be an object.' } };
  }
  const { id, method, input } = value as Record<string, unknown>;
  if (typeof id !== 'number' && typeof id !== 'string') {
    return { ok: false, id: null, error: { code: 'invalid_input', message: 'The message has no id.' } };
  }
  return { ok: true, id, method, input };
}

export function encodeResponse(id: number | string | null, outcome: DispatchResult, caused: readonly EmittedEvent[] = []): string {
  const events = caused.length > 0 ? { events: caused } : {};
  return JSON.stringify(outcome.ok ? { id, ok: true, result: outcome.result, ...events } : { id, ok: false, error: outcome.error, ...events });
}

export function encodeEvent(event: string, payload: unknown): string {
  return JSON.stringify({ event, payload });
}
