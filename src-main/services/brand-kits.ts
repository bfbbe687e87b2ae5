// Brand kits (one per client: palette, heading/body fonts, logos) and the font list the editor
// shows, with the client's kit fonts first.
import type { BrandKit, FontChoice, FontEntry, libraryMethods } from '../contract/api/library';
import { AtelierError } from '../contract/errors';
import { createBrandKitsRepository, type BrandKitRow } from '../db/repositories/brand-kits';
import type { HandlersFor } from '../contract/handlers';
import { fontFileFor } from '../render/font-files';
import type { AssetService } from './assets';
import { iso } from './convert';
import type { EventBus } from './events';
import type { Library } from './library';
import { listBundledFonts, type BundledFont } from './media/fonts';

export interface BrandKitPatch {
  clientId: string;
  palette?: string[];
  headingFont?: FontChoice | null;
  bodyFont?: FontChoice | null;
  logoIds?: string[];
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function createBrandKitService(lib: Library, assets: AssetService, events: EventBus, options: { fontsDir: string | null }) {
  const kits = createBrandKitsRepository(lib.db);
  let bundled: Promise<BundledFont[]> | null = null;
  const bundledFonts = () => (bundled ??= options.fontsDir ? listBundledFonts(options.fontsDir) : Promise.resolve([]));

  function requireClient(clientId: string): void {
    const client = lib.clients.get(clientId);
    if (!client) throw new AtelierError('not_found', `No client with id ${clientId}.`, { clientId }, { key: 'clients.notFound' });
  }

  function toKit(clientId: string, row: BrandKitRow | undefined): BrandKit {
    const choice = (family: string | null, assetId: string | null): FontChoice | null => (family ? { family, assetId } : null);
    const logos = parseList(row?.logos ?? '[]').flatMap((id) => {
      try {
        return [assets.get(id)];
      } catch {
        return [];
      }
    });
    return {
      clientId,
      palette: parseList(row?.palette ?? '[]'),
      headingFont: choice(row?.heading_font ?? null, row?.heading_font_asset ?? null),
      bodyFont: choice(row?.body_font ?? null, row?.body_font_asset ?? null),
      logos,
      updatedAt: row ? iso(row.updated_at) : null,
    };
  }

  function get(clientId: string): BrandKit {
    requireClient(clientId);
    return toKit(clientId, kits.get(clientId));
  }

  function requireAsset(id: string, kind: 'image' | 'font', role: string): void {
    const row = assets.find(id);
    if (!row || row.deletedAt !== null) throw new AtelierError('not_found', `No asset with id ${id} for the ${role}; nothing was changed.`, { id }, { key: 'assets.notFound' });
    if (row.kind !== kind) throw new AtelierError('invalid_input', `"${row.name}" is not ${kind === 'font' ? 'a font' : 'an image'}, so it cannot be the ${role}; nothing was changed.`, { id }, { key: kind === 'font' ? 'brandKits.notAFont' : 'brandKits.notAnImage', params: { name: row.name } });
  }

  function update(patch: BrandKitPatch): BrandKit {
    requireClient(patch.clientId);
    const current = get(patch.clientId);
    const heading = patch.headingFont === undefined ? current.headingFont : patch.headingFont;
    const body = patch.bodyFont === undefined ? current.bodyFont : patch.bodyFont;
    const logoIds = patch.logoIds ? [...new Set(patch.logoIds)] : current.logos.map((l) => l.id);
    if (patch.logoIds) for (const id of logoIds) requireAsset(id, 'image', 'logo');
    if (heading?.assetId) requireAsset(heading.assetId, 'font', 'heading font');
    if (body?.assetId) requireAsset(body.assetId, 'font', 'body font');
    const palette = patch.palette ? [...new Set(patch.palette.map((c) => c.toLowerCase()))] : current.palette;
    const row: BrandKitRow = {
      client_id: patch.clientId,
      palette: JSON.stringify(palette),
      heading_font: heading?.family ?? null,
      heading_font_asset: heading?.assetId ?? null,
      body_font: body?.family ?? null,
      body_font_asset: body?.assetId ?? null,
      logos: JSON.stringify(logoIds),
      updated_at: lib.clock.now(),
    };
    const refs = [...new Set([...logoIds, heading?.assetId, body?.assetId].filter((id): id is string => Boolean(id)))];
    // The kit and the references it makes change together or not at all.
    const touched = lib.write(() => {
      kits.save(row);
      return assets.recordRefs('brand_kit', patch.clientId, refs);
    });
    assets.announceChanged(touched);
    events.emit('brandKits.changed', { clientIds: [patch.clientId] });
    return get(patch.clientId);
  }

  /** Bundled then imported fonts; with a client, the kit's heading and body fonts come first. */
  async function fonts(clientId?: string): Promise<FontEntry[]> {
    const kit = clientId ? get(clientId) : null;
    const kitFamilies = new Set([kit?.headingFont?.family, kit?.bodyFont?.family].filter(Boolean).map((f) => f!.toLowerCase()));
    const entries: FontEntry[] = [
      ...(await bundledFonts()).map((f) => ({ family: f.family, style: f.style, source: 'bundled' as const, file: f.file, assetId: null, inBrandKit: false })),
      ...assets.list({ kind: 'font' }).map((a) => ({ family: a.fontFamily ?? a.name, style: '', source: 'imported' as const, file: null, assetId: a.id, inBrandKit: false })),
    ].map((e) => ({ ...e, inBrandKit: kitFamilies.has(e.family.toLowerCase()) }));
    return entries.sort((a, b) => Number(b.inBrandKit) - Number(a.inBrandKit) || a.family.localeCompare(b.family) || a.style.localeCompare(b.style));
  }

  /** A face's file as PDF embeds it: the library's imported font of that family first, then the bundled one. */
  async function fontFile(family: string, weight: number, italic: boolean): Promise<{ dataBase64: string } | null> {
    const imported = assets.list({ kind: 'font' }).find((a) => (a.fontFamily ?? '').toLowerCase() === family.toLowerCase());
    const original = imported ? assets.originalFile(imported.id) : null;
    const files = original ? [{ family, file: original }] : [];
    const bytes = await fontFileFor(family, weight, italic, { fontsDir: options.fontsDir ?? undefined, fonts: files }).catch(() => null);
    return bytes ? { dataBase64: Buffer.from(bytes).toString('base64') } : null;
  }

  return { get, update, fonts, fontFile };
}

export type BrandKitService = ReturnType<typeof createBrandKitService>;

export function brandKitHandlers(kits: BrandKitService): HandlersFor<Pick<typeof libraryMethods, 'fonts.list' | 'fonts.file' | 'brandKits.get' | 'brandKits.update'>> {
  return {
    'fonts.list': ({ clientId }) => kits.fonts(clientId),
    'fonts.file': ({ family, weight, italic }) => kits.fontFile(family, weight, italic),
    'brandKits.get': ({ clientId }) => kits.get(clientId),
    'brandKits.update': (input) => kits.update(input),
  };
}
