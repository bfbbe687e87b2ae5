/** True when out/ is missing or older than the sources. */
export function buildIsStale(root: string): boolean;
