// Rules of the Electron checklist that are about where code may do what, checked in the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|html)$/.test(name)) out.push({ file: path.relative(ROOT, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

const main = sources('src-main');
const renderer = sources('src-renderer');
const where = (files: { file: string; text: string }[], pattern: RegExp) => files.filter((f) => pattern.test(f.text)).map((f) => f.file);

describe('Electron source rules', () => {
  it("imports 'electron' only in src-main/host/electron (type-only imports included)", () => {
    const importers = where([...main, ...renderer], /from ['"]electron['"]|require\(['"]electron['"]\)/);
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) expect(file).toMatch(/^src-main\/host\/electron\//);
  });

  it('registers IPC handlers only in host/electron/ipc.ts (item 17)', () => {
    expect(where(main, /ipcMain\s*\.\s*(handle|handleOnce|on|once)\s*\(|ipcMain\s*:\s*Pick</)).toEqual(['src-main/host/electron/ipc.ts']);
  });

  it('calls shell.openExternal in one place, behind the allow-list (item 15)', () => {
    expect(where(main, /\.openExternal\(/)).toEqual(['src-main/host/electron/desktop.ts']);
    const security = readFileSync(path.join(ROOT, 'src-main/host/electron/security.ts'), 'utf8');
    expect(security).toMatch(/if \(isSafeExternalUrl\(url\)\)\s*{\s*openExternal\(url\)/);
  });

  it('never loads file:// (item 18)', () => {
    expect(where(main, /\.loadFile\(|['"`]file:\/\/|pathToFileURL/)).toEqual([]);
  });

  it('never turns a security preference off or on the wrong way (items 2–4, 6, 8–10)', () => {
    const loose = /nodeIntegration\w*\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false|allowRunningInsecureContent\s*:\s*true|experimentalFeatures\s*:\s*true|enableBlinkFeatures\s*:|webviewTag\s*:\s*true/;
    expect(where(main, loose)).toEqual([]);
  });

  it('has no <webview> in the renderer (item 11)', () => {
    expect(where(renderer, /<webview/i)).toEqual([]);
  });
});
