// electron-builder.yml is checked offline: against the JSON schema app-builder-lib ships, with
// the ajv options electron-builder itself uses, and against the project's own rules (native
// modules unpacked, resources present, fuses hardened, the built entry point packaged).
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  artifactName: string;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string; maintainer: string };
  mac: { target: string[]; icon: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string };
  win: { target: string[]; icon: string };
  nsis: Record<string, unknown>;
  protocols?: unknown;
  publish: unknown;
}

const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let compiled: ReturnType<Ajv['compile']> | undefined;
/** The validator electron-builder 26 builds in app-builder-lib/out/util/config/schemaValidator.js (compiled once: the schema is large). */
function validator() {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  compiled ??= new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(schema);
  return compiled;
}
const SLOW = 60_000; // compiling app-builder-lib's schema takes seconds on a busy machine

/** electron-builder's `files` semantics: in order, a pattern includes, a `!pattern` excludes. */
function packaged(file: string, patterns: readonly string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(file, pattern, { dot: true })) included = true;
  }
  return included;
}

const unpacked = (file: string) => config.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true }));

/** Every .node file under the runtime dependencies (and their platform packages) in node_modules. */
function nativeAddons(): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 6 || !existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'obj.target' && entry.name !== 'obj') walk(full, depth + 1);
      else if (entry.name.endsWith('.node')) found.push(path.relative(ROOT, full).split(path.sep).join('/'));
    }
  };
  const roots = new Set<string>();
  for (const name of Object.keys(pkg.dependencies)) {
    roots.add(name);
    if (name.startsWith('@')) {
      const scope = path.join(ROOT, 'node_modules', name.split('/')[0]!);
      for (const sibling of readdirSync(scope)) if (`${name.split('/')[0]}/${sibling}`.startsWith(name)) roots.add(`${name.split('/')[0]}/${sibling}`);
    }
  }
  for (const name of roots) walk(path.join(ROOT, 'node_modules', name), 0);
  return found;
}

