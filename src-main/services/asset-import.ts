// Importing a file into the media library: its type read from its bytes, every limit checked before
// anything is decoded or written, a thumbnail that proves the image whole, the original stored by its
// SHA-256 (tmp, fsync, rename), then one row. A refusal names the file and says why; nothing is added.
import { createHash } from 'node:crypto';
import { promises as fs, readFile } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import type { ImportResult } from '../contract/api/library';
import { AtelierError } from '../contract/errors';
import { ACCEPTED_FORMATS, MAX_ASSET_BYTES, MAX_FONT_BYTES, normalizeTags } from '../core/domain/assets';
import { ignoreCleanupFailure, awaitedLater } from '../core/promises';
import type { AssetListRow, AssetsRepository } from '../db/repositories/assets';
import type { ImportJournal } from '../db/repositories/import-journal';
import { extForMime, toAsset } from './asset-records';
import type { Library } from './library';
import { claimedFormat, detect, FORMAT_INFO, type Detected } from './media/detect';
import { inspectFont } from './media/fonts';
import { heicToJpeg, ImageProblem, makeThumbnail, probeImage, rasteriseSvg } from './media/images';
import type { FileStore, StagedFile } from './media/store';
import { svgProblem } from './media/svg';

export interface ImportOptions {
  clientId?: string;
  tags?: readonly string[];
  /** A pack import's id: a row this call adds is noted in the import journal (crash clean-up). */
  journal?: string;
}

// The callback readFile reads a file of known size in one call; fs.promises.readFile reads in 512 KB steps.
const readWhole = promisify(readFile);

/** The first bytes of a file, enough to tell its type. */
async function readHead(file: string, length = 4096): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Raster formats sharp decodes as they are (no conversion), so a file on disk can be decoded in place. */
const DIRECT_FORMATS = new Set(['png', 'jpeg', 'webp', 'gif', 'avif']);

interface Prepared {
  /** The file's bytes in memory, or already on disk in the store's temp folder. */
  source: { bytes: Buffer } | { staged: StagedFile };
  kind: 'image' | 'font';
  mime: string;
  width: number | null;
  height: number | null;
  fontFamily: string | null;
  /** Resolves to the thumbnail once the full decode succeeded; rejects on damaged data. */
  thumbnail: Promise<Buffer> | null;
}

/** What the studio says when a file is refused, by error code (specific refusals name their own). */
const IMPORT_REFUSALS = {
  unsupported: { key: 'assets.notSupported' },
  too_large: { key: 'assets.tooLarge' },
  invalid_input: { key: 'assets.damaged' },
  io_error: { key: 'assets.cannotStore' },
} as const;

export interface AssetImportDeps {
  lib: Library;
  repo: AssetsRepository;
  files: FileStore;
  journal: ImportJournal;
  requireRow(id: string): AssetListRow;
  requireClient(clientId: string): void;
  /** Says which assets changed (the `assets.changed` event). */
  changed(ids: string[]): void;
}

