// Shared by the editor's e2e files that draw on a page of their own: a one-page design seeded
// through the services, opened from the editor's gallery.
import type { Page } from 'playwright-core';
import { createAtelier } from '../../src-main/app';
import { setupStudio, type UsedStudio } from './harness';

/**
 * A studio (1440×900 page) whose library holds one Instagram-square design of this name, with
 * these elements on a white page. Seeded on the studio's own library (SQLite in WAL mode allows
 * a second connection).
 */
export function studioWithDesign(name: string, elements: () => Record<string, unknown>[]): UsedStudio {
  return setupStudio({
    page: { viewport: { width: 1440, height: 900 } },
    async seed(studio) {
      const atelier = createAtelier({ dataDir: studio.dataDir, host: 'test' });
      const d = (await atelier.call('designs.create', { preset: 'instagram-square', name })) as { id: string; document: Record<string, unknown> };
      const pages = [{ id: 'p1', background: { type: 'color', color: '#ffffff' }, elements: elements() }];
      await atelier.call('designs.save', { id: d.id, document: { ...d.document, pages } });
      atelier.close();
    },
  });
}

/** Opens the design from the editor's gallery and waits until the element `lastId` is on the canvas. */
export async function openDesign(page: Page, name: string, lastId: string): Promise<void> {
  await page.getByRole('button', { name: 'Editor' }).click();
  await page.getByRole('button', { name: `Open ${name}` }).click();
  await page.waitForFunction((id) => Boolean(window.atelierEditor?.nodeFor(id)?.getLayer()), lastId);
}
