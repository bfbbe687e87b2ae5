// Reads a zip someone else made, trusting nothing: every entry is checked from the central
// directory before a single byte is extracted, and reads are size-capped while they stream.
import { Transform, type Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AtelierError } from '../../contract/errors';
import { fileMissing } from '../../db/storage-errors';

export interface ZipLimits {
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxRatio: number;
  maxEntries: number;
  /** Entries smaller than this are never called bombs, however well they compress (a short JSON of spaces). */
  ratioFloorBytes: number;
}

export const PACK_LIMITS: ZipLimits = {
  maxEntryBytes: 200 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 100_000,
  ratioFloorBytes: 1024 * 1024,
};

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export interface SafeZip {
  names(): string[];
  has(name: string): boolean;
  size(name: string): number;
  /** One entry's bytes in memory: for the small ones (manifest, designs). */
  read(name: string): Promise<Buffer>;
  /** One entry as a stream, for the big ones (assets): never more than it declared, nor than the entry limit. */
  stream(name: string): Promise<Readable>;
  close(): void;
}

/** How a refused pack is described in the studio's language (the English reason stays in the message). */
const REFUSALS = {
  notAPack: { key: 'packs.refused.notAPack' },
  damaged: { key: 'packs.refused.damaged' },
  unsafe: { key: 'packs.refused.unsafe' },
  tooLarge: { key: 'packs.refused.tooLarge' },
  newerVersion: { key: 'packs.refused.newerVersion' },
} as const;
export type RefusalKind = keyof typeof REFUSALS;

export function refusePack(file: string, reason: string, kind: RefusalKind, details: Record<string, unknown> = {}): AtelierError {
  return new AtelierError('invalid_input', `${file} was refused: ${reason}. Nothing was imported.`, { file, reason, ...details }, REFUSALS[kind]);
}

/** Pure check of one entry's name and sizes; returns the reason to refuse, or null. */
export function entryProblem(name: string, entry: { uncompressedSize: number; compressedSize: number; externalFileAttributes: number }, limits: ZipLimits): string | null {
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.startsWith('\\')) return `the entry "${name}" has an absolute path`;
  if (name.includes('\\')) return `the entry "${name}" uses backslashes`;
  if (name.split('/').some((s) => s === '..')) return `the entry "${name}" points outside the pack (..)`;
  if (name.includes('\0')) return `the entry "${name}" has a NUL character in its name`;
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) return `the entry "${name}" is a symbolic link`;
  if (entry.uncompressedSize > limits.maxEntryBytes) return `the entry "${name}" is larger than ${Math.round(limits.maxEntryBytes / 1024 / 1024)} MB`;
  if (entry.uncompressedSize >= limits.ratioFloorBytes && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
    return `the entry "${name}" expands more than ${limits.maxRatio} times (a zip bomb?)`;
  }
  return null;
}

export async function openSafeZip(file: string, limits: ZipLimits = PACK_LIMITS): Promise<SafeZip> {
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z!))),
    );
  } catch (error) {
    const message = (error as Error).message;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw fileMissing(file);
    throw refusePack(file, `it is not a readable zip file (${message})`, 'notAPack');
  }
  const entries = new Map<string, Entry>();
  const lowerNames = new Set<string>();
  let total = 0;
  let compressedTotal = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(/invalid relative path|absolute path/i.test(error.message) ? refusePack(file, `an entry points outside the pack (${error.message})`, 'unsafe') : refusePack(file, `the zip is damaged (${error.message})`, 'damaged')));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        const name = entry.fileName;
        if (entries.size >= limits.maxEntries) return reject(refusePack(file, `it has more than ${limits.maxEntries} entries`, 'tooLarge'));
        const problem = entryProblem(name, entry, limits);
        if (problem) return reject(refusePack(file, problem, 'unsafe'));
        if (name.endsWith('/')) {
          zip.readEntry();
          return; // directories carry no data
        }
        const lower = name.normalize('NFC').toLowerCase();
        if (lowerNames.has(lower)) return reject(refusePack(file, `the entry "${name}" appears twice`, 'damaged'));
        lowerNames.add(lower);
        total += entry.uncompressedSize;
        compressedTotal += entry.compressedSize;
        if (total > limits.maxTotalBytes) return reject(refusePack(file, `it expands to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024 / 1024)} GB`, 'tooLarge'));
        entries.set(name, entry);
        zip.readEntry();
      });
      zip.readEntry();
    });
    if (total >= limits.ratioFloorBytes && total / Math.max(compressedTotal, 1) > limits.maxRatio) {
      throw refusePack(file, `it expands more than ${limits.maxRatio} times (a zip bomb?)`, 'unsafe');
    }
  } catch (error) {
    zip.close();
    throw error;
  }

  const safe: SafeZip = {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    size: (name) => entries.get(name)?.uncompressedSize ?? 0,
    stream(name) {
      const entry = entries.get(name);
      if (!entry) return Promise.reject(refusePack(file, `it has no "${name}"`, 'damaged'));
      return new Promise<Readable>((resolve, reject) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(refusePack(file, `"${name}" cannot be read (${err?.message ?? 'no data'})`, 'damaged'));
          let bytes = 0;
          // validateEntrySizes also stops a lying header; this keeps every read bounded regardless.
          const capped = new Transform({
            transform(chunk: Buffer, _encoding, done) {
              bytes += chunk.length;
              if (bytes > entry.uncompressedSize || bytes > limits.maxEntryBytes) return done(refusePack(file, `"${name}" is larger than it claims`, 'unsafe'));
              done(null, chunk);
            },
          });
          stream.on('error', (e: Error) => capped.destroy(refusePack(file, `"${name}" is damaged (${e.message})`, 'damaged')));
          capped.on('close', () => stream.destroy());
          resolve(stream.pipe(capped));
        });
      });
    },
    async read(name) {
      const chunks: Buffer[] = [];
      for await (const chunk of await safe.stream(name)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
  return safe;
}
