// What the composer needs about the post's client besides the post: its calendar record (zone,
// approval mode), the designs it may attach (the client's and the shared ones) with large
// thumbnails, the brand-kit logo for the previews, caption preferences and snippets.
import { useCallback, useEffect, useState } from 'react';
import type { Client } from '../../../src-main/contract';
import type { CalendarClient } from '../../../src-main/contract/api/calendar';
import type { CaptionPrefs, Snippet } from '../../../src-main/contract/api/captions';
import type { DesignSummary } from '../../../src-main/contract/api/designs';
import { mediaPath } from '../../../src-main/core/domain/assets';
import { useRefreshFailed } from '../../app/failure-toast';
import type { HostClient } from '../../host/client';

export interface ComposerData {
  clients: Client[];
  /** The chosen client as the calendar knows it (approval mode); null until loaded or when none is chosen. */
  client: CalendarClient | null;
  designs: DesignSummary[];
  /** Design id → a large thumbnail URL per page. */
  previews: Record<string, string[]>;
  logoUrl: string | null;
  prefs: CaptionPrefs | null;
  snippets: Snippet[];
  reloadDesigns(): Promise<void>;
}

export function useComposerData(host: HostClient, clientId: string | null): ComposerData {
  const [clients, setClients] = useState<Client[]>([]);
  const [client, setClient] = useState<CalendarClient | null>(null);
  const [designs, setDesigns] = useState<DesignSummary[]>([]);
  const [previews, setPreviews] = useState<Record<string, string[]>>({});
  const [logoUrl, setLogoUrl] = useState<string | null>(null);
  const [prefs, setPrefs] = useState<CaptionPrefs | null>(null);
  const [snippets, setSnippets] = useState<Snippet[]>([]);
  const refreshFailed = useRefreshFailed();

  useEffect(() => {
    host.invoke('clients.list', {}).then(setClients, () => setClients([]));
  }, [host]);

  const reloadDesigns = useCallback(async () => {
    if (!clientId) {
      setDesigns([]);
      return;
    }
    const all = await host.invoke('designs.list', {});
    const usable = all.filter((d) => !d.isTemplate && d.deletedAt === null && (d.clientId === clientId || d.clientId === null));
    setDesigns(usable);
    setPreviews(usable.length ? await host.invoke('designs.previews', { ids: usable.map((d) => d.id), size: 'large' }) : {});
  }, [host, clientId]);

  useEffect(() => {
    if (!clientId) {
      setClient(null);
      setLogoUrl(null);
      setPrefs(null);
      setDesigns([]);
      return;
    }
    let live = true;
    const day = new Date().toISOString().slice(0, 10);
    // Each part is optional for writing a post: one that fails leaves its panel empty, not the composer.
    host.invoke('calendar.range', { clientId, from: day, to: day }).then((r) => live && setClient(r.clients.find((c) => c.id === clientId) ?? null), () => undefined);
    host.invoke('brandKits.get', { clientId }).then((kit) => live && setLogoUrl(kit.logos[0] ? mediaPath('thumbs', kit.logos[0].id) : null), () => live && setLogoUrl(null));
    host.invoke('captions.prefs.get', { clientId }).then((p) => live && setPrefs(p), () => live && setPrefs(null));
    host.invoke('snippets.list', { clientId }).then((s) => live && setSnippets(s), () => undefined);
    reloadDesigns().catch(refreshFailed);
    const offs = [host.on('designs.changed', () => void reloadDesigns().catch(refreshFailed))];
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, [host, clientId, reloadDesigns, refreshFailed]);

  return { clients, client, designs, previews, logoUrl, prefs, snippets, reloadDesigns };
}
