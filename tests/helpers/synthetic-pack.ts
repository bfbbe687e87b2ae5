// Content packs built by hand (no export): a client, one post, and the asset files given, each
// listed in the manifest with its SHA-256 — or with a wrong one, to play a damaged pack.
import { createHash } from 'node:crypto';
import { PACK_FORMAT, PACK_VERSION, type PackManifest } from '../../src-main/core/packs/manifest';
import { buildZip, type RawEntry } from './raw-zip';

export interface PackAssetInput {
  name: string;
  bytes: Buffer;
  /** List a SHA-256 that does not match the bytes. */
  wrongHash?: boolean;
}

export function syntheticManifest(clientId: string, assets: { name: string; sha256: string; size: number }[]): PackManifest {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    generator: 'tests',
    createdAt: '2026-12-01T09:00:00.000Z',
    client: { id: clientId, name: `Client ${clientId}`, timeZone: 'Europe/Paris', color: '#4f46e5' },
    period: { from: null, to: null },
    posts: [
      {
        id: `${clientId}-post`,
        title: 'Imported post',
        status: 'draft',
        caption: 'From a pack.',
        scheduledAt: null,
        timeZone: 'Europe/Paris',
        localTime: null,
        labels: [],
        campaign: '',
        variants: [],
      },
    ],
    designs: [],
    assets: assets.map((a) => ({ sha256: a.sha256, file: `assets/${a.name}`, mime: 'image/png', size: a.size })),
    files: { preview: 'index.html', schedule: 'schedule.csv', hootsuite: null, calendar: null },
  };
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The zip's bytes: manifest.json first, then the assets, deflated. */
export function syntheticPack(clientId: string, assets: readonly PackAssetInput[]): Buffer {
  const listed = assets.map((a) => ({ name: a.name, size: a.bytes.length, sha256: a.wrongHash ? sha256(Buffer.concat([a.bytes, Buffer.from('x')])) : sha256(a.bytes) }));
  const entries: RawEntry[] = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(syntheticManifest(clientId, listed))), deflate: true },
    ...assets.map((a) => ({ name: `assets/${a.name}`, data: a.bytes, deflate: true })),
  ];
  return buildZip(entries);
}
