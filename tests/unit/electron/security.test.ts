// Checklist items 5, 11–15: installSecurity denies permissions, webviews, navigation and new
// windows, with Electron's objects mocked.
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  return {
    appListeners,
    app: { on: (name: string, listener: Listener) => appListeners.set(name, listener) },
    session: {
      setPermissionRequestHandler: (..._a: unknown[]) => undefined,
      setPermissionCheckHandler: (..._a: unknown[]) => undefined,
      setDevicePermissionHandler: (..._a: unknown[]) => undefined,
    },
    shell: { openExternal: async (_url: string) => undefined },
  };
});
vi.mock('electron', () => ({ app: fake.app, session: { defaultSession: fake.session }, shell: fake.shell }));

function fakeWebContents() {
  const handlers = new Map<string, Listener>();
  let windowOpen: Listener | undefined;
  return {
    handlers,
    get windowOpen() {
      return windowOpen;
    },
    on: (name: string, listener: Listener) => handlers.set(name, listener),
    setWindowOpenHandler: (handler: Listener) => {
      windowOpen = handler;
    },
  };
}

function navigationEvent(url?: string) {
  return { url, preventDefault: vi.fn() };
}

describe('installSecurity', () => {
  const requestHandler = vi.spyOn(fake.session, 'setPermissionRequestHandler');
  const checkHandler = vi.spyOn(fake.session, 'setPermissionCheckHandler');
  const deviceHandler = vi.spyOn(fake.session, 'setDevicePermissionHandler');
  const openExternal = vi.spyOn(fake.shell, 'openExternal');
  let contents: ReturnType<typeof fakeWebContents>;

  beforeAll(async () => {
    const electron = await import('electron');
    const { installSecurity } = await import('../../../src-main/host/electron/security');
    installSecurity({ app: electron.app, session: electron.session.defaultSession, openExternal: (url) => electron.shell.openExternal(url) });
    contents = fakeWebContents();
    fake.appListeners.get('web-contents-created')!({}, contents);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])(
    'denies the %s permission request',
    (permission) => {
      const handler = requestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (granted: boolean) => void) => void;
      const callback = vi.fn();
      handler({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('grants only writing text to the clipboard (the "copy caption" buttons), never reading it', () => {
    const handler = requestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (granted: boolean) => void) => void;
    const callback = vi.fn();
    handler({}, 'clipboard-sanitized-write', callback);
    expect(callback).toHaveBeenCalledWith(true);
    const check = checkHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(check(null, 'clipboard-sanitized-write', 'atelier://app', {})).toBe(true);
    expect(check(null, 'clipboard-read', 'atelier://app', {})).toBe(false);
  });

  it('answers every other permission check and device request with no', () => {
    const check = checkHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(check(null, 'media', 'atelier://app', {})).toBe(false);
    expect(check(null, 'geolocation', 'atelier://app', {})).toBe(false);
    const device = deviceHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(device({ deviceType: 'usb', origin: 'atelier://app' })).toBe(false);
  });

  it('registers the guards on every new web contents', () => {
    expect([...contents.handlers.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(contents.windowOpen).toBeTypeOf('function');
  });

  it('never attaches a <webview>', () => {
    const event = navigationEvent();
    contents.handlers.get('will-attach-webview')!(event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each([
    ['https://example.com/', true, false],
    ['file:///etc/passwd', true, false],
    ['http://localhost:5173/', true, false],
    ['https://www.instagram.com/acme', true, true],
    ['atelier://app/index.html', false, false],
  ])('will-navigate to %s: blocked=%s, opened in the browser=%s', (url, blocked, external) => {
    openExternal.mockClear();
    const event = navigationEvent(url);
    contents.handlers.get('will-navigate')!(event, url);
    expect(event.preventDefault).toHaveBeenCalledTimes(blocked ? 1 : 0);
    expect(openExternal).toHaveBeenCalledTimes(external ? 1 : 0);
  });

  it('blocks redirects and sub-frame navigation away from the app', () => {
    const redirect = navigationEvent('https://example.com/');
    contents.handlers.get('will-redirect')!(redirect, 'https://example.com/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const frame = navigationEvent('https://example.com/');
    contents.handlers.get('will-frame-navigate')!(frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    const inside = navigationEvent('atelier://app/index.html');
    contents.handlers.get('will-frame-navigate')!(inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it.each([
    ['https://example.com/', false],
    ['atelier://app/index.html', false],
    ['javascript:alert(1)', false],
    ['https://www.linkedin.com/company/acme', true],
  ])('window.open(%s) is denied (opened in the browser: %s)', (url, external) => {
    openExternal.mockClear();
    expect(contents.windowOpen!({ url, frameName: '', features: '', disposition: 'new-window', referrer: {}, postBody: undefined })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(external ? 1 : 0);
  });
});
