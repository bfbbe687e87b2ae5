// The media library: content-addressed files and their rows, tags, references and where-used, soft
// delete with undo, garbage collection and the files behind media URLs. Importing a file is
// asset-import.ts. Other services (pack import and export, brand kits) use the small API at the end
// of createAssetService, never the repository or the file store, so every change says `assets.changed`.
import { rmSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { libraryMethods, Asset, AssetUsage, GcReport } from '../contract/api/library';
import { AtelierError } from '../contract/errors';
import { assetMatcher, normalizeTags, type AssetFilter } from '../core/domain/assets';
import { createAssetsRepository, type AssetListRow, type OwnerType } from '../db/repositories/assets';
import { createImportJournal } from '../db/repositories/import-journal';
import type { HandlersFor } from '../contract/handlers';
import { createAssetImporter } from './asset-import';
import { extForMime, toAsset } from './asset-records';
import type { EventBus } from './events';
import type { FileGate } from './file-access';
import { collectImportDebris } from './import-debris';
import type { Library } from './library';
import { makePreview, makeThumbnail } from './media/images';
import { createFileStore } from './media/store';

export { extForMime, toAsset } from './asset-records';
export type { ImportOptions } from './asset-import';

const DAY = 86_400_000;
/** Deleted assets stay restorable this long before gc may remove them. */
export const DEFAULT_GRACE_DAYS = 7;
/** Files with no row (an import interrupted between rename and insert) are left alone this long. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

export function createAssetService(lib: Library, events: EventBus) {
  const repo = createAssetsRepository(lib.db);
  const files = createFileStore(lib.paths.assets);
  const journal = createImportJournal(lib.db);

  function requireRow(id: string): AssetListRow {
    const row = repo.getListed(id);
    if (!row) throw new AtelierError('not_found', `No asset with id ${id}.`, { id }, { key: 'assets.notFound' });
    return row;
  }

  function requireClient(clientId: string): void {
    const client = lib.clients.get(clientId);
    if (!client || client.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${clientId}.`, { clientId }, { key: 'clients.notFound' });
  }

  function changed(ids: string[]): void {
    if (ids.length > 0) events.emit('assets.changed', { ids });
  }

  const { importBytes, importStaged, importFile } = createAssetImporter({ lib, repo, files, journal, requireRow, requireClient, changed });

  function list(filter: AssetFilter & { includeDeleted?: boolean } = {}): Asset[] {
    const match = assetMatcher(filter);
    return repo.list({ includeDeleted: filter.includeDeleted }).map(toAsset).filter(match);
  }

  function update(id: string, fn: () => void): Asset {
    lib.write(() => {
      requireRow(id);
      fn();
    });
    changed([id]);
    return toAsset(requireRow(id));
  }

  function usage(id: string): AssetUsage[] {
    requireRow(id);
    return repo.usage(id).map((u) => ({ ownerType: u.owner_type, ownerId: u.owner_id, title: u.title, clientId: u.client_id }));
  }

  function describeUsage(asset: Asset): string {
    const parts: string[] = [];
    const { posts, designs, brandKits } = asset.usage;
    if (posts) parts.push(`${posts} post${posts === 1 ? '' : 's'}`);
    if (designs) parts.push(`${designs} design${designs === 1 ? '' : 's'}`);
    if (brandKits) parts.push(`${brandKits} brand kit${brandKits === 1 ? '' : 's'}`);
    return parts.join(', ');
  }

  function remove(id: string, force = false): Asset {
    const asset = toAsset(requireRow(id));
    if (asset.deletedAt) return asset;
    const used = asset.usage.posts + asset.usage.designs + asset.usage.brandKits;
    if (used > 0 && !force) {
      const { posts, designs, brandKits } = asset.usage;
      throw new AtelierError(
        'conflict',
        `"${asset.name}" is used in ${describeUsage(asset)}; confirm to delete it anyway. Nothing was deleted.`,
        { id, usage: usage(id) },
        { key: 'assets.inUse', params: { name: asset.name, posts, designs, brandKits } },
      );
    }
    return update(id, () => repo.setDeleted(id, lib.clock.now()));
  }

  /**
   * Inside a write the caller commits: `ownerId` now uses exactly `assetIds` (ids this library does not
   * know are left out), and clientless assets among them become `claimFor`'s. Returns the ids whose
   * usage changed: pass them to `announceChanged` once the write is committed.
   */
  function recordRefs(ownerType: OwnerType, ownerId: string, assetIds: readonly string[], options: { claimFor?: string } = {}): string[] {
    const known = repo.known([...new Set(assetIds)]);
    const previous = repo.refsOf(ownerType, ownerId);
    repo.setRefs(ownerType, ownerId, known);
    if (options.claimFor) for (const sha of known) if (repo.get(sha)?.client_id === null) repo.setClient(sha, options.claimFor);
    return [...new Set([...previous, ...known])];
  }

  function setRefs(ownerType: OwnerType, ownerId: string, assetIds: readonly string[]): string[] {
    const unique = [...new Set(assetIds)];
    const touched = lib.write(() => {
      for (const sha of unique) if (!repo.get(sha)) throw new AtelierError('not_found', `No asset with id ${sha}; nothing was recorded.`, { id: sha }, { key: 'assets.notFound' });
      return recordRefs(ownerType, ownerId, unique);
    });
    changed(touched);
    return unique;
  }

  /**
   * Records the library images an owner uses, leaving out ids this library does not know (a
   * template's placeholder, an image from another library) rather than refusing them. Autosave
   * stores a design every second while someone edits: only a real change is written.
   */
  function syncRefs(ownerType: OwnerType, ownerId: string, assetIds: readonly string[]): void {
    const known = repo.known([...new Set(assetIds)]).sort();
    const current = repo.refsOf(ownerType, ownerId).sort();
    if (known.join() !== current.join()) setRefs(ownerType, ownerId, known);
  }

  /**
   * Removes trashed, unreferenced assets past the grace period, what interrupted pack imports left
   * (uploads, never-committed asset rows), orphan files and stale temp files.
   */
  function collectGarbage(graceDays = DEFAULT_GRACE_DAYS): GcReport {
    const now = lib.clock.now();
    const debris = collectImportDebris(lib, repo, files, extForMime);
    const doomed = lib.write(() => {
      const rows = repo.collectable(now - graceDays * DAY);
      for (const row of rows) repo.remove(row.sha256);
      return rows;
    });
    let freedBytes = 0;
    let removedFiles = 0;
    for (const row of doomed) {
      const freed = files.removeAll(row.sha256, extForMime(row.mime));
      freedBytes += freed;
      if (freed > 0) removedFiles++;
    }
    const known = new Set(repo.allIds().map((r) => r.sha256));
    for (const entry of files.scan()) {
      const stray = entry.folder === 'tmp' || !known.has(entry.sha);
      if (stray && entry.mtimeMs <= now - ORPHAN_GRACE_MS) {
        try {
          rmSync(entry.file, { force: true });
          freedBytes += entry.size;
          removedFiles++;
        } catch {
          // in use or already gone: the next collection tries again
        }
      }
    }
    const keptDeleted = repo.list({ includeDeleted: true }).filter((r) => r.deleted_at !== null).length;
    const removedIds = [...doomed.map((r) => r.sha256), ...debris.assets];
    changed(removedIds);
    return {
      removedAssets: removedIds.length,
      removedFiles: removedFiles + debris.uploads.length,
      freedBytes: freedBytes + debris.freedBytes,
      keptDeleted,
    };
  }

  /** The file behind a media URL, generating a missing thumbnail or preview once. */
  async function mediaFile(variant: 'thumbs' | 'previews' | 'files', id: string): Promise<{ file: string; mime: string } | null> {
    const row = repo.get(id);
    if (!row) return null;
    const ext = extForMime(row.mime);
    if (variant === 'files') return files.exists('sha256', id, ext) ? { file: files.pathOf('sha256', id, ext), mime: row.mime } : null;
    if (row.kind !== 'image') return null;
    if (!files.exists(variant, id, 'webp')) {
      if (!files.exists('sha256', id, ext)) return null;
      const original = await files.read('sha256', id, ext);
      const derived = variant === 'thumbs' ? await makeThumbnail(original) : await makePreview(original);
      await files.put(variant, id, 'webp', derived, { durable: false });
    }
    return { file: files.pathOf(variant, id, 'webp'), mime: 'image/webp' };
  }

  /** What a killed pack import left (its upload, asset rows it never committed): run at every start. */
  function cleanUpInterruptedImports(): void {
    changed(collectImportDebris(lib, repo, files, extForMime).assets);
  }

  /**
   * Takes back assets an import added before it failed: their rows and files go (a row something came
   * to use meanwhile stays). Best effort: what is left, the next start or gc removes.
   */
  function rollBackImport(added: readonly { id: string; mime: string }[]): void {
    const removed: string[] = [];
    for (const a of added) {
      try {
        lib.write(() => {
          if (repo.refCount(a.id) === 0) repo.remove(a.id);
        });
      } catch (error) {
        console.error(`[atelier] asset ${a.id} of a failed import could not be removed now (the next start will):`, error);
        continue;
      }
      if (repo.get(a.id)) continue;
      files.removeAll(a.id, extForMime(a.mime));
      removed.push(a.id);
    }
    changed(removed);
  }

  /** The stored original of an asset, when its file is on disk. */
  function originalFile(id: string): string | null {
    const row = repo.get(id);
    if (!row) return null;
    const ext = extForMime(row.mime);
    return files.exists('sha256', id, ext) ? files.pathOf('sha256', id, ext) : null;
  }

  return {
    importBytes,
    importStaged,
    importFile,
    list,
    get: (id: string) => toAsset(requireRow(id)),
    /** The asset (deleted ones included), or null when this library does not have it. */
    find: (id: string): Asset | null => {
      const row = repo.getListed(id);
      return row ? toAsset(row) : null;
    },
    rename: (id: string, name: string) => update(id, () => repo.rename(id, name)),
    setTags: (id: string, tags: readonly string[]) => update(id, () => repo.setTags(id, normalizeTags(tags))),
    setClient(id: string, clientId: string | null): Asset {
      if (clientId) requireClient(clientId);
      return update(id, () => repo.setClient(id, clientId));
    },
    remove,
    restore: (id: string) => update(id, () => repo.setDeleted(id, null)),
    usage,
    setRefs,
    syncRefs,
    tags: () => repo.tags().map((t) => ({ tag: t.tag, count: t.n })),
    collectGarbage,
    mediaFile,
    // For other services: pack import and export, brand kits, the library session.
    recordRefs,
    announceChanged: changed,
    originalFile,
    /** A stream (a pack entry) written into the store's temp folder and hashed on the way; import it with importStaged. */
    stageStream: (stream: Readable, options: { durable: boolean; maxBytes: number }) => files.stageStream(stream, options),
    /** A staged file that will not be imported. */
    discardStaged: (temp: string) => files.discard(temp),
    rollBackImport,
    cleanUpInterruptedImports,
  };
}

