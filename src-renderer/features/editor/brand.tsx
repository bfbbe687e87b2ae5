// The brand kit of the design's client, where the editor needs it: swatches in every colour picker,
// kit fonts first in the font list, logos and text presets in the side panel. Imported fonts of the
// library are registered here, so every one of them can be drawn.
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { BrandKit, FontEntry } from '../../../src-main/contract/api/library';
import type { BrandStyle } from '../../../src-main/core/design';
import type { HostClient } from '../../host/client';
import { registerImportedFont } from './scene-context';

export interface BrandData {
  kit: BrandKit | null;
  /** Kit fonts first, then the rest (bundled and imported), one entry per family. */
  fonts: FontEntry[];
  /** The kit as "apply brand kit" wants it; null without a kit (or an empty one). */
  style: BrandStyle | null;
}

const EMPTY: BrandData = { kit: null, fonts: [], style: null };
export const BrandContext = createContext<BrandData>(EMPTY);
export const useBrand = () => useContext(BrandContext);

export function kitStyle(kit: BrandKit | null): BrandStyle | null {
  if (!kit || (kit.palette.length === 0 && !kit.headingFont && !kit.bodyFont)) return null;
  return { palette: kit.palette, headingFont: kit.headingFont?.family ?? null, bodyFont: kit.bodyFont?.family ?? null };
}

export function useBrandData(host: HostClient, clientId: string | null): BrandData {
  const [kit, setKit] = useState<BrandKit | null>(null);
  const [fonts, setFonts] = useState<FontEntry[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const offs = [host.on('brandKits.changed', bump), host.on('assets.changed', bump)];
    return () => offs.forEach((off) => off());
  }, [host]);
  useEffect(() => {
    let live = true;
    if (clientId) host.invoke('brandKits.get', { clientId }).then((k) => live && setKit(k), () => live && setKit(null));
    else setKit(null);
    host.invoke('fonts.list', clientId ? { clientId } : {}).then(
      (list) => {
        if (!live) return;
        for (const f of list) if (f.source === 'imported' && f.assetId) void registerImportedFont(f.family, f.assetId);
        const seen = new Set<string>();
        setFonts(list.filter((f) => f.family !== 'Noto Color Emoji' && !seen.has(f.family) && seen.add(f.family)));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host, clientId, version]);
  return useMemo(() => ({ kit, fonts, style: kitStyle(kit) }), [kit, fonts]);
}
