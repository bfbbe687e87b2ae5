import { z } from 'zod';
import { Id, IsoInstant } from '../entities';
import { defineMethods } from './define';

/** What can sit in the trash. Features add their kind here when they gain soft deletion. */
export const TRASH_KINDS = ['client', 'post', 'design'] as const;
export const TrashKind = z.enum(TRASH_KINDS);

export const TrashItem = z.object({
  kind: TrashKind,
  id: Id,
  name: z.string(),
  deletedAt: IsoInstant,
  /** When the purge job removes it for good. */
  purgeAt: IsoInstant,
});
export type TrashItem = z.infer<typeof TrashItem>;

export const trashMethods = defineMethods({
  'trash.list': { summary: 'Deleted items, kept 30 days.', input: z.strictObject({}), output: z.array(TrashItem) },
  'trash.restore': { summary: 'Bring a deleted item back.', input: z.strictObject({ kind: TrashKind, id: Id }), output: TrashItem.omit({ deletedAt: true, purgeAt: true }) },
  'trash.purge': {
    summary: 'Remove for good what has been in the trash longer than 30 days.',
    input: z.strictObject({}),
    output: z.object({ purged: z.number().int().nonnegative() }),
  },
});
