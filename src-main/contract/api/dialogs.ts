// Native open/save dialogs and desktop notifications. Only the desktop app (Electron) has them:
// the web host and the CLI answer the dialog methods with a clear `unsupported` error (a browser
// page uses its own <input type="file"> and download instead), and `notifications.show` answers
// `{ shown: false }` so the renderer falls back to an in-app toast.
import { z } from 'zod';
import { defineMethods } from './define';

const Title = z.string().trim().min(1).max(200);
export const FileFilter = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Extensions without the dot (`png`, `jpg`); `*` for any file. */
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'must be an extension without the dot, like png')).min(1).max(50),
});
export type FileFilter = z.infer<typeof FileFilter>;

export const OpenDialogRequest = z.strictObject({
  title: Title.optional(),
  filters: z.array(FileFilter).max(20).optional(),
  multiple: z.boolean().optional(),
  /** Pick folders instead of files. */
  directory: z.boolean().optional(),
});
export type OpenDialogRequest = z.infer<typeof OpenDialogRequest>;

export const SaveDialogRequest = z.strictObject({
  title: Title.optional(),
  /** Suggested file name, e.g. `acme-2026-12.zip` (a name, not a path). */
  defaultName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[^/\\\0]+$/, 'must be a file name without folders')
    .optional(),
  filters: z.array(FileFilter).max(20).optional(),
});
export type SaveDialogRequest = z.infer<typeof SaveDialogRequest>;

export const NotificationRequest = z.strictObject({
  title: Title,
  body: z.string().max(1000).optional(),
});
export type NotificationRequest = z.infer<typeof NotificationRequest>;

export const dialogMethods = defineMethods({
  'dialogs.openFile': {
    summary: 'Ask the user for files (or a folder) with the native dialog; desktop app only.',
    input: OpenDialogRequest,
    output: z.object({ canceled: z.boolean(), paths: z.array(z.string()) }),
  },
  'dialogs.saveFile': {
    summary: 'Ask the user where to save a file with the native dialog; desktop app only.',
    input: SaveDialogRequest,
    output: z.object({ canceled: z.boolean(), path: z.string().nullable() }),
  },
  'notifications.show': {
    summary: 'Show a desktop notification; answers shown: false where there is none (browser mode, CLI).',
    input: NotificationRequest,
    output: z.object({ shown: z.boolean() }),
  },
});
