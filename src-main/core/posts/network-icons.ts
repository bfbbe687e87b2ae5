// Network marks for chips, cards and mock-ups: 24×24 single-path SVG icons. Simple Icons (CC0) has
// every network but LinkedIn, which it removed at LinkedIn's request; ours is a plain "in" tile
// drawn here. Bundled at build time, so only these ten paths ship.
import { siBluesky, siFacebook, siInstagram, siMastodon, siPinterest, siThreads, siTiktok, siX, siYoutube } from 'simple-icons';
import type { NetworkId } from '../domain/posts';

export interface NetworkIcon {
  /** SVG path data in a 0 0 24 24 viewBox (fill-rule evenodd). */
  path: string;
  /** The network's brand colour, `#rrggbb`. */
  color: string;
}

const LINKEDIN_PATH =
  'M3.5 2h17A1.5 1.5 0 0 1 22 3.5v17a1.5 1.5 0 0 1-1.5 1.5h-17A1.5 1.5 0 0 1 2 20.5v-17A1.5 1.5 0 0 1 3.5 2z' +
  'M5.6 7.2a1.6 1.6 0 1 0 3.2 0a1.6 1.6 0 1 0-3.2 0z' +
  'M5.8 9.8h2.8V18H5.8z' +
  'M10.6 9.8h2.6v1.2c.4-.8 1.4-1.4 2.8-1.4c2.7 0 3.2 1.8 3.2 4V18h-2.7v-3.9c0-1 0-2.2-1.4-2.2s-1.7 1.1-1.7 2.1V18h-2.8z';

export const NETWORK_ICONS: Readonly<Record<NetworkId, NetworkIcon>> = {
  x: { path: siX.path, color: `#${siX.hex}` },
  bluesky: { path: siBluesky.path, color: `#${siBluesky.hex}` },
  threads: { path: siThreads.path, color: `#${siThreads.hex}` },
  mastodon: { path: siMastodon.path, color: `#${siMastodon.hex}` },
  instagram: { path: siInstagram.path, color: `#${siInstagram.hex}` },
  facebook: { path: siFacebook.path, color: `#${siFacebook.hex}` },
  linkedin: { path: LINKEDIN_PATH, color: '#0A66C2' },
  tiktok: { path: siTiktok.path, color: `#${siTiktok.hex}` },
  pinterest: { path: siPinterest.path, color: `#${siPinterest.hex}` },
  youtube: { path: siYoutube.path, color: `#${siYoutube.hex}` },
};

/** The icon as an SVG string (for pages built as text, such as a content pack's preview). */
export function networkIconSvg(network: NetworkId, size = 16): string {
  const icon = NETWORK_ICONS[network];
  return `<svg class="net-icon" viewBox="0 0 24 24" width="${size}" height="${size}" aria-hidden="true" focusable="false"><path fill="currentColor" fill-rule="evenodd" d="${icon.path}"/></svg>`;
}
