// Content-pack import: all or nothing, within a memory budget. The manifest and the designs are
// read and checked first (safe zip reader, zod, parseDesign, bounded sizes); then the assets are
// streamed one at a time into the library's temp folder, each checked against its SHA-256 and
// stored (deduped by hash) before the next is opened — so memory holds one chunk, not the pack;
// then one transaction writes the client, designs and posts. Any failure removes the asset rows
// and files this import added; a kill leaves them noted in the import journal, which the next
// start (or gc) clears (services/import-debris.ts).
import path from 'node:path';
import type { PackImportReport } from '../../contract/api/packs';
import type { Message } from '../../contract/errors';
import { AtelierError, describeIssues } from '../../contract/errors';
import { DesignDocumentError, pageAssetIds, parseDesign, type DesignDocument } from '../../core/design';
import { message } from '../../core/messages';
import { checkPackHeader, PackManifest } from '../../core/packs/manifest';
import { titleFrom, TITLE_MAX_UNITS } from '../../core/schedule/csv-rows';
import { truncate } from '../../core/text/truncate';
import { isValidTimeZone } from '../../core/time/zones';
import { createSchedulingRepository } from '../../db/repositories/scheduling';
import { MAX_ASSET_BYTES } from '../../core/domain/assets';
import { createImportJournal } from '../../db/repositories/import-journal';
import type { AssetService } from '../assets';
import { diskError } from '../../db/storage-errors';
import type { EventBus } from '../events';
import { activeImports } from '../import-debris';
import type { Library } from '../library';
import { StagedTooLarge } from '../media/store';
import { reidDocument } from '../designs';
import { JsonTextError, parseJsonText } from './json-text';
import { openSafeZip, refusePack, type SafeZip } from './zip-reader';

const MAX_MANIFEST_BYTES = 50 * 1024 * 1024;
/** A design document is JSON of a few hundred KB at most; these bound what the import holds parsed. */
export const MAX_DESIGN_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_DESIGNS_TOTAL_BYTES = 64 * 1024 * 1024;

export interface ImportDeps {
  lib: Library;
  assets: AssetService;
  events: EventBus;
}

export interface ImportTarget {
  clientId?: string;
  asNewClient?: boolean;
}


/** What readPack checked: the manifest, the parsed designs, and the open zip the assets stream from (the caller closes it). */
export interface CheckedPack {
  manifest: PackManifest;
  designs: Map<string, DesignDocument>;
  zip: SafeZip;
}

function parseEntryJson(file: string, entry: string, text: string): unknown {
  try {
    return parseJsonText(text);
  } catch (error) {
    if (error instanceof JsonTextError) throw refusePack(file, `its ${entry} is not valid JSON (${error.message})`, 'damaged');
    throw error;
  }
}

/** Reads and checks everything but the asset bytes; nothing is written. */
export async function readPack(file: string): Promise<CheckedPack> {
  const zip = await openSafeZip(file);
  try {
    if (!zip.has('manifest.json')) throw refusePack(file, 'it has no manifest.json, so it is not an Atelier pack', 'notAPack');
    if (zip.size('manifest.json') > MAX_MANIFEST_BYTES) throw refusePack(file, 'its manifest.json is larger than 50 MB', 'tooLarge');
    const raw = parseEntryJson(file, 'manifest.json', (await zip.read('manifest.json')).toString('utf8'));
    const header = checkPackHeader(raw);
    if (!header.ok) throw refusePack(file, header.message.replace(/\.$/, ''), header.newer ? 'newerVersion' : 'notAPack');
    const parsed = PackManifest.safeParse(raw);
    if (!parsed.success) {
      const first = describeIssues(parsed.error)[0]!;
      throw refusePack(file, `its manifest.json is invalid at ${first.path}: ${first.message}`, 'damaged', { issues: describeIssues(parsed.error) });
    }
    const manifest = parsed.data;
    if (!isValidTimeZone(manifest.client.timeZone)) throw refusePack(file, `its client time zone "${manifest.client.timeZone}" is not a known IANA zone`, 'damaged');

    const postIds = new Set<string>();
    const designIds = new Set(manifest.designs.map((d) => d.id));
    if (designIds.size !== manifest.designs.length) throw refusePack(file, 'its manifest lists a design twice', 'damaged');
    for (const post of manifest.posts) {
      if (postIds.has(post.id)) throw refusePack(file, `its manifest lists post ${post.id} twice`, 'damaged');
      postIds.add(post.id);
      const networks = new Set<string>();
      for (const v of post.variants) {
        if (networks.has(v.network)) throw refusePack(file, `post "${post.title}" has two ${v.network} variants`, 'damaged');
        networks.add(v.network);
        if (v.designId && !designIds.has(v.designId)) throw refusePack(file, `post "${post.title}" uses design ${v.designId}, which the pack does not contain`, 'damaged');
      }
    }

    const designs = new Map<string, DesignDocument>();
    let designBytes = 0;
    for (const d of manifest.designs) {
      if (!zip.has(d.file)) throw refusePack(file, `it has no ${d.file} (design "${d.name}")`, 'damaged');
      const size = zip.size(d.file);
      designBytes += size;
      if (size > MAX_DESIGN_FILE_BYTES) throw refusePack(file, `${d.file} is larger than ${MAX_DESIGN_FILE_BYTES / 1024 / 1024} MB, more than any design`, 'tooLarge');
      if (designBytes > MAX_DESIGNS_TOTAL_BYTES) throw refusePack(file, `its designs add up to more than ${MAX_DESIGNS_TOTAL_BYTES / 1024 / 1024} MB`, 'tooLarge');
      let doc: DesignDocument;
      try {
        doc = parseDesign(parseEntryJson(file, d.file, (await zip.read(d.file)).toString('utf8')));
      } catch (error) {
        if (error instanceof AtelierError) throw error;
        const reason = error instanceof DesignDocumentError ? error.message : (error as Error).message;
        throw refusePack(file, `${d.file} is not a valid design: ${reason}`, 'damaged');
      }
      if (doc.id !== d.id) throw refusePack(file, `${d.file} holds design ${doc.id}, not ${d.id}`, 'damaged');
      designs.set(d.id, doc);
    }
    // Every asset is there and of a size the library accepts, before a byte of any is read.
    const assetIds = new Set<string>();
    for (const a of manifest.assets) {
      if (assetIds.has(a.sha256)) throw refusePack(file, `its manifest lists asset ${a.sha256} twice`, 'damaged');
      assetIds.add(a.sha256);
      if (!zip.has(a.file)) throw refusePack(file, `it has no ${a.file}`, 'damaged');
      if (zip.size(a.file) > MAX_ASSET_BYTES) throw refusePack(file, `${a.file} is larger than ${MAX_ASSET_BYTES / 1024 / 1024} MB`, 'tooLarge');
    }

    return { manifest, designs, zip };
  } catch (error) {
    zip.close();
    throw error;
  }
}

