// Checklist item 18: atelier:// serves the renderer folder and nothing outside it, with the CSP.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../src-main/host/electron/protocol';
import { contentSecurityPolicy } from '../../../src-main/host/shared/csp';
import { tempDir } from '../../helpers/temp';

describe('atelier:// protocol handler', () => {
  const temp = tempDir('atelier-protocol-');
  const renderer = path.join(temp.dir, 'renderer');
  const secret = path.join(temp.dir, 'secret.txt');
  let handle: (request: Request) => Promise<Response>;

  beforeAll(() => {
    mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Atelier</title>');
    writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(secret, 'library secrets');
    symlinkSync(secret, path.join(renderer, 'assets', 'leak.txt'));
    handle = createAppProtocolHandler(renderer);
  });
  afterAll(() => temp.cleanup());

  it('serves the page with its type and the Content-Security-Policy header', async () => {
    const response = await handle(new Request('atelier://app/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Atelier</title>');
  });

  it('serves / as index.html and scripts as JavaScript', async () => {
    expect(await (await handle(new Request('atelier://app/'))).text()).toContain('Atelier');
    const script = await handle(new Request('atelier://app/assets/app.js'));
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['a parent-folder escape', 'atelier://app/../secret.txt'],
    ['an encoded parent-folder escape', 'atelier://app/%2e%2e/secret.txt'],
    ['an encoded slash escape', 'atelier://app/assets%2f..%2f..%2fsecret.txt'],
    ['a backslash escape', 'atelier://app/assets%5c..%5c..%5csecret.txt'],
    ['a NUL byte', 'atelier://app/index.html%00.js'],
    ['malformed percent-encoding', 'atelier://app/%E0%A4%A'],
    ['an absolute path', `atelier://app/${encodeURIComponent(secret)}`],
    ['a symlink leading out of the renderer folder', 'atelier://app/assets/leak.txt'],
    ['a folder', 'atelier://app/assets'],
    ['a missing file', 'atelier://app/missing.js'],
    ['another host', 'atelier://elsewhere/index.html'],
    ['another scheme', 'https://app/index.html'],
  ])('refuses %s with 404 and still sends the CSP', async (_name, url) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy());
    expect(await response.text()).not.toContain('library secrets');
  });

  it('answers only GET and HEAD', async () => {
    expect((await handle(new Request('atelier://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(new Request('atelier://app/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('atelier:// media route', () => {
  const temp = tempDir();
  const sha = 'a'.repeat(64);
  const thumb = path.join(temp.dir, 'thumb.webp');
  writeFileSync(thumb, Buffer.from('RIFF....WEBPVP8 '));
  const source = {
    mediaFile: async (variant: string, id: string) => (variant === 'thumbs' && id === sha ? { file: thumb, mime: 'image/webp' } : null),
  };
  afterAll(() => temp.cleanup());

  it('serves library thumbnails with the security headers', async () => {
    const handle = createAppProtocolHandler(temp.dir, () => source);
    const res = await handle(new Request(`atelier://app/media/thumbs/${sha}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('RIFF....WEBPVP8 ');
  });

  it('answers 404 for unknown media, malformed ids, and while the library needs recovery', async () => {
    const handle = createAppProtocolHandler(temp.dir, () => source);
    expect((await handle(new Request(`atelier://app/media/thumbs/${'b'.repeat(64)}`))).status).toBe(404);
    expect((await handle(new Request('atelier://app/media/thumbs/../../etc/passwd'))).status).toBe(404);
    const recovering = createAppProtocolHandler(temp.dir, () => null);
    expect((await recovering(new Request(`atelier://app/media/thumbs/${sha}`))).status).toBe(404);
  });
});
