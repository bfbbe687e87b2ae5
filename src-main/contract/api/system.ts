import { z } from 'zod';
import { Doctor, Settings, SettingsPatch } from '../entities';
import { defineMethods } from './define';

export const systemMethods = defineMethods({
  'app.info': {
    summary: 'Version, library location and host.',
    input: z.strictObject({}),
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      host: z.enum(['electron', 'web', 'cli', 'test']),
    }),
  },
  'app.doctor': { summary: 'Check the library: schema, integrity, paths, counts.', input: z.strictObject({}), output: Doctor },
  'app.seedDemo': {
    summary: 'Fill the library with a demo: two clients, a month of posts, a few designs. Demo clients already there are left as they are.',
    input: z.strictObject({}),
    output: z.object({
      clients: z.number().int(),
      posts: z.number().int(),
      designs: z.number().int(),
      /** Demo clients found in the library already (by name), so not added again. */
      alreadyPresent: z.number().int(),
    }),
  },
  'settings.get': { summary: 'Preferences.', input: z.strictObject({}), output: Settings },
  'settings.update': { summary: 'Change preferences.', input: SettingsPatch, output: Settings },
});
