// The one contract between the renderer and the main-side services. Every host validates every
// call against this table; both sides take their types from it.
import { z } from 'zod';
import { calendarMethods, PostChanges } from './api/calendar';
import { backupMethods } from './api/backups';
import { captionMethods } from './api/captions';
import { clientMethods } from './api/clients';
import { dialogMethods } from './api/dialogs';
import { insightMethods } from './api/insights';
import { libraryMethods } from './api/library';
import { designMethods } from './api/designs';
import { packMethods, PackProgress } from './api/packs';
import { postMethods } from './api/posts';
import { publishingMethods } from './api/publishing';
import { recoveryMethods } from './api/recovery';
import { systemMethods } from './api/system';
import { trashMethods } from './api/trash';
import { Id, Settings } from './entities';

export const methods = {
  ...systemMethods,
  ...clientMethods,
  ...postMethods,
  ...dialogMethods,
  ...calendarMethods,
  ...libraryMethods,
  ...designMethods,
  ...backupMethods,
  ...recoveryMethods,
  ...trashMethods,
  ...captionMethods,
  ...packMethods,
  ...publishingMethods,
  ...insightMethods,
} as const;

export type Methods = typeof methods;
export type Method = keyof Methods;
export type In<M extends Method> = z.input<Methods[M]['input']>;
export type Out<M extends Method> = z.output<Methods[M]['output']>;
export const METHOD_NAMES = Object.freeze(Object.keys(methods)) as readonly Method[];

/** Change notifications pushed to every connected renderer. */
export const events = {
  'clients.changed': z.object({ ids: z.array(Id) }),
  /**
   * `changes` carries the records of a write (calendar, composer, captions): windows apply them and ask
   * nothing. Without it (an import, another program, a client removed) windows load what they show again.
   */
  'posts.changed': z.object({ ids: z.array(Id), clientIds: z.array(Id), changes: PostChanges.optional() }),
  'settings.changed': Settings,
  /** A native menu item the renderer carries out (desktop app only). */
  'app.menuCommand': z.object({ command: z.enum(['goto.calendar', 'goto.editor', 'goto.captions', 'goto.library', 'goto.packs', 'goto.clients', 'goto.insights', 'goto.settings']) }),
  /** Scheduled posts whose time has come (the host shows a notification; the UI its "Due now" panel). */
  'post.due': z.object({ ids: z.array(Id), clientIds: z.array(Id) }),
  'assets.changed': z.object({ ids: z.array(z.string()) }),
  'brandKits.changed': z.object({ clientIds: z.array(Id) }),
  'designs.changed': z.object({ ids: z.array(Id) }),
  /** The library file was replaced by a restore: every window reloads its data. */
  'library.restored': z.object({ restored: z.string() }),
  /** Damage was found while running: every window reloads into the recovery screen. */
  'library.damaged': z.object({ problem: z.string() }),
  'snippets.changed': z.object({ ids: z.array(Id) }),
  /** A content-pack export advancing (render, then write). */
  'packs.progress': PackProgress,
  /** Analytics were imported or a match changed: insight screens reload. */
  'insights.changed': z.object({ clientIds: z.array(Id) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.freeze(Object.keys(events)) as readonly EventName[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

export * from './errors';
export * from './entities';
