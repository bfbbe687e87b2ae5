// Images brought into the editor go through the asset library first: it checks the bytes, stores
// them once, makes thumbnails and the editor's working copy, and gives the id the document
// references — so the headless render, content packs and "where used" all find the same file.
// The canvas then shows the library's preview (long side ≤ 2048), never the 12 MP original.
import type { HostClient } from '../../host/client';
import { uploadFile } from '../../ui/upload';

export async function importImage(host: HostClient, file: File): Promise<{ assetId: string; width: number; height: number }> {
  const { asset } = await uploadFile(host, file);
  return { assetId: asset.id, width: asset.width ?? 1000, height: asset.height ?? 1000 };
}
