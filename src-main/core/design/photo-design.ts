// A design made from library photos (the composer's "Library photos"): one page per photo, each
// photo covering its page like CSS `object-fit: cover`, centred. Posts, packs and the Due-now images
// only know designs, so a photo post is a design too — and the user can open it in the editor.
import { blankPage, makeElement } from './factory';
import { SCHEMA_VERSION, type DesignDocument } from './schema';

/** The part of a `imageWidth × imageHeight` picture that fills a `frameWidth × frameHeight` frame, as fractions. */
export function coverCrop(imageWidth: number, imageHeight: number, frameWidth: number, frameHeight: number) {
  const image = imageWidth / imageHeight;
  const frame = frameWidth / frameHeight;
  if (!(image > 0) || !(frame > 0) || Math.abs(image - frame) < 1e-9) return { x: 0, y: 0, width: 1, height: 1 };
  if (image > frame) {
    const width = frame / image;
    return { x: (1 - width) / 2, y: 0, width, height: 1 };
  }
  const height = image / frame;
  return { x: 0, y: (1 - height) / 2, width: 1, height };
}

export interface PhotoDesignInput {
  id: string;
  name: string;
  preset: string;
  width: number;
  height: number;
  photos: readonly { assetId: string; width: number | null; height: number | null; alt?: string }[];
  newId: () => string;
  /** The page name, given its 1-based number (translated by the caller). */
  pageName?: (n: number) => string;
}

export function photoDesign(input: PhotoDesignInput): DesignDocument {
  const pages = input.photos.map((photo, i) => {
    const page = blankPage(input.newId(), input.pageName?.(i + 1) ?? `Page ${i + 1}`);
    const crop = photo.width && photo.height ? coverCrop(photo.width, photo.height, input.width, input.height) : { x: 0, y: 0, width: 1, height: 1 };
    page.elements.push(
      makeElement({ id: input.newId(), type: 'image', name: 'Photo', x: 0, y: 0, width: input.width, height: input.height, assetId: photo.assetId, crop, alt: photo.alt ?? '' }),
    );
    return page;
  });
  return { schemaVersion: SCHEMA_VERSION, id: input.id, name: input.name, preset: input.preset, width: input.width, height: input.height, linkedFrom: null, pages };
}
