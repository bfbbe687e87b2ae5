// What each network accepts as a post's pictures: one table of data, like captions/rules.ts, with
// where each figure comes from. Sources: /shared/reference/platforms.md §2.1.
import type { NetworkId } from '../domain/posts';

export interface MediaRule {
  /** The post cannot go out without a picture (Instagram, TikTok photo posts, Pinterest). */
  required: boolean;
  /** Most pictures in one post (a carousel). */
  maxImages: number;
  /** Accepted width ÷ height, inclusive; absent when any shape is fine. */
  ratio?: { min: number; max: number; label: string };
  /** Whether a picture outside `ratio` is refused (error) or only shown badly (warning). */
  ratioSeverity?: 'error' | 'warning';
  source: string;
}

export const MEDIA_RULES: Readonly<Record<NetworkId, MediaRule>> = {
  x: { required: false, maxImages: 4, ratio: { min: 1 / 3, max: 3, label: '1:3 – 3:1' }, ratioSeverity: 'warning', source: 'platforms.md: X image ≤4, video 1:3…3:1' },
  bluesky: { required: false, maxImages: 4, source: 'platforms.md: Bluesky ≤4 images, any shape' },
  threads: { required: false, maxImages: 20, source: 'platforms.md: Threads carousel ≤20' },
  mastodon: { required: false, maxImages: 4, source: 'platforms.md: Mastodon ≤4 attachments' },
  instagram: { required: true, maxImages: 20, ratio: { min: 0.8, max: 1.91, label: '4:5 – 1.91:1' }, ratioSeverity: 'error', source: 'platforms.md: IG API ratio must be 4:5…1.91:1' },
  facebook: { required: false, maxImages: 10, source: 'platforms.md: Facebook, any shape' },
  linkedin: { required: false, maxImages: 10, source: 'platforms.md: LinkedIn ≤10 photos' },
  tiktok: { required: true, maxImages: 35, ratio: { min: 9 / 16 - 0.005, max: 1.005, label: '9:16 – 1:1' }, ratioSeverity: 'error', source: 'platforms.md: TikTok photo posts 1080×1920 or 1080×1080, ≤35' },
  pinterest: { required: true, maxImages: 5, ratio: { min: 1 / 2.1, max: 1.005, label: '1:2.1 – 1:1' }, ratioSeverity: 'warning', source: 'platforms.md: Pinterest pin 2:3' },
  youtube: { required: false, maxImages: 1, ratio: { min: 16 / 9 - 0.02, max: 16 / 9 + 0.02, label: '16:9' }, ratioSeverity: 'warning', source: 'platforms.md: YouTube thumbnail 1280×720 (16:9)' },
};

/** The editor size a new design for the network starts at (the composer's "New design"). */
export const DEFAULT_PRESET: Readonly<Record<NetworkId, string>> = {
  x: 'x-post',
  bluesky: 'x-post',
  threads: 'instagram-portrait',
  mastodon: 'x-post',
  instagram: 'instagram-portrait',
  facebook: 'instagram-portrait',
  linkedin: 'linkedin-square',
  tiktok: 'tiktok-video',
  pinterest: 'pinterest-pin',
  youtube: 'youtube-thumbnail',
};

const PLATFORM_NETWORK: Readonly<Record<string, NetworkId>> = {
  Instagram: 'instagram',
  Facebook: 'facebook',
  LinkedIn: 'linkedin',
  X: 'x',
  Pinterest: 'pinterest',
  TikTok: 'tiktok',
  YouTube: 'youtube',
};

/** The network a size preset was made for (`instagram-square` → instagram), from its platform name. */
export function networkForPlatform(platform: string | undefined): NetworkId | null {
  return (platform && PLATFORM_NETWORK[platform]) || null;
}
