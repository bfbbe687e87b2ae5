// Size presets per platform, with the safe zones that stories and reels overlay with UI.

export interface SafeZone {
  /** Insets in design pixels that the platform's UI may cover. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface SizePreset {
  id: string;
  platform: string;
  label: string;
  width: number;
  height: number;
  safeZone: SafeZone | null;
}

const STORY_SAFE: SafeZone = { top: 250, bottom: 340, left: 60, right: 60 };
const REEL_SAFE: SafeZone = { top: 220, bottom: 420, left: 60, right: 140 };

export const SIZE_PRESETS: readonly SizePreset[] = [
  { id: 'instagram-square', platform: 'Instagram', label: 'Post (square)', width: 1080, height: 1080, safeZone: null },
  { id: 'instagram-portrait', platform: 'Instagram', label: 'Post (portrait 4:5)', width: 1080, height: 1350, safeZone: null },
  { id: 'instagram-landscape', platform: 'Instagram', label: 'Post (landscape)', width: 1080, height: 566, safeZone: null },
  { id: 'instagram-story', platform: 'Instagram', label: 'Story', width: 1080, height: 1920, safeZone: STORY_SAFE },
  { id: 'instagram-reel', platform: 'Instagram', label: 'Reel cover', width: 1080, height: 1920, safeZone: REEL_SAFE },
  { id: 'facebook-post', platform: 'Facebook', label: 'Post', width: 1200, height: 630, safeZone: null },
  { id: 'facebook-story', platform: 'Facebook', label: 'Story', width: 1080, height: 1920, safeZone: STORY_SAFE },
  { id: 'linkedin-post', platform: 'LinkedIn', label: 'Post', width: 1200, height: 627, safeZone: null },
  { id: 'linkedin-square', platform: 'LinkedIn', label: 'Square post', width: 1080, height: 1080, safeZone: null },
  { id: 'x-post', platform: 'X', label: 'Post image', width: 1600, height: 900, safeZone: null },
  { id: 'pinterest-pin', platform: 'Pinterest', label: 'Pin (2:3)', width: 1000, height: 1500, safeZone: null },
  { id: 'tiktok-video', platform: 'TikTok', label: 'Video cover', width: 1080, height: 1920, safeZone: { top: 160, bottom: 480, left: 60, right: 160 } },
  { id: 'youtube-thumbnail', platform: 'YouTube', label: 'Thumbnail', width: 1280, height: 720, safeZone: { top: 0, bottom: 90, left: 0, right: 200 } },
];

export const CUSTOM_PRESET = 'custom';

export function findPreset(id: string): SizePreset | undefined {
  return SIZE_PRESETS.find((p) => p.id === id);
}

/** The safe zone of a preset as a rectangle (what overlays draw and snapping uses). */
export function safeRect(preset: SizePreset | undefined): { x: number; y: number; width: number; height: number } | null {
  if (!preset?.safeZone) return null;
  const z = preset.safeZone;
  return { x: z.left, y: z.top, width: preset.width - z.left - z.right, height: preset.height - z.top - z.bottom };
}
