// "New design" from the composer: the draft waits (draft.ts keeps it in sessionStorage) while the user
// designs in the editor; this remembers which design the trip is for, so the studio can offer the
// way back to the post.
const KEY = 'atelier.composer.trip';

export interface DesignTrip {
  designId: string;
  /** The post's title, to say where "Back to the post" goes. */
  title: string;
}

export function startDesignTrip(trip: DesignTrip): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(trip));
  } catch {
    // Without storage the editor simply offers no way back; the design is attached once the post is saved.
  }
}

export function designTrip(): DesignTrip | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as DesignTrip | null;
    return value && typeof value.designId === 'string' && typeof value.title === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function clearDesignTrip(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
}
