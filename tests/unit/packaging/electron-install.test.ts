// `npm run electron:install` is the user asking for Electron's binary: when the download fails it
// must say so and exit non-zero. `npm install` (the same script without --force) still carries on.
// The real script runs against a stand-in electron package whose installer fails like a download
// with no network does.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';

const SCRIPT = path.resolve(__dirname, '..', '..', '..', 'build', 'scripts', 'postinstall.mjs');
let temp: ReturnType<typeof tempDir>;
afterEach(() => temp?.cleanup());

function project(options: { electron: boolean }) {
  temp = tempDir();
  mkdirSync(path.join(temp.dir, 'build', 'scripts'), { recursive: true });
  copyFileSync(SCRIPT, path.join(temp.dir, 'build', 'scripts', 'postinstall.mjs'));
  if (options.electron) {
    const electron = path.join(temp.dir, 'node_modules', 'electron');
    mkdirSync(electron, { recursive: true });
    writeFileSync(path.join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '0.0.0-test' }));
    writeFileSync(path.join(electron, 'install.js'), 'console.error("RequestError: getaddrinfo ENOTFOUND github.com"); process.exit(1);\n');
  }
  return (...args: string[]) => {
    const env = { ...process.env };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    const result = spawnSync(process.execPath, [path.join('build', 'scripts', 'postinstall.mjs'), ...args], { cwd: temp.dir, env, encoding: 'utf8' });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };
}

describe('npm run electron:install', () => {
  it('exits non-zero with the reason when the download fails', () => {
    const run = project({ electron: true });
    const forced = run('--force');
    expect(forced.code).toBe(1);
    expect(forced.output).toContain('Could not download the Electron binary (RequestError: getaddrinfo ENOTFOUND github.com)');
    expect(forced.output).toContain('run `npm run electron:install` again');
  });

  it('exits non-zero when there is no electron package to install into', () => {
    const forced = project({ electron: false })('--force');
    expect(forced.code).toBe(1);
    expect(forced.output).toContain('The electron package is not installed');
  });

  it('lets `npm install` go on without the binary (browser mode)', () => {
    const plain = project({ electron: true })();
    expect(plain.code).toBe(0);
    expect(plain.output).toContain('`npm start` will run the studio in browser mode');
  });
});
