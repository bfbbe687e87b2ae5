// What the services receive instead of reaching for globals, so tests can fix time and ids.

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export type IdGenerator = () => string;

export const systemClock: Clock = { now: () => Date.now() };
