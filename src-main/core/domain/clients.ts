// Client-level rules shared by the UI, the services and the CLI.

/** A palette offered for new clients; each is readable on light and dark backgrounds. */
export const CLIENT_COLORS = ['#4f46e5', '#0891b2', '#16a34a', '#ca8a04', '#ea580c', '#dc2626', '#db2777', '#7c3aed'] as const;

export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Picks the palette colour used least so far, so a new client stands out from the others. */
export function nextClientColor(used: readonly string[]): string {
  const counts = new Map<string, number>(CLIENT_COLORS.map((c) => [c, 0]));
  for (const c of used) {
    const key = c.toLowerCase();
    if (counts.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string = CLIENT_COLORS[0];
  for (const c of CLIENT_COLORS) if ((counts.get(c) ?? 0) < (counts.get(best) ?? 0)) best = c;
  return best;
}
