import type { Doctor, Out, Settings } from '../contract';
import type { systemMethods } from '../contract/api/system';
import type { HandlersFor } from '../contract/handlers';
import { Settings as SettingsSchema } from '../contract/entities';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { EventBus } from './events';
import type { Library } from './library';

const DEFAULT_SETTINGS: Settings = { language: 'system', theme: 'system' };

export type SystemService = ReturnType<typeof createSystemService>;

export function createSystemService(lib: Library, events: EventBus) {
  function readSettings(): Settings {
    const stored = lib.settings.get('preferences');
    const parsed = SettingsSchema.partial().safeParse(stored ?? {});
    // A damaged preference row falls back to defaults instead of locking the user out.
    return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
  }

  return {
    doctor(): Doctor {
      const integrity = String(lib.db.pragma('integrity_check', { simple: true }));
      const foreignKeyProblems = (lib.db.pragma('foreign_key_check') as unknown[]).length;
      const count = (table: string, where = 'deleted_at IS NULL') =>
        (lib.db.prepare(`SELECT count(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ''}`).get() as { n: number }).n;
      const schemaVersion = lib.db.pragma('user_version', { simple: true }) as number;
      return {
        ok: integrity === 'ok' && foreignKeyProblems === 0 && schemaVersion === LATEST_SCHEMA_VERSION,
        schemaVersion,
        appSchemaVersion: LATEST_SCHEMA_VERSION,
        integrity,
        foreignKeyProblems,
        paths: { ...lib.paths },
        counts: {
          clients: count('clients'),
          posts: count('posts'),
          variants: count('post_variants', ''),
          designs: count('designs'),
          assets: count('assets'),
          queueSlots: count('queue_slots', ''),
          snippets: count('snippets', ''),
        },
      };
    },
    settings: readSettings,
    updateSettings(patch: Partial<Settings>): Settings {
      const next = { ...readSettings(), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Settings;
      lib.write(() => lib.settings.set('preferences', next));
      events.emit('settings.changed', next);
      return next;
    },
  };
}

export function systemHandlers(deps: {
  system: SystemService;
  info: () => Out<'app.info'>;
  seedDemo: () => Out<'app.seedDemo'>;
}): HandlersFor<typeof systemMethods> {
  return {
    'app.info': () => deps.info(),
    'app.doctor': () => deps.system.doctor(),
    'app.seedDemo': () => deps.seedDemo(),
    'settings.get': () => deps.system.settings(),
    'settings.update': (input) => deps.system.updateSettings(input),
  };
}
