import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mediaResponse, parseMediaPath } from '../../../src-main/host/shared/media';
import { testAtelier } from '../../helpers/app';
import { png } from './fixtures';

const sha = 'a'.repeat(64);

describe('media paths', () => {
  it('accepts only /media/<variant>/<sha256>', () => {
    expect(parseMediaPath(`/media/thumbs/${sha}`)).toEqual({ variant: 'thumbs', id: sha });
    expect(parseMediaPath(`/media/files/${sha}`)).toEqual({ variant: 'files', id: sha });
    for (const bad of [`/media/thumbs/${sha}/x`, `/media/other/${sha}`, `/media/thumbs/${sha.toUpperCase()}`, `/media/thumbs/../../etc/passwd`, `/media/thumbs/${sha.slice(1)}`, '/media/files/%2e%2e']) {
      expect(parseMediaPath(bad), bad).toBeNull();
    }
  });
});

describe('mediaResponse (the Electron protocol handler)', () => {
  let t: ReturnType<typeof testAtelier>;
  beforeEach(() => {
    t = testAtelier();
  });
  afterEach(() => t.cleanup());

  it('answers thumbnails and originals with safe headers, and 404 for anything else', async () => {
    const bytes = await png(50, 40);
    const { asset } = await t.atelier.call('assets.import', { name: 'a.png', bytes: bytes });
    const file = await mediaResponse(t.atelier.services.assets, `/media/files/${asset.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    const thumb = await mediaResponse(t.atelier.services.assets, `/media/thumbs/${asset.id}`);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await mediaResponse(t.atelier.services.assets, `/media/thumbs/${sha}`)).status).toBe(404);
    expect((await mediaResponse(t.atelier.services.assets, '/media/thumbs/nope')).status).toBe(404);
  });
});