export async function importPack(deps: ImportDeps, file: string, target: ImportTarget = {}): Promise<PackImportReport> {
  const pack = await readPack(file);
  const importId = `${process.pid}-${deps.lib.ids()}`;
  activeImports.add(importId);
  try {
    return await importChecked(deps, file, target, pack, importId);
  } finally {
    activeImports.delete(importId);
    pack.zip.close();
  }
}

/** One asset streamed from the pack into the store's temp folder, its hash checked. */
async function stageAsset(file: string, pack: CheckedPack, entry: { file: string; sha256: string }, assets: AssetService) {
  let staged;
  try {
    staged = await assets.stageStream(await pack.zip.stream(entry.file), { durable: true, maxBytes: MAX_ASSET_BYTES });
  } catch (error) {
    if (error instanceof AtelierError) throw error;
    if (error instanceof StagedTooLarge) throw refusePack(file, `${entry.file} is larger than ${MAX_ASSET_BYTES / 1024 / 1024} MB`, 'tooLarge');
    throw diskError(error) ?? error;
  }
  if (staged.sha !== entry.sha256) {
    await assets.discardStaged(staged.temp);
    throw refusePack(file, `${entry.file} does not match its SHA-256 in the manifest (damaged or altered)`, 'damaged');
  }
  return staged;
}

