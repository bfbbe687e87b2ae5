// Checklist item 7: one Content-Security-Policy, strict, for atelier:// and the web host alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../../../src-main/host/shared/csp';

function parse(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    expect(map.has(name!), `directive ${name} appears twice`).toBe(false);
    map.set(name!, values);
  }
  return map;
}

describe('contentSecurityPolicy', () => {
  const csp = parse(contentSecurityPolicy());

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('%s is exactly %j', (directive, values) => {
    expect(csp.get(directive)).toEqual(values);
  });

  it('never allows eval, inline scripts, wildcards or remote origins', () => {
    for (const [directive, values] of csp) {
      expect(values, directive).not.toContain("'unsafe-eval'");
      expect(values, directive).not.toContain('*');
      for (const value of values) expect(value, directive).not.toMatch(/^(https?:|wss?:)/);
    }
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('adds only the given WebSocket origins to connect-src (browser mode)', () => {
    const web = parse(contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:4000'] }));
    expect(web.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4000']);
    expect(web.get('script-src')).toEqual(["'self'"]);
  });

  it('is sent with the other security headers', () => {
    const headers = securityHeaders();
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(headers).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  });

  it('has a <meta> fallback in the page that is no looser than the header for scripts', () => {
    const html = readFileSync(path.resolve(__dirname, '../../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const parsed = parse(meta!);
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(meta).not.toContain('unsafe-eval');
  });
});
