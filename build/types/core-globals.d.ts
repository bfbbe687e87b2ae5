// The few platform globals src-main/core may use, for its own typecheck (tsconfig.core.json: no DOM,
// no Node types). Each exists alike in Node ≥ 20 and in browsers; anything else — `process`,
// `Buffer`, `document`, `window`, `fetch` — fails the check, because core runs on both sides.
// Declared narrowly (only what core uses); the full types come from lib.dom / @types/node elsewhere.

interface URLSearchParams {
  append(name: string, value: string): void;
  delete(name: string): void;
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
  toString(): string;
}

interface URL {
  hash: string;
  host: string;
  hostname: string;
  href: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly origin: string;
  readonly searchParams: URLSearchParams;
  toString(): string;
}
declare const URL: { prototype: URL; new (url: string, base?: string | URL): URL };

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
}

/** An image the scene draws: an HTMLImageElement in the editor, an @napi-rs/canvas Image in Node. Opaque to core. */
type CanvasImageSource = object;
