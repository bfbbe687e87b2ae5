// Checklist items 13, 15 and 17: where the window may go, which links leave the app, who may call.
import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINK_HOSTS, isAllowedNavigation, isSafeExternalUrl } from '../../../src-main/host/electron/navigation';
import { isTrustedSender } from '../../../src-main/host/electron/sender';

describe('isAllowedNavigation', () => {
  it.each([
    ['atelier://app/index.html', true],
    ['atelier://app/', true],
    ['atelier://app/index.html#/calendar', true],
    ['atelier://other/index.html', false],
    ['atelier://user:pw@app/index.html', false],
    ['https://example.com/', false],
    ['http://127.0.0.1:5173/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>1</script>', false],
    ['about:blank', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.instagram.com/acme/', true],
    ['https://instagram.com/p/xyz', true],
    ['https://www.linkedin.com/company/acme', true],
    ['https://x.com/acme', true],
    ['https://WWW.TIKTOK.COM/@acme', true],
    ['mailto:hello@acme.example', true],
    ['http://www.instagram.com/', false], // not https
    ['https://instagram.com.evil.example/', false], // look-alike suffix
    ['https://evilinstagram.com/', false], // look-alike prefix
    ['https://user:pw@instagram.com/', false],
    ['https://instagram.com:8443/', false],
    ['https://example.com/', false], // not on the allow-list
    ['https://127.0.0.1/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['atelier://app/index.html', false],
    ['mailto:', false],
    ['mailto:a@b/../../x', false],
    ['mailto:%E0@acme.example', false], // malformed percent-encoding: refused, never a throw in the main process
    ['nonsense', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });

  it('takes its allow-list as an argument and every default entry is a bare host name', () => {
    expect(isSafeExternalUrl('https://docs.example.org/x', ['example.org'])).toBe(true);
    expect(isSafeExternalUrl('https://www.instagram.com/', [])).toBe(false);
    for (const host of EXTERNAL_LINK_HOSTS) expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});

describe('isTrustedSender', () => {
  it.each([
    ['the app page', { url: 'atelier://app/index.html', parent: null }, true],
    ['a sub-frame of the app', { url: 'atelier://app/index.html', parent: {} }, false],
    ['another host on our scheme', { url: 'atelier://evil/index.html', parent: null }, false],
    ['a web page', { url: 'https://example.com/', parent: null }, false],
    ['a local file', { url: 'file:///tmp/x.html', parent: null }, false],
    ['the dev server', { url: 'http://localhost:5173/', parent: null }, false],
    ['a malformed URL', { url: '::::', parent: null }, false],
    ['an empty URL', { url: '', parent: null }, false],
  ])('%s → %s', (_name, frame, trusted) => {
    expect(isTrustedSender(frame)).toBe(trusted);
  });

  it('refuses a missing frame (destroyed before the message arrived)', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
