// The studio's screens, in the order of the navigation.
export const SCREENS = ['calendar', 'editor', 'captions', 'library', 'packs', 'clients', 'insights', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];
