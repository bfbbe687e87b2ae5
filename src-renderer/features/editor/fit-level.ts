// How much a row of controls gives up to stay on one line: the first "level" at which its content fits
// its width. The row is a flex row that does not wrap; while its content is wider than it, it is drawn
// again one level up (the caller shows less at each level), before the browser paints. The width each
// level needed is remembered, so the row steps back down as soon as the window has the room again.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * The level (0 … max) at which the row in `ref` fits. `reset` lists what changes every level's width
 * (the language): the widths are measured again from level 0. A child growing (a longer status, a font
 * arriving) is noticed too: each child is watched.
 */
export function useFitLevel(ref: RefObject<HTMLElement | null>, max: number, reset: readonly unknown[]): number {
  const [level, setLevel] = useState(0);
  const current = useRef(level);
  current.current = level;
  /** needs[l]: how wide the content was at level l, measured when it did not fit. */
  const needs = useRef<number[]>([]);
  const resetKey = JSON.stringify(reset);
  const lastReset = useRef(resetKey);

  const check = useCallback(() => {
    const row = ref.current;
    if (!row) return;
    const width = row.clientWidth;
    // The lowest level known (or not yet known) to fit.
    let fits = 0;
    while (fits < max && needs.current[fits] !== undefined && needs.current[fits]! > width) fits++;
    if (fits !== current.current) {
      setLevel(fits);
      return;
    }
    if (row.scrollWidth > width + 1 && fits < max) {
      needs.current[fits] = row.scrollWidth;
      setLevel(fits + 1);
    }
  }, [ref, max]);

  // After each step (and when the language changes): does the row fit now? Other changes of width
  // reach `check` through the ResizeObserver below.
  useLayoutEffect(() => {
    if (lastReset.current !== resetKey) {
      lastReset.current = resetKey;
      needs.current = [];
      if (current.current !== 0) {
        setLevel(0);
        return;
      }
    }
    check();
  }, [level, resetKey, check]);

  const observer = useRef<ResizeObserver | null>(null);
  const watched = useRef(new Set<Element>());
  useLayoutEffect(() => {
    const row = ref.current;
    if (!row || typeof ResizeObserver === 'undefined') return;
    // Settled before the next paint, so a window being resized never shows the row spilling over.
    const ro = new ResizeObserver(() => flushSync(check));
    observer.current = ro;
    ro.observe(row);
    return () => {
      ro.disconnect();
      observer.current = null;
      watched.current.clear();
    };
  }, [ref, check]);
  // The children change with the level: watch the ones there now, and let go of the ones gone.
  useLayoutEffect(() => {
    const row = ref.current;
    const ro = observer.current;
    if (!row || !ro) return;
    const now = new Set(row.children);
    for (const child of watched.current) if (!now.has(child)) ro.unobserve(child);
    for (const child of now) if (!watched.current.has(child)) ro.observe(child);
    watched.current = now;
  });
  return level;
}
