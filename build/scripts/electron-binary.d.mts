export function findElectron(): { path: string; reason?: undefined } | { path: null; reason: string };
export function hasDisplay(): boolean;