async function importChecked(deps: ImportDeps, file: string, target: ImportTarget, pack: CheckedPack, importId: string): Promise<PackImportReport> {
  const { lib, assets, events } = deps;
  const { manifest } = pack;
  const warnings: Message[] = [];
  const journal = createImportJournal(lib.db);

  // Where it goes: a chosen client, a new client, or the pack's own client when this library has it.
  let clientId: string;
  let createClient = false;
  if (target.clientId) {
    const row = lib.clients.get(target.clientId);
    if (!row || row.deleted_at !== null) throw new AtelierError('not_found', `No client with id ${target.clientId}; nothing was imported.`, { field: 'clientId' }, { key: 'clients.notFound' });
    clientId = row.id;
  } else if (!target.asNewClient && lib.clients.get(manifest.client.id)?.deleted_at === null) {
    clientId = manifest.client.id;
  } else {
    createClient = true;
    clientId = !target.asNewClient && !lib.clients.get(manifest.client.id) ? manifest.client.id : lib.ids();
  }
  // A new client gets fresh ids for everything when the pack's ids are taken (a copy in the same library).
  const fresh = Boolean(target.asNewClient);
  const designIdMap = new Map<string, string>();
  for (const id of pack.designs.keys()) designIdMap.set(id, fresh ? lib.ids() : id);

  // Assets first, one at a time (files fsynced, rows recorded and journaled), remembering what this import added.
  const added: { id: string; mime: string }[] = [];
  let already = 0;
  const removeAdded = () => assets.rollBackImport(added);
  try {
    for (const entry of manifest.assets) {
      const staged = await stageAsset(file, pack, entry, assets);
      const result = await assets.importStaged(staged, entry.file.split('/').pop() ?? entry.sha256, { journal: importId }).catch((error: unknown) => {
        // A file the library refuses (not an image, too many pixels…) is the pack's problem: said as such.
        if (error instanceof AtelierError && ['unsupported', 'too_large', 'invalid_input'].includes(error.code)) {
          throw refusePack(file, `${entry.file} cannot be imported (${(error.details as { reason?: string } | undefined)?.reason ?? error.message})`, 'damaged');
        }
        throw error;
      });
      if (result.duplicate) already++;
      else added.push({ id: result.asset.id, mime: result.asset.mime });
      if (result.asset.id !== entry.sha256) {
        warnings.push(message('packs.assetConverted', { file: entry.file }, `${entry.file} was stored as ${result.asset.id} after conversion; designs that use it show a placeholder.`));
      }
    }
  } catch (error) {
    removeAdded();
    throw error;
  }

  const skippedPosts: PackImportReport['skippedPosts'] = [];
  const postIdsWritten: string[] = [];
  let designsWritten = 0;
  /** Assets the imported designs use (their usage, maybe their client, changed). */
  const assetsUsed = new Set<string>();
  const now = lib.clock.now();
  const history = createSchedulingRepository(lib.db);
  try {
    lib.write(() => {
      // Committed with everything else: from here on, the assets are the library's.
      journal.finish(importId);
      if (createClient) {
        lib.clients.insert({
          id: clientId,
          // A pack without a client name is named after its file (language-neutral, and recognisable).
          name: truncate(manifest.client.name.trim(), 200, { maxUnits: 200 }) || truncate(path.basename(file, path.extname(file)), 200, { maxUnits: 200 }),
          time_zone: manifest.client.timeZone,
          color: /^#[0-9a-fA-F]{6}$/.test(manifest.client.color) ? manifest.client.color : '#4f46e5',
          notes: '',
          approval_mode: 'none',
          created_at: now,
          updated_at: now,
          deleted_at: null,
        });
      }
      for (const [packId, doc] of pack.designs) {
        const id = designIdMap.get(packId)!;
        if (!fresh && lib.designs.get(id)) continue; // already here: kept as it is
        const stored = fresh ? reidDocument(doc, id, lib.ids) : doc;
        lib.designs.insert({
          id,
          client_id: clientId,
          name: stored.name,
          preset: stored.preset,
          schema_version: stored.schemaVersion,
          document: JSON.stringify(stored),
          created_at: now,
          updated_at: now,
          deleted_at: null,
          is_template: 0,
          linked_from: null,
        });
        for (const sha of assets.recordRefs('design', id, stored.pages.flatMap((p) => pageAssetIds(p)), { claimFor: clientId })) assetsUsed.add(sha);
        designsWritten++;
      }
      for (const post of manifest.posts) {
        const existing = lib.posts.get(post.id);
        if (existing && !fresh) {
          skippedPosts.push({ id: post.id, title: post.title, reason: message('packs.postAlreadyHere', undefined, 'already in this library (kept as it is)') });
          continue;
        }
        const id = fresh || existing ? lib.ids() : post.id;
        lib.posts.insert({
          id,
          client_id: clientId,
          // A post without a title takes one from its caption, like a CSV import; else from its date.
          title: truncate(post.title.trim(), TITLE_MAX_UNITS, { maxUnits: TITLE_MAX_UNITS }) || titleFrom(post.caption, '') || (post.localTime ?? post.id),
          status: post.status,
          caption: post.caption,
          scheduled_at: post.scheduledAt ? Date.parse(post.scheduledAt) : null,
          labels: JSON.stringify(post.labels),
          campaign: post.campaign,
          notes: '',
          created_at: now,
          updated_at: now,
          deleted_at: null,
        });
        for (const v of post.variants) {
          lib.posts.insertVariant({
            id: lib.ids(),
            post_id: id,
            network: v.network,
            caption: v.caption,
            follows_master: v.caption === post.caption ? 1 : 0,
            design_id: v.designId ? designIdMap.get(v.designId)! : null,
            page_index: v.pageIndex,
            first_comment: v.firstComment,
            created_at: now,
            updated_at: now,
          });
        }
        const note = message('history.importedFromPack', { createdAt: manifest.createdAt }, `Imported from a content pack made ${manifest.createdAt}`);
        history.addHistory({ post_id: id, from_status: null, to_status: post.status, source: 'import', note: note.text, message: JSON.stringify({ key: note.key, params: note.params }), at: now });
        postIdsWritten.push(id);
      }
    });
  } catch (error) {
    removeAdded();
    if (error instanceof AtelierError) throw error;
    throw diskError(error) ?? new AtelierError('io_error', `${file} could not be imported: ${(error as Error).message}. Nothing was imported.`, { file }, { key: 'packs.importFailed' });
  }

  if (createClient) events.emit('clients.changed', { ids: [clientId] });
  if (postIdsWritten.length > 0) events.emit('posts.changed', { ids: postIdsWritten, clientIds: [clientId] });
  if (designsWritten > 0) events.emit('designs.changed', { ids: [...designIdMap.values()] });
  assets.announceChanged([...assetsUsed]);
  return {
    clientId,
    clientName: lib.clients.get(clientId)!.name,
    createdClient: createClient,
    posts: postIdsWritten.length,
    skippedPosts,
    designs: designsWritten,
    assetsAdded: added.length,
    assetsAlreadyPresent: already,
    warnings,
  };
}