describe('electron-builder.yml', () => {
  it('validates against app-builder-lib/scheme.json (electron-builder 26.17.0)', () => {
    const validate = validator();
    const valid = validate(structuredClone(config));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    expect((JSON.parse(readFileSync(require.resolve('app-builder-lib/package.json'), 'utf8')) as { version: string }).version).toBe('26.17.0');
  }, SLOW);

  it("passes electron-builder's own loader and validator (getConfig + validateConfiguration)", async () => {
    const loader = require('app-builder-lib/out/util/config/config.js') as {
      getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
      validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await loader.getConfig(ROOT, null, null);
    expect(loaded.appId).toBe(config.appId);
    await expect(loader.validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(loader.validateConfiguration({ ...loaded, asarUnpak: ['x'] }, new DebugLogger(false))).rejects.toThrow(/unknown property 'asarUnpak'/);
  }, SLOW);

  it('the same validator rejects a misspelt key and a wrong type (so the check above means something)', () => {
    const validate = validator();
    expect(validate({ ...structuredClone(config), asarUnpak: ['x'] })).toBe(false);
    expect(validate({ ...structuredClone(config), mac: { ...config.mac, hardenedRuntime: { yes: 1 } } })).toBe(false);
  }, SLOW);

  it('names the app: reverse-DNS appId, product Atelier, artifact names carry the architecture', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.productName).toBe('Atelier');
    expect(config.artifactName).toContain('${arch}');
    expect(config.artifactName).toContain('${version}');
    expect(config.publish).toBeNull();
  });

  it('builds AppImage and deb, dmg and zip, and an nsis installer that keeps user libraries', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, deleteAppDataOnUninstall: false });
  });

  it('packages the one exact Electron version the project pins and tests (item 16; freshness is checked on the release machine)', () => {
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect((config as unknown as { electronVersion?: string }).electronVersion).toBeUndefined();
    const installed = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(pkg.devDependencies.electron);
    expect(pkg.dependencies.electron).toBeUndefined();
  });

  it('never registers atelier:// with the OS (it is the window’s private scheme)', () => {
    expect(config.protocols).toBeUndefined();
  });

  it('hardens the Electron fuses (checklist item 19)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it.each([
    ['out/main/index.cjs', true],
    ['out/preload/index.cjs', true],
    ['out/renderer/index.html', true],
    ['out/renderer/assets/index-abc123.js', true],
    ['package.json', true],
    ['out/main/index.cjs.map', false],
    ['out/web/index.js', false],
    ['out/cli/index.js', false],
    ['src-main/app.ts', false],
    ['tests/e2e/harness.ts', false],
  ])('files: %s packaged = %s', (file, expected) => {
    expect(packaged(file, config.files)).toBe(expected);
  });

  it("packages package.json's main, which exists after the build", () => {
    expect(packaged(pkg.main, config.files)).toBe(true);
    expect(pkg.main).toBe('out/main/index.cjs');
  });

  it.each([
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    'node_modules/better-sqlite3/lib/database.js',
    'node_modules/@napi-rs/canvas/index.js',
    'node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node',
    'node_modules/@napi-rs/canvas-darwin-arm64/skia.darwin-arm64.node',
    'node_modules/@napi-rs/canvas-win32-x64-msvc/skia.win32-x64-msvc.node',
    'node_modules/sharp/lib/index.js',
    'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node',
    'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.42',
  ])('asarUnpack covers the native module file %s', (file) => {
    expect(unpacked(file)).toBe(true);
  });

  it('unpacks every .node addon actually installed for the runtime dependencies, and never excludes one', () => {
    // electron-builder adds production node_modules itself; the `!` patterns of `files` still apply to them.
    const exclusions = ['**/*', ...config.files.filter((p) => p.startsWith('!'))];
    const addons = nativeAddons().filter((a) => !a.endsWith('test_extension.node'));
    expect(addons).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(addons.some((a) => a.startsWith('node_modules/@napi-rs/canvas-'))).toBe(true);
    for (const addon of addons) {
      expect(unpacked(addon), addon).toBe(true);
      expect(packaged(addon, exclusions), addon).toBe(true);
    }
    expect(packaged('node_modules/better-sqlite3/lib/index.js', exclusions)).toBe(true);
    expect(packaged('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', exclusions)).toBe(false);
    expect(packaged('node_modules/better-sqlite3/build/Release/test_extension.node', exclusions)).toBe(false);
  });

  it('does not unpack ordinary JavaScript dependencies', () => {
    expect(unpacked('node_modules/ws/index.js')).toBe(false);
    expect(unpacked('node_modules/commander/index.js')).toBe(false);
    expect(unpacked('out/main/index.cjs')).toBe(false);
  });

  it('every build resource it names exists: icons, entitlements', () => {
    const referenced = [config.directories.buildResources, config.linux.icon, config.mac.icon, config.win.icon, config.mac.entitlements, config.mac.entitlementsInherit];
    for (const file of referenced) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
    expect(statSync(path.join(ROOT, config.linux.icon)).isDirectory()).toBe(true);
  });

  it('ships a 1024 px PNG icon and the Linux sizes, each the size its name says', () => {
    const pngSize = (file: string) => {
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    expect(pngSize(path.join(ROOT, config.mac.icon))).toEqual([1024, 1024]);
    const linux = readdirSync(path.join(ROOT, config.linux.icon));
    expect(linux.length).toBeGreaterThanOrEqual(5);
    for (const name of linux) {
      const n = Number(/^(\d+)x\1\.png$/.exec(name)?.[1]);
      expect(pngSize(path.join(ROOT, config.linux.icon, name)), name).toEqual([n, n]);
    }
  });

  it('grants the macOS hardened runtime JIT and nothing more', () => {
    const plist = readFileSync(path.join(ROOT, config.mac.entitlements), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
  });
});
