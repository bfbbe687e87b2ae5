// Images brought into the editor go through the asset library first: it checks the bytes, stores
// them once, makes thumbnails, and gives the id the document references — so the headless render,
// content packs and "where used" all find the same file.
import type { HostClient } from '../../host/client';
import { uploadFile } from '../library/upload';
import { registerLocalImage } from './scene-context';

export async function importImage(host: HostClient, file: File): Promise<{ assetId: string; width: number; height: number }> {
  const result = await uploadFile(host, file);
  return registerLocalImage(file, result.asset.id);
}
