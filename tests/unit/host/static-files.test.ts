import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src-main/host/shared/csp';
import { defaultDataDir, resolveDataDir } from '../../../src-main/host/shared/data-dir';
import { resolveStaticPath } from '../../../src-main/host/shared/static-files';

const ROOT = path.resolve('/srv/renderer');

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets/a%20b.png', 'assets/a b.png'],
  ])('serves %s from inside the build folder', (url, expected) => {
    expect(resolveStaticPath(ROOT, url)).toBe(path.join(ROOT, expected));
  });

  it.each(['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/secret', '/%2E%2E%2Fsecret', '/..%5csecret', '/a\\..\\b', '/x%00.js', '/%E0%A4%A', 'relative.js', '/./index.html'])(
    'refuses %s',
    (url) => {
      expect(resolveStaticPath(ROOT, url)).toBeNull();
    },
  );
});

describe('content security policy', () => {
  it('allows only the app itself: no eval, no inline script, no remote origins', () => {
    const csp = contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:5000'] });
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'", 'ws://127.0.0.1:5000']);
    expect(csp).not.toMatch(/unsafe-eval|https?:\/\/(?!127\.0\.0\.1)/);
  });
});

describe('library folder', () => {
  it('defaults to the OS user-data folder for Atelier', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Atelier');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Atelier');
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Atelier');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Atelier');
  });

  it('prefers --data-dir, then ATELIER_DATA_DIR', () => {
    expect(resolveDataDir('/flag', { ATELIER_DATA_DIR: '/env' })).toBe(path.resolve('/flag'));
    expect(resolveDataDir(undefined, { ATELIER_DATA_DIR: '/env' })).toBe(path.resolve('/env'));
  });
});
