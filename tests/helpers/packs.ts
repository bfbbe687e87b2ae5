// A small library worth packing: one client, a carousel with an image asset, a single visual,
// an unscheduled idea, and a post of another status; variants linked to their designs.
import { createCanvas } from '@napi-rs/canvas';
import type { Atelier } from '../../src-main/app';
import { newImage, newShape, newText } from '../../src-main/core/design';
import type { DesignDocument } from '../../src-main/core/design';

export function pngBytes(width: number, height: number, color: string): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(width / 4, height / 4, width / 2, height / 2);
  return canvas.toBuffer('image/png');
}

export function linkVariant(atelier: Atelier, postId: string, network: string, designId: string, pageIndex: number | null = null): void {
  atelier.library.db.prepare('UPDATE post_variants SET design_id = ?, page_index = ? WHERE post_id = ? AND network = ?').run(designId, pageIndex, postId, network);
}

/** A design of the given size with a shape and a text per page (and the image on page 1 when given). */
export async function makeDesign(atelier: Atelier, input: { clientId: string; name: string; preset?: string; pages?: number; assetId?: string }): Promise<DesignDocument> {
  const created = await atelier.call('designs.create', { clientId: input.clientId, name: input.name, preset: input.preset ?? 'instagram-square' });
  const doc = structuredClone(created.document) as DesignDocument;
  const first = doc.pages[0]!;
  for (let i = 1; i < (input.pages ?? 1); i++) doc.pages.push({ ...structuredClone(first), id: `${doc.id}p${i}` });
  doc.pages.forEach((page, i) => {
    page.elements.push(newShape(`${doc.id}s${i}`, 'rect', 100, 100, 400));
    page.elements.push(newText(`${doc.id}t${i}`, 120, 600, `${input.name} ${i + 1}`, 64));
  });
  if (input.assetId) doc.pages[0]!.elements.push(newImage(`${doc.id}img`, input.assetId, 500, 500, 300, 300, 'logo'));
  await atelier.call('designs.save', { id: doc.id, document: doc });
  return doc;
}

export async function seedPackLibrary(atelier: Atelier) {
  const client = await atelier.call('clients.create', { name: 'Boulangerie Éclair', timeZone: 'Europe/Paris', color: '#b45309' });
  const logo = await atelier.services.assets.importBytes(pngBytes(64, 64, '#b45309'), 'logo.png', { clientId: client.id });
  const carousel = await atelier.call('posts.create', {
    clientId: client.id,
    title: 'Galette des rois',
    at: '2026-12-03T09:30',
    status: 'in_review',
    caption: 'La galette arrive ! 👑 Réservez https://example.com/galette #galette',
    networks: ['instagram', 'linkedin'],
    labels: ['promo'],
    campaign: 'Noël',
  });
  const single = await atelier.call('posts.create', {
    clientId: client.id,
    title: 'Bûche de Noël',
    at: '2026-12-10T18:00',
    status: 'in_review',
    caption: 'Notre bûche 2026.',
    networks: ['instagram'],
  });
  const draft = await atelier.call('posts.create', { clientId: client.id, title: 'Horaires des fêtes', at: '2026-12-20T08:00', status: 'draft', caption: 'Ouvert le 24.', networks: ['facebook'] });
  const idea = await atelier.call('posts.create', { clientId: client.id, title: 'Idée: coulisses', status: 'idea', caption: '', networks: ['instagram'] });
  const carouselDesign = await makeDesign(atelier, { clientId: client.id, name: 'Galette', pages: 2, assetId: logo.asset.id });
  const singleDesign = await makeDesign(atelier, { clientId: client.id, name: 'Bûche' });
  linkVariant(atelier, carousel.id, 'instagram', carouselDesign.id);
  linkVariant(atelier, carousel.id, 'linkedin', carouselDesign.id, 0);
  linkVariant(atelier, single.id, 'instagram', singleDesign.id);
  return { client, logo: logo.asset, posts: { carousel, single, draft, idea }, designs: { carousel: carouselDesign, single: singleDesign } };
}
