import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { AtelierError } from '../../../src-main/contract/errors';
import { openSafeZip, PACK_LIMITS } from '../../../src-main/services/packs/zip-reader';
import { writeZipAtomically } from '../../../src-main/services/packs/zip-writer';
import { buildZip, type RawEntry } from '../../helpers/raw-zip';
import { tempDir } from '../../helpers/temp';

let temp: ReturnType<typeof tempDir> | undefined;
afterEach(() => {
  temp?.cleanup();
  temp = undefined;
});

function zipFile(entries: RawEntry[]): string {
  temp ??= tempDir();
  const file = path.join(temp!.dir, `t-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, buildZip(entries));
  return file;
}

async function refusal(file: string, limits = PACK_LIMITS): Promise<string> {
  try {
    const zip = await openSafeZip(file, limits);
    zip.close();
  } catch (error) {
    expect(error).toBeInstanceOf(AtelierError);
    return (error as AtelierError).message;
  }
  throw new Error('the zip was accepted');
}

describe('writeZipAtomically + openSafeZip', () => {
  it('round-trips stored and compressed entries', async () => {
    temp = tempDir();
    const dest = path.join(temp!.dir, 'pack.zip');
    const png = path.join(temp!.dir, 'a.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    await writeZipAtomically(dest, async (zip) => {
      zip.addText('{"hello":"wörld"}', 'manifest.json');
      zip.addFile(png, 'images/a.png', { compress: false });
    });
    const zip = await openSafeZip(dest);
    expect(zip.names().sort()).toEqual(['images/a.png', 'manifest.json']);
    expect((await zip.read('manifest.json')).toString('utf8')).toBe('{"hello":"wörld"}');
    expect([...(await zip.read('images/a.png'))]).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    zip.close();
  });

  it('deflates entries one at a time, however many are added (a zlib stream each holds ~300 KB)', async () => {
    temp = tempDir();
    const dest = path.join(temp!.dir, 'many.zip');
    const z = zlib as unknown as Record<'DeflateRaw' | 'deflateRaw', unknown>;
    const [Original, originalOneShot] = [z.DeflateRaw as typeof zlib.DeflateRaw, z.deflateRaw];
    let live = 0;
    let most = 0;
    const opened = () => (most = Math.max(most, ++live));
    // Counts every deflater yazl makes, streamed or one-shot, while it is alive.
    z.DeflateRaw = function (this: unknown, options?: zlib.ZlibOptions) {
      const stream = new Original(options);
      opened();
      stream.once('end', () => live--); // finished; its handle closes on the next tick
      return stream;
    };
    z.deflateRaw = (buffer: Buffer, options: zlib.ZlibOptions, callback: (e: Error | null, r: Buffer) => void) => {
      opened();
      (originalOneShot as typeof zlib.deflateRaw)(buffer, options, (error, result) => {
        live--;
        callback(error, result);
      });
    };
    try {
      await writeZipAtomically(dest, async (zip) => {
        for (let i = 0; i < 200; i++) zip.addText(`caption ${i} `.repeat(50), `captions/${i}.txt`);
        zip.addBuffer(Buffer.from('{"a":1}'), 'designs/d.json');
      });
    } finally {
      z.DeflateRaw = Original;
      z.deflateRaw = originalOneShot;
    }
    expect(most).toBe(1);
    const zip = await openSafeZip(dest);
    expect(zip.names()).toHaveLength(201);
    expect((await zip.read('captions/199.txt')).toString('utf8')).toBe('caption 199 '.repeat(50));
    expect((await zip.read('designs/d.json')).toString('utf8')).toBe('{"a":1}');
    zip.close();
  });

  it('leaves no file behind when the build fails or is cancelled', async () => {
    temp = tempDir();
    const dest = path.join(temp!.dir, 'pack.zip');
    await expect(
      writeZipAtomically(dest, async (zip) => {
        zip.addText('x', 'a.txt');
        throw new Error('render failed');
      }),
    ).rejects.toThrow();
    const controller = new AbortController();
    await expect(
      writeZipAtomically(
        dest,
        async (zip) => {
          zip.addText('x', 'a.txt');
          controller.abort();
        },
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(readdirSync(temp!.dir)).toEqual([]);
  });

  it.each([
    ['zip-slip', [{ name: '../../evil.sh', data: Buffer.from('x') }], /outside the pack/],
    ['absolute path', [{ name: '/etc/cron.d/evil', data: Buffer.from('x') }], /absolute path|outside the pack/],
    ['windows drive', [{ name: 'C:/Windows/evil.dll', data: Buffer.from('x') }], /absolute path|outside the pack/],
    ['backslashes', [{ name: 'images\\..\\..\\evil', data: Buffer.from('x') }], /backslashes|outside the pack/],
    ['symlink', [{ name: 'images/link.png', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }], /symbolic link/],
    [
      'duplicate names',
      [
        { name: 'manifest.json', data: Buffer.from('{}') },
        { name: 'MANIFEST.json', data: Buffer.from('{}') },
      ],
      /appears twice/,
    ],
    ['not a zip', null, /not a readable zip file/],
  ] as const)('refuses %s with a message that names the problem', async (_label, entries, message) => {
    temp = tempDir();
    let file: string;
    if (entries === null) {
      file = path.join(temp!.dir, 'fake.zip');
      writeFileSync(file, 'PK this is not really a zip');
    } else file = zipFile(entries as unknown as RawEntry[]);
    expect(await refusal(file)).toMatch(message);
    expect(readdirSync(temp!.dir).filter((f) => !f.endsWith('.zip'))).toEqual([]);
  });

  it('refuses a decompression bomb by its ratio before extracting', async () => {
    const file = zipFile([{ name: 'images/zeros.png', data: Buffer.alloc(20 * 1024 * 1024), deflate: true }]);
    expect(await refusal(file)).toMatch(/expands more than 100 times/);
  });

  it('refuses an entry over the size limit and an archive over the total limit', async () => {
    const limits = { ...PACK_LIMITS, maxEntryBytes: 1000, maxTotalBytes: 1500 };
    expect(await refusal(zipFile([{ name: 'big.bin', data: Buffer.alloc(2000, 7) }]), limits)).toMatch(/larger than/);
    const many = [0, 1, 2].map((i) => ({ name: `f${i}.bin`, data: Buffer.alloc(600, i) }));
    expect(await refusal(zipFile(many), limits)).toMatch(/expands to more than/);
  });

  it('stops reading an entry whose header lies about its size', async () => {
    // A stored entry that lies is caught when the zip is opened; a deflated one while it streams.
    expect(await refusal(zipFile([{ name: 'a.json', data: Buffer.alloc(5000, 0x20), declaredSize: 10 }]))).toMatch(/damaged/);
    const file = zipFile([{ name: 'manifest.json', data: Buffer.alloc(5000, 0x20), declaredSize: 10, deflate: true }]);
    const zip = await openSafeZip(file);
    await expect(zip.read('manifest.json')).rejects.toThrow(/larger than it claims|damaged/);
    zip.close();
    expect(existsSync(file)).toBe(true);
  });
});
