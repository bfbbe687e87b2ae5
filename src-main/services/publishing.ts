// Publishing by hand, the "Due now" checklist's "reveal the image": a post's variants rendered
// headlessly (the same worker renderer as packs and `atelier render`) to PNG files in
// `<library>/exports/posts/<post id>/`, named like a pack's images so they read well in an upload
// dialog. Each render replaces that post's earlier files; the maintenance job clears them after a week.
import { message, type Message } from '../core/messages';
import { fontFilesFor } from './design-fonts';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RenderedImage } from '../contract/api/publishing';
import type { publishingMethods } from '../contract/api/publishing';
import { AtelierError } from '../contract/errors';
import type { DesignDocument } from '../core/design';
import { imageBaseName, uniqueNamer, variantPages } from '../core/packs/naming';
import type { HandlersFor } from '../contract/handlers';
import type { BackgroundRenderer } from '../render/background';
import { RenderJobError } from '../render/pool';
import type { CalendarService } from './calendar';
import type { DesignService } from './designs';
import type { Library } from './library';
import type { NativeShell } from './native';
import { exportsDir } from './packs';

export interface PublishingDeps {
  lib: Library;
  calendar: CalendarService;
  designs: DesignService;
  native: NativeShell;
  renderer: BackgroundRenderer;
  fontsDir?: string | null;
}

/** `<library>/exports/posts/<post id>/`: the ids are the contract's (letters, digits, - and _), so never a path. */
export function postImagesDir(lib: Pick<Library, 'paths'>, postId: string): string {
  return path.join(exportsDir(lib), 'posts', postId);
}

export function createPublishingService(deps: PublishingDeps) {
  const { lib, calendar, designs } = deps;

  async function renderImages(postId: string): Promise<{ images: RenderedImage[]; warnings: Message[] }> {
    const row = lib.posts.get(postId);
    const [post] = row ? calendar.hydrate([row]) : [];
    if (!post || post.deletedAt) throw new AtelierError('not_found', `No post with id ${postId}.`, { field: 'id', id: postId }, { key: 'posts.notFound' });
    const warnings: Message[] = [];
    const docs = new Map<string, DesignDocument>();
    for (const v of post.variants) {
      if (!v.designId || docs.has(v.designId)) continue;
      try {
        docs.set(v.designId, designs.document(v.designId));
      } catch (error) {
        warnings.push(message('publishing.designUnreadable', { network: v.network }, `${v.network}: its design cannot be opened (${(error as Error).message}).`));
      }
    }
    if (docs.size === 0) {
      const why = warnings.length ? ` (${warnings.map((w) => w.text).join(' ')})` : ': give one of its networks a design in the editor first';
      const reason = warnings.length ? { key: 'publishing.designsUnreadable', params: { title: post.title } } : { key: 'publishing.noDesign', params: { title: post.title } };
      throw new AtelierError('invalid_input', `"${post.title}" has no design to render${why}.`, { field: 'id', id: postId }, reason);
    }

    // In the background worker: a post is a handful of pages, and the main process stays free meanwhile.
    const pages = new Map<string, Uint8Array[]>();
    try {
      for (const [designId, doc] of docs) {
        const files = await deps.renderer.run({ doc, all: true, format: 'png', assetsDir: lib.paths.assets, fontsDir: deps.fontsDir ?? undefined, fonts: fontFilesFor(lib, doc) });
        pages.set(designId, files.sort((a, b) => a.page - b.page).map((f) => f.bytes));
      }
    } catch (error) {
      if (error instanceof RenderJobError) throw new AtelierError('internal', `"${post.title}" could not be rendered: ${error.message}`, { id: postId }, { key: 'publishing.renderFailed', params: { title: post.title } });
      throw error;
    }

    // Written to a fresh folder, then swapped in: a failed write leaves the previous images whole.
    const dir = postImagesDir(lib, post.id);
    const staging = `${dir}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const name = uniqueNamer();
    const localDate = post.localTime ? post.localTime.slice(0, 10) : null;
    const images: RenderedImage[] = [];
    try {
      for (const v of post.variants) {
        if (!v.designId || !docs.has(v.designId)) continue;
        const doc = docs.get(v.designId)!;
        const all = pages.get(v.designId) ?? [];
        const chosen = variantPages(all.length, v.pageIndex);
        if (!chosen) {
          warnings.push(message('publishing.pageMissing', { network: v.network, page: v.pageIndex! + 1 }, `${v.network}: page ${v.pageIndex! + 1} does not exist in its design.`));
          continue;
        }
        for (const index of chosen) {
          const bytes = all[index]!;
          const page = chosen.length > 1 ? index + 1 : null;
          const file = name(imageBaseName({ localDate, title: post.title, network: v.network, page: page ?? undefined }), 'png');
          writeFileSync(path.join(staging, file), bytes);
          images.push({ network: v.network, page, name: file, path: path.join(dir, file), width: doc.width, height: doc.height });
        }
      }
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw new AtelierError('io_error', `The images of "${post.title}" could not be written to ${dir}: ${(error as Error).message}`, { id: postId }, { key: 'publishing.writeFailed', params: { title: post.title } });
    }
    return { images, warnings };
  }

  function reveal(postId: string, name: string): { shown: boolean } {
    const dir = postImagesDir(lib, postId);
    let present = false;
    try {
      present = readdirSync(dir).includes(name);
    } catch {
      present = false;
    }
    if (!present) throw new AtelierError('not_found', `${name} is not among this post's rendered images; render them again.`, { field: 'name', name }, { key: 'publishing.imageGone', params: { name } });
    return { shown: deps.native.reveal(path.join(dir, name)) };
  }

  return { renderImages, reveal };
}

export type PublishingService = ReturnType<typeof createPublishingService>;

export function publishingHandlers(publishing: PublishingService): HandlersFor<typeof publishingMethods> {
  return {
    'publishing.renderImages': ({ id }) => publishing.renderImages(id),
    'publishing.reveal': ({ postId, name }) => publishing.reveal(postId, name),
  };
}