export function createAssetImporter({ lib, repo, files, journal, requireRow, requireClient, changed }: AssetImportDeps) {
  /** Refuses a file: the English reason in the message, a translatable one (by default from the code) for the studio. */
  function fail(code: keyof typeof IMPORT_REFUSALS, name: string, reason: string, refusal: { key: string } = IMPORT_REFUSALS[code]): never {
    throw new AtelierError(code, `Cannot import "${name}": ${reason}. Nothing was added.`, { file: name, reason }, { key: refusal.key, params: { name } });
  }

  function diskFull(name: string): AtelierError {
    return new AtelierError('io_error', `Cannot import "${name}": the disk is full. Nothing was added.`, { file: name, reason: 'the disk is full' }, { key: 'assets.diskFull', params: { name } });
  }

  function refuseType(name: string, detected: Detected): never {
    const claimed = claimedFormat(name);
    if (detected.kind === 'unsupported') {
      const lie = claimed ? ` even though its name says ${FORMAT_INFO[claimed].label}` : '';
      fail('unsupported', name, `its bytes are ${detected.what}${lie}; Atelier imports ${ACCEPTED_FORMATS}`);
    }
    if (claimed) fail('unsupported', name, `its name says ${FORMAT_INFO[claimed].label}, but its bytes are not one (nor any image or font Atelier imports)`);
    fail('unsupported', name, `its bytes are not an image or font Atelier knows; Atelier imports ${ACCEPTED_FORMATS}`);
  }

  /** Everything that can refuse a file, done before anything is written. */
  async function prepare(input: Buffer, name: string): Promise<Prepared> {
    if (input.length === 0) fail('invalid_input', name, 'the file is empty', { key: 'assets.empty' });
    if (input.length > MAX_ASSET_BYTES) fail('too_large', name, `it is ${(input.length / 1024 / 1024).toFixed(0)} MB; the limit is 200 MB`);
    const detected = detect(input);
    if (detected.kind === 'unknown' || detected.kind === 'unsupported') refuseType(name, detected);
    try {
      if (detected.kind === 'font') {
        if (input.length > MAX_FONT_BYTES) fail('too_large', name, `it is ${(input.length / 1024 / 1024).toFixed(0)} MB, more than any real font (limit ${MAX_FONT_BYTES / 1024 / 1024} MB)`);
        let info;
        try {
          info = await inspectFont(input);
        } catch (error) {
          return fail('unsupported', name, `it starts like a ${FORMAT_INFO[detected.format].label} but ${(error as Error).message}`);
        }
        return { source: { bytes: input }, kind: 'font', mime: FORMAT_INFO[detected.format].mime, width: null, height: null, fontFamily: info.family, thumbnail: null };
      }
      let bytes = input;
      let format = detected.format;
      if (format === 'svg') {
        const problem = svgProblem(input);
        if (problem) fail('unsupported', name, `it is an SVG and ${problem}`, { key: 'assets.unsafeSvg' });
        bytes = await rasteriseSvg(input);
        format = 'png';
      } else if (format === 'heic') {
        bytes = await heicToJpeg(input);
        format = 'jpeg';
      }
      const probe = await probeImage(bytes);
      return { source: { bytes }, kind: 'image', mime: FORMAT_INFO[format].mime, width: probe.width, height: probe.height, fontFamily: null, thumbnail: makeThumbnail(bytes) };
    } catch (error) {
      if (error instanceof ImageProblem) fail(error.reason === 'corrupt' ? 'invalid_input' : error.reason, name, error.message, error.key ? { key: error.key } : undefined);
      throw error;
    }
  }

  /**
   * A raster file imported from disk: the header is probed (pixel limit) and then sharp decodes the
   * thumbnail straight from the file, as a bare resize would, while the same bytes are read for the
   * hash and the store. A staged file (already hashed, in the store's temp folder) is not read again:
   * its thumbnail is finished before it is moved into place.
   */
  async function prepareFromFile(file: string, format: 'png' | 'jpeg' | 'webp' | 'gif' | 'avif', name: string, staged?: StagedFile): Promise<Prepared> {
    try {
      const probe = await probeImage(file);
      const base = { kind: 'image' as const, mime: FORMAT_INFO[format].mime, width: probe.width, height: probe.height, fontFamily: null };
      if (staged) return { ...base, source: { staged }, thumbnail: Promise.resolve(await makeThumbnail(file)) };
      const thumbnail = makeThumbnail(file);
      awaitedLater(thumbnail); // awaited in store(), once the bytes are read
      const bytes = await readWhole(file);
      return { ...base, source: { bytes }, thumbnail };
    } catch (error) {
      if (error instanceof ImageProblem) fail(error.reason === 'corrupt' ? 'invalid_input' : error.reason, name, error.message);
      throw error;
    }
  }

  function importBytes(input: Buffer, name: string, options: ImportOptions = {}): Promise<ImportResult> {
    return store(name, options, (displayName) => prepare(input, displayName));
  }

  /**
   * A file already streamed into the store's temp folder (an upload, a pack entry), hashed on the
   * way: a raster image is decoded from disk and moved into place without ever being held in
   * memory whole; anything else (SVG, HEIC, a font: small by their limits) goes through the bytes.
   * The staged file is gone afterwards, whatever the outcome.
   */
  async function importStaged(staged: StagedFile, name: string, options: ImportOptions = {}): Promise<ImportResult> {
    try {
      const displayName = name.trim() || 'untitled';
      if (staged.size === 0) fail('invalid_input', displayName, 'the file is empty');
      if (staged.size > MAX_ASSET_BYTES) fail('too_large', displayName, `it is ${(staged.size / 1024 / 1024).toFixed(0)} MB; the limit is 200 MB`);
      const detected = detect(await readHead(staged.temp));
      if (detected.kind === 'image' && DIRECT_FORMATS.has(detected.format)) {
        const format = detected.format as 'png' | 'jpeg' | 'webp' | 'gif' | 'avif';
        return await store(name, options, (shown) => prepareFromFile(staged.temp, format, shown, staged));
      }
      return await importBytes(await readWhole(staged.temp), name, options);
    } finally {
      await fs.rm(staged.temp, { force: true }).catch(ignoreCleanupFailure);
    }
  }

  async function store(name: string, options: ImportOptions, make: (displayName: string) => Promise<Prepared>): Promise<ImportResult> {
    const displayName = name.trim() || 'untitled';
    if (options.clientId) requireClient(options.clientId);
    const tags = normalizeTags(options.tags ?? []);
    const prepared = await make(displayName);
    const { source } = prepared;
    const sha = 'staged' in source ? source.staged.sha : createHash('sha256').update(source.bytes).digest('hex');
    const size = 'staged' in source ? source.staged.size : source.bytes.length;
    const ext = extForMime(prepared.mime);

    const existing = repo.get(sha);
    const needsFile = !existing || !(await files.hasComplete('sha256', sha, ext, size));
    let created: string | null = null;
    let thumbBytes: Buffer | null = null;
    try {
      // The original is written, fsynced and renamed into place while the thumbnail decode proves the
      // image whole. allSettled: a failed decode waits for the write, so the file can be removed again.
      const write = !needsFile
        ? null
        : 'staged' in source
          ? files.commit(source.staged.temp, 'sha256', sha, ext, { durable: true }).then((file) => ({ file, created: true }))
          : files.put('sha256', sha, ext, source.bytes, { durable: true });
      const [written, thumb] = await Promise.allSettled([write, prepared.thumbnail]);
      if (written.status === 'fulfilled' && written.value?.created) created = written.value.file;
      if (written.status === 'rejected') throw written.reason;
      if (thumb.status === 'rejected') throw thumb.reason;
      thumbBytes = thumb.value;
    } catch (error) {
      if (created && !repo.get(sha)) await fs.rm(created, { force: true }).catch(ignoreCleanupFailure);
      if (error instanceof ImageProblem) fail(error.reason === 'corrupt' ? 'invalid_input' : error.reason, displayName, error.message);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw diskFull(displayName);
      if (typeof code === 'string') fail('io_error', displayName, `the library folder could not be written (${code})`);
      throw error;
    } finally {
      // A staged file that was not moved into place (a duplicate, a refusal) is not kept.
      if ('staged' in source) await fs.rm(source.staged.temp, { force: true }).catch(ignoreCleanupFailure);
    }

    // The thumbnail is derived data (regenerated if ever missing): it is written while the row commits.
    const thumbWritten = thumbBytes ? files.put('thumbs', sha, 'webp', thumbBytes, { durable: false }).catch(() => null) : null;
    const duplicate = lib.write(() => {
      const row = repo.get(sha);
      if (row) {
        if (row.deleted_at !== null) repo.setDeleted(sha, null);
        if (options.clientId && row.client_id === null) repo.setClient(sha, options.clientId);
        repo.addTags(sha, tags);
        return true;
      }
      repo.insert({
        sha256: sha,
        kind: prepared.kind,
        mime: prepared.mime,
        size,
        width: prepared.width,
        height: prepared.height,
        original_name: displayName.slice(0, 255),
        client_id: options.clientId ?? null,
        created_at: lib.clock.now(),
        deleted_at: null,
        font_family: prepared.fontFamily,
      });
      repo.addTags(sha, tags);
      if (options.journal) journal.add(sha, options.journal, process.pid, lib.clock.now());
      return false;
    });
    await thumbWritten;
    changed([sha]);
    return { asset: toAsset(requireRow(sha)), duplicate };
  }

  /** `options.name`: what the file is called for the user (an upload's temp file has a made-up name). */
  async function importFile(file: string, options: ImportOptions & { name?: string } = {}): Promise<ImportResult> {
    const name = options.name ?? path.basename(file);
    // Errors name the file as the user knows it: the path they typed, or the name they gave.
    const shown = options.name ?? file;
    let stats;
    try {
      stats = await fs.stat(file);
    } catch (error) {
      return fail('io_error', shown, `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { key: 'assets.cannotRead' });
    }
    if (!stats.isFile()) fail('invalid_input', shown, 'it is not a file', { key: 'assets.notAFile' });
    // The size limit is checked before reading a single byte.
    if (stats.size > MAX_ASSET_BYTES) fail('too_large', shown, `it is ${(stats.size / 1024 / 1024).toFixed(0)} MB; the limit is 200 MB`);
    try {
      const detected = detect(await readHead(file));
      if (detected.kind === 'image' && DIRECT_FORMATS.has(detected.format)) {
        const format = detected.format as 'png' | 'jpeg' | 'webp' | 'gif' | 'avif';
        return await store(name, options, (displayName) => prepareFromFile(file, format, displayName));
      }
      return await importBytes(await readWhole(file), name, options);
    } catch (error) {
      // Name the file as the user typed it.
      if (shown !== name && error instanceof AtelierError && error.message.startsWith(`Cannot import "${name}"`)) {
        throw new AtelierError(error.code, error.message.replace(`"${name}"`, `"${shown}"`), error.details, error.reason);
      }
      throw error;
    }
  }

  return { importBytes, importStaged, importFile };
}
