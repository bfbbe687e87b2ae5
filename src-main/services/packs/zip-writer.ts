// Streams a zip to disk: entries are added by file path or as small buffers, and each is read and
// compressed only when its turn comes (one at a time), so memory stays flat however big the pack.
// The zip is written next to its destination under a temporary name and renamed only when complete:
// a cancelled or failed export leaves no partial file behind.
import { randomBytes } from 'node:crypto';
import { createWriteStream, fsyncSync, openSync, closeSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { AtelierError } from '../../contract/errors';
import { ignoreCleanupFailure } from '../../core/promises';
import { fileWriteError } from '../../db/storage-errors';

export interface ZipSink {
  /** A file from disk; `compress: false` for already-compressed media (PNG, JPEG), stored as is. */
  addFile(realPath: string, name: string, options?: { compress?: boolean }): void;
  addText(text: string, name: string): void;
  addBuffer(bytes: Buffer, name: string, options?: { compress?: boolean }): void;
}

export async function writeZipAtomically(
  destination: string,
  build: (zip: ZipSink) => Promise<void>,
  options: { signal?: AbortSignal; mtime?: Date } = {},
): Promise<{ bytes: number }> {
  const dir = path.dirname(path.resolve(destination));
  const temp = path.join(dir, `.${path.basename(destination)}.${randomBytes(4).toString('hex')}.partial`);
  const zip = new ZipFile();
  const mtime = options.mtime ?? new Date();
  let out;
  try {
    out = createWriteStream(temp, { flags: 'wx' });
  } catch (error) {
    throw fileWriteError(error, destination);
  }
  const output = zip.outputStream as unknown as Readable;
  const written = finished(output.pipe(out));
  // Errors on the zip stream surface through `written` or the catch below; never as an unhandled event.
  output.on('error', () => undefined);
  const abort = () => {
    output.destroy();
    out.destroy();
  };
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    // yazl's addBuffer() starts deflating at once: a pack's thousands of captions and designs would
    // each hold a zlib stream (~300 KB) at the same time. A lazy stream is deflated when written.
    const addBuffer = (bytes: Buffer, name: string, compress: boolean) => {
      if (!compress) return zip.addBuffer(bytes, name, { compress: false, mtime });
      zip.addReadStreamLazy(name, { compress: true, mtime, size: bytes.length }, (callback) => callback(null, Readable.from([bytes])));
    };
    await build({
      addFile: (realPath, name, o) => zip.addFile(realPath, name, { compress: o?.compress ?? true, mtime }),
      addText: (text, name) => addBuffer(Buffer.from(text, 'utf8'), name, true),
      addBuffer: (bytes, name, o) => addBuffer(bytes, name, o?.compress ?? true),
    });
    if (options.signal?.aborted) throw new AtelierError('cancelled', 'The export was cancelled; no file was written.', undefined, { key: 'packs.exportCancelled' });
    zip.end();
    await written;
    const fd = openSync(temp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, destination);
    return { bytes: out.bytesWritten };
  } catch (error) {
    output.destroy();
    out.destroy();
    await written.catch(ignoreCleanupFailure); // the streams were destroyed: the first error is the one reported
    rmSync(temp, { force: true });
    throw fileWriteError(error, destination);
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}