export type AssetService = ReturnType<typeof createAssetService>;

type AssetMethods = Omit<typeof libraryMethods, 'fonts.list' | 'fonts.file' | 'brandKits.get' | 'brandKits.update'>;

/** `files`: which paths `assets.importFile` may read (browser mode: only an upload in the library). */
export function assetHandlers(assets: AssetService, files: FileGate): HandlersFor<AssetMethods> {
  return {
    'assets.list': (input) => assets.list(input),
    'assets.get': ({ id }) => assets.get(id),
    'assets.import': ({ bytes, name, clientId, tags }) => assets.importBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, { clientId, tags }),
    'assets.importFile': ({ file, name, clientId, tags }) => assets.importFile(files.input(file, 'file'), { name, clientId, tags }),
    'assets.rename': ({ id, name }) => assets.rename(id, name),
    'assets.setTags': ({ id, tags }) => assets.setTags(id, tags),
    'assets.setClient': ({ id, clientId }) => assets.setClient(id, clientId),
    'assets.delete': ({ id, force }) => assets.remove(id, force),
    'assets.restore': ({ id }) => assets.restore(id),
    'assets.usage': ({ id }) => assets.usage(id),
    'assets.setRefs': ({ ownerType, ownerId, assetIds }) => ({ assetIds: assets.setRefs(ownerType, ownerId, assetIds) }),
    'assets.tags': () => assets.tags(),
    'assets.gc': ({ graceDays }) => assets.collectGarbage(graceDays),
  };
}
