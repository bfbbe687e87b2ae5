// Publishing by hand (the "Due now" checklist): a post's images rendered to files the user uploads
// to each network, and a way to find them. The desktop app shows the file in its folder; browser
// mode answers `shown: false` and the page downloads it instead.
import { z } from 'zod';
import { Id, Network } from '../entities';
import { Message } from '../errors';
import { defineMethods } from './define';

/** An image file name as publishing.renderImages gives it; never a path. */
export const ImageFileName = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,190}\.png$/, 'must be an image name from publishing.renderImages, like 2026-12-01_croissants_instagram.png');

export const RenderedImage = z.object({
  network: Network,
  /** 1-based page of a carousel; null for a single image. */
  page: z.number().int().positive().nullable(),
  name: ImageFileName,
  /** Where it was written: `<library>/exports/posts/<post id>/`. */
  path: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type RenderedImage = z.infer<typeof RenderedImage>;

export const publishingMethods = defineMethods({
  'publishing.renderImages': {
    summary: "Render a post's variant designs (every page) to PNG files in <library>/exports/posts/<id>/, named like a pack's images; replaces that post's earlier renders.",
    input: z.strictObject({ id: Id }),
    output: z.object({ images: z.array(RenderedImage), warnings: z.array(Message) }),
  },
  'publishing.reveal': {
    summary: 'Show a rendered file in its folder (desktop app); shown: false elsewhere, where the page downloads it.',
    input: z.strictObject({ postId: Id, name: ImageFileName }),
    output: z.object({ shown: z.boolean() }),
  },
});
