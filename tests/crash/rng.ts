// A small seeded RNG (mulberry32): the same seed gives the same rounds, so a failure replays.
export interface Rng {
  (): number;
  pick<T>(items: readonly T[]): T;
  int(min: number, max: number): number;
}

export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Rng;
  next.pick = (items) => items[Math.floor(next() * items.length)]!;
  next.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return next;
}
