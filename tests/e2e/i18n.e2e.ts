// French all the way: switch the studio to French in Settings, visit every main screen (plus the
// welcome, the command palette and the cheat sheet) and flag any English word on screen — visible
// text, aria-label, placeholder, title. The English word list is built from the English catalogue
// (src-renderer/locales/en/*.json), minus every word the French catalogue also uses (“Instagram”,
// “message”, “client”…), so a hit means an English string reached a French screen.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { cliJson, dayOfNextMonth, openStudioPage, ROOT, startStudio, setupStudio } from './harness';
import { gotoScreen, MAIN_SCREENS } from './screens';

function catalogueWords(lang: 'en' | 'fr'): Set<string> {
  const dir = path.join(ROOT, 'src-renderer', 'locales', lang);
  const words = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') for (const w of tokens(value.replace(/\{\{[^}]*\}\}/g, ' '))) words.add(w);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) visit(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  return words;
}

function tokens(text: string): string[] {
  // {{client}}, {{date}}, {{link}} are snippet variables users type as they are, not English prose.
  text = text.replace(/\{\{\w+\}\}/g, ' ');
  return (text.match(/\p{L}[\p{L}’'-]*\p{L}/gu) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 3);
}

const french = catalogueWords('fr');
const ENGLISH = new Set([...catalogueWords('en')].filter((w) => !french.has(w)));

const app = setupStudio({
  // The user's own content is French too, so any English on screen comes from the app.
  seed: (studio) => {
    cliJson(studio.dataDir, ['clients', 'add', '--name', 'Boulangerie Dupont', '--timezone', 'Europe/Paris']);
    cliJson(studio.dataDir, ['posts', 'add', '--client', 'Boulangerie Dupont', '--title', 'Galette des rois', '--at', '2027-01-06T09:00', '--caption', 'Frangipane ou brioche ?']);
  },
  page: { locale: 'en-US' },
});

/** Words on the page as a person or a screen reader meets them, with where each was found. */
async function pageWords(p: Page): Promise<{ text: string; where: string }[]> {
  return p.evaluate(() => {
    const out: { text: string; where: string }[] = [];
    // The user's own content (names of designs, posts…) is marked translate="no" and skipped.
    const foreign = (el: Element) => {
      if (el.closest('[translate="no"]')) return true;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? 'fr';
      return !lang.startsWith('fr');
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || foreign(el)) continue;
      if (['SCRIPT', 'STYLE'].includes(el.tagName)) continue;
      const visible = el.tagName === 'OPTION' ? true : el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
      if (visible) out.push({ text: node.textContent, where: describe(el) });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
      if (foreign(el)) continue;
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
        const v = el.getAttribute(attr);
        if (v) out.push({ text: v, where: `${describe(el)}[${attr}]` });
      }
    }
    return out;
  });
}

async function englishOn(where: string, page: Page = app.page): Promise<string[]> {
  const hits: string[] = [];
  for (const { text, where: el } of await pageWords(page)) {
    const english = tokens(text).filter((w) => ENGLISH.has(w));
    if (english.length > 0) hits.push(`${where} ${el}: “${text.trim().slice(0, 80)}” → ${english.join(', ')}`);
  }
  return hits;
}

describe('French', () => {
  it('the English word list is real (sanity)', () => {
    for (const w of ['calendar', 'library', 'settings', 'undo']) expect(ENGLISH.has(w)).toBe(true);
    for (const w of ['client', 'instagram']) expect(ENGLISH.has(w)).toBe(false);
  });

  it('shows no English word on any main screen once French is chosen in Settings', async () => {
    await gotoScreen(app.page, 'settings');
    await app.page.getByLabel('Language').selectOption('fr');
    await app.page.getByRole('heading', { name: 'Réglages' }).waitFor();
    const hits: string[] = [];
    for (const screen of MAIN_SCREENS) {
      await gotoScreen(app.page, screen);
      hits.push(...(await englishOn(screen)));
    }
    // The calendar's other views: the hour grid's slots, hour labels and day headers.
    await gotoScreen(app.page, 'calendar');
    for (const [key, name] of [['w', 'week'], ['d', 'day'], ['a', 'agenda']] as const) {
      await app.page.locator('main h1').click();
      await app.page.keyboard.press(key);
      await app.page.locator(key === 'a' ? '.agenda, .empty-state' : '.hour-grid').first().waitFor();
      hits.push(...(await englishOn(`calendar ${name}`)));
    }
    await app.page.keyboard.press('m');
    await gotoScreen(app.page, 'editor');
    await app.page.locator('[data-template]').first().click();
    await app.page.getByRole('toolbar').first().waitFor();
    hits.push(...(await englishOn('editor workspace')));
    // Every tab of the editor's side panel (Templates, Photos, Brand, Text, Elements).
    const tabs = app.page.getByRole('tablist', { name: 'Ajouter au visuel' }).getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      if ((await tabs.nth(i).getAttribute('aria-selected')) !== 'true') await tabs.nth(i).click();
      await app.page.getByRole('tabpanel').waitFor();
      hits.push(...(await englishOn(`editor side panel: ${await tabs.nth(i).innerText()}`)));
    }

    // The post composer with two networks, a caption, a picture picker and the checks.
    await gotoScreen(app.page, 'calendar');
    await app.page.keyboard.press('n');
    const composer = app.page.getByRole('dialog', { name: 'Nouvelle publication' });
    await composer.waitFor();
    await composer.getByLabel('Client', { exact: true }).selectOption({ label: 'Boulangerie Dupont' });
    await composer.getByLabel('Titre').fill('Galette à la frangipane');
    await composer.getByRole('button', { name: 'Instagram' }).click();
    await composer.getByRole('button', { name: 'X', exact: true }).click();
    await composer.getByRole('combobox', { name: 'Légende', exact: true }).fill('La galette est là ! #galette https://exemple.fr');
    await composer.getByRole('button', { name: 'Choisir un visuel' }).first().click();
    await composer.getByRole('region', { name: /^Visuels pour / }).waitFor();
    hits.push(...(await englishOn('composer')));
    await composer.getByRole('button', { name: 'Annuler' }).click();
    await app.page.getByRole('dialog', { name: 'Abandonner vos modifications ?' }).getByRole('button', { name: 'Abandonner' }).click();

    await app.page.keyboard.press('Control+k');
    await app.page.getByRole('dialog', { name: 'Palette de commandes' }).waitFor();
    hits.push(...(await englishOn('command palette')));
    await app.page.keyboard.press('Escape');
    await gotoScreen(app.page, 'clients');
    await app.page.keyboard.press('?');
    await app.page.getByRole('dialog', { name: 'Raccourcis clavier' }).waitFor();
    hits.push(...(await englishOn('cheat sheet')));
    await app.page.keyboard.press('Escape');

    expect(hits, hits.join('\n')).toEqual([]);
    expect(app.shared.pageErrors).toEqual([]);
  });

  it('says what services write in French too: an undo, a CSV error, a pack warning, a client’s decisions', async () => {
    const temp = tempDir();
    try {
      const dupont = cliJson<{ id: string }[]>(app.studio.dataDir, ['--json', 'clients', 'list'])[0]!;
      const post = (title: string, day: number, status: string, client = dupont.id) =>
        cliJson<{ id: string }>(app.studio.dataDir, ['--json', 'posts', 'add', '--client', client, '--title', title, '--at', `${dayOfNextMonth(day)}T10:00`, '--status', status, '--network', 'instagram', '--caption', `${title} du jour`]);
      const tatin = post('Tarte Tatin', 12, 'draft');
      const epices = post('Pain d’épices', 14, 'in_review');
      const martin = cliJson<{ id: string }>(app.studio.dataDir, ['--json', 'clients', 'add', '--name', 'Fromagerie Martin', '--timezone', 'Europe/Paris']);
      const comte = post('Comté affiné', 15, 'in_review', martin.id);
      await gotoScreen(app.page, 'settings');
      if ((await app.page.getByRole('heading', { name: 'Réglages' }).count()) === 0) await app.page.getByLabel('Language').selectOption('fr');
      await app.page.getByRole('heading', { name: 'Réglages' }).waitFor();
      const hits: string[] = [];

      // Undo: delete a post from its details, then undo it from the toolbar.
      await gotoScreen(app.page, 'calendar');
      await app.page.getByLabel('Client', { exact: true }).selectOption({ label: 'Boulangerie Dupont' });
      await app.page.getByRole('button', { name: 'Suivant' }).click();
      // The posts added above through the CLI are steps of the history too, named in French.
      const undo = app.page.getByRole('button', { name: /Annuler$/ }).and(app.page.locator('[title^="Annuler :"]'));
      await expect.poll(() => undo.getAttribute('title')).toBe('Annuler : Créer « Comté affiné » (Ctrl+Z)');
      await app.page.locator(`[data-post-id="${tatin.id}"]`).click();
      await app.page.getByRole('button', { name: 'Supprimer', exact: true }).click();
      await expect.poll(() => undo.getAttribute('title')).toBe('Annuler : Supprimer « Tarte Tatin » (Ctrl+Z)');
      await undo.click();
      await app.page.getByText('Annulé : Supprimer « Tarte Tatin »').first().waitFor();
      hits.push(...(await englishOn('calendar after undo')));

      // A service error with each bad row: an Atelier CSV with an unknown zone and status.
      await app.page.getByLabel('Format CSV').selectOption('atelier');
      const bad = ['date,time,timezone,client,network,status,title,caption,link,labels,design', '2027-01-20,09:00,Mars/Olympus,,instagram,plus tard,Brioche,,,,'].join('\n');
      await app.page.getByLabel('Importer un CSV').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      const report = app.page.locator('.exchange-report');
      await report.getByText('Ligne 2 :').waitFor();
      expect(await report.textContent()).toContain('Le fuseau « Mars/Olympus » n’est pas un fuseau IANA connu');
      hits.push(...(await englishOn('calendar import error')));

      // A pack warning: the pack's hootsuite.csv leaves out what is not approved yet.
      await gotoScreen(app.page, 'packs');
      await app.page.getByLabel('Client', { exact: true }).first().selectOption({ label: 'Boulangerie Dupont' });
      await app.page.getByRole('button', { name: /^Exporter \d+ publications?$/ }).click();
      await app.page.locator('.packs-report').getByText(/hootsuite\.csv laisse de côté/).first().waitFor();
      hits.push(...(await englishOn('pack export')));

      // The client's decisions: one approval with a comment, one request, one for another client's post.
      const decisions = {
        format: 'atelier-pack-decisions',
        version: 1,
        packCreatedAt: '2026-12-01T09:00:00.000Z',
        client: { id: dupont.id, name: 'Boulangerie Dupont' },
        decisions: [
          { postId: epices.id, decision: 'approve', comment: 'Parfait, merci !', decidedAt: '2026-12-02T10:00:00.000Z' },
          { postId: tatin.id, decision: 'changes_requested', comment: 'Plus de caramel', decidedAt: '2026-12-02T10:01:00.000Z' },
          { postId: comte.id, decision: 'approve', comment: '', decidedAt: '2026-12-02T10:02:00.000Z' },
        ],
      };
      const file = `${temp.dir}/decisions.json`;
      writeFileSync(file, JSON.stringify(decisions));
      await app.page.locator('input[type=file][accept*="json"]').setInputFiles(file);
      const decided = app.page.locator('.packs-report').filter({ hasText: 'Pain d’épices : En relecture → Validé' });
      await decided.waitFor();
      expect(await decided.textContent()).toContain('Comté affiné ignorée : elle appartient à un autre client, pas à Boulangerie Dupont');
      hits.push(...(await englishOn('decisions applied')));
      // Applying it again is a no-op, said in French.
      await app.page.locator('input[type=file][accept*="json"]').setInputFiles(file);
      await app.page.locator('.packs-report').getByText(/cette décision a déjà été appliquée/).first().waitFor();
      hits.push(...(await englishOn('decisions applied twice')));

      // The note and history the decision wrote, on the post.
      await gotoScreen(app.page, 'calendar');
      if ((await app.page.locator(`[data-post-id="${epices.id}"]`).count()) === 0) await app.page.getByRole('button', { name: 'Suivant' }).click();
      await app.page.locator(`[data-post-id="${epices.id}"]`).click();
      await app.page.locator('.post-extras summary').first().click();
      await app.page.locator('.note-list').getByText(/Décision du client \(Boulangerie Dupont, .*\) : validé\. Parfait, merci !/).waitFor();
      await app.page.locator('.post-extras summary').nth(1).click();
      hits.push(...(await englishOn('post notes and history')));

      expect(hits, hits.join('\n')).toEqual([]);
      expect(app.shared.pageErrors).toEqual([]);
    } finally {
      temp.cleanup();
    }
  });

  it('greets a new French user in French, from the OS language', async () => {
    const fresh = await startStudio();
    try {
      const { page: p, context } = await openStudioPage(app.browser, fresh, { locale: 'fr-FR' });
      await p.getByRole('heading', { name: 'Bienvenue dans Atelier' }).waitFor();
      const hits = await englishOn('welcome', p);
      expect(hits, hits.join('\n')).toEqual([]);
      await context.close();
    } finally {
      await fresh.stop();
    }
  });
});
