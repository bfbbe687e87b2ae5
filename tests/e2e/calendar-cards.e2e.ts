// Calendar cards end to end (the built web host, real SQLite, Debian Chromium): picking several posts
// and shifting them together, checked through the CLI in the client's wall clock and undone; and the
// thumbnail of a post's design on its card.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayOfNextMonth, setupStudio } from './harness';

const app = setupStudio();

const json = <T>(args: string[]): T => app.cli<T>(args);
const localTime = (id: string) => app.localTime(id);

// Next month, so nothing is due or missed while the test runs.
const day = dayOfNextMonth;


describe('calendar cards', () => {
  it('picks two posts with Ctrl-click, shifts them by three days keeping their times, and undoes', async () => {
    const paris = json<{ id: string }>(['clients', 'add', '--name', 'Fromagerie', '--timezone', 'Europe/Paris']);
    const add = (title: string, at: string) => json<{ id: string }>(['posts', 'add', '--client', paris.id, '--title', title, '--at', at, '--network', 'instagram']);
    const comte = add('Comté', `${day(10)}T08:15`);
    const brie = add('Brie', `${day(11)}T18:00`);
    const roquefort = add('Roquefort', `${day(12)}T09:00`);

    const { page, pageErrors } = await app.open();
    await page.getByRole('button', { name: 'Calendar' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const card = (id: string) => page.locator(`.month-grid [data-post-id="${id}"]`);
    await expect.poll(() => page.locator(`[data-date="${day(10)}"] [data-post-id="${comte.id}"]`).count()).toBe(1);

    // A click picks one post (and opens it); Ctrl-click adds another.
    await card(comte.id).click();
    await card(brie.id).click({ modifiers: ['Control'] });
    await expect.poll(() => page.getByRole('status').filter({ hasText: '2 posts selected' }).count()).toBe(1);
    expect(await card(comte.id).getAttribute('aria-pressed')).toBe('true');
    expect(await card(brie.id).getAttribute('aria-pressed')).toBe('true');
    expect(await card(roquefort.id).getAttribute('aria-pressed')).toBe('false');

    await page.getByLabel('Shift by (days)').fill('3');
    await page.getByRole('button', { name: 'Shift', exact: true }).click();
    await expect.poll(() => localTime(comte.id)).toBe(`${day(13)}T08:15`);
    expect(localTime(brie.id)).toBe(`${day(14)}T18:00`);
    expect(localTime(roquefort.id)).toBe(`${day(12)}T09:00`);
    await expect.poll(() => page.locator(`[data-date="${day(13)}"] [data-post-id="${comte.id}"]`).count()).toBe(1);
    await expect.poll(() => page.locator(`[data-date="${day(14)}"] [data-post-id="${brie.id}"]`).count()).toBe(1);

    // Undo from the toast puts both back.
    const toast = page.getByRole('status').filter({ hasText: 'Shifted 2 posts by 3 day(s).' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => localTime(comte.id)).toBe(`${day(10)}T08:15`);
    expect(localTime(brie.id)).toBe(`${day(11)}T18:00`);
    await expect.poll(() => page.locator(`[data-date="${day(10)}"] [data-post-id="${comte.id}"]`).count()).toBe(1);

    // Esc clears the selection.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.month-grid [aria-pressed="true"]').count()).toBe(0);

    // By keyboard: Ctrl+Enter picks the focused card, Shift+Enter picks the run up to another one.
    await card(comte.id).focus();
    await page.keyboard.press('Control+Enter');
    await card(roquefort.id).focus();
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '3 posts selected' }).count()).toBe(1);

    // Dragging one picked card moves them all by the same number of days; Ctrl+Z undoes it.
    await card(roquefort.id).dragTo(page.locator(`[data-date="${day(14)}"]`));
    await expect.poll(() => localTime(roquefort.id)).toBe(`${day(14)}T09:00`);
    expect(localTime(comte.id)).toBe(`${day(12)}T08:15`);
    expect(localTime(brie.id)).toBe(`${day(13)}T18:00`);
    await page.locator('main h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => localTime(roquefort.id)).toBe(`${day(12)}T09:00`);
    expect(localTime(comte.id)).toBe(`${day(10)}T08:15`);
    expect(localTime(brie.id)).toBe(`${day(11)}T18:00`);

    // The cheat sheet's calendar keys: ← goes back a month (this month's grid never shows next month's 15th).
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator(`[data-date="${day(15)}"]`).count()).toBe(0);
    await page.keyboard.press('w');
    await expect.poll(() => page.getByRole('button', { name: 'Week', pressed: true }).count()).toBe(1);

    expect(pageErrors).toEqual([]);
  });

  it('a card shows its time, title, status and networks; opened, the post is whole: its zone in the details and its full caption in the composer', async () => {
    const client = json<{ id: string }>(['clients', 'add', '--name', 'Épicerie', '--timezone', 'Europe/Paris']);
    const caption = 'Les clémentines de Corse sont arrivées, juteuses et sans pépins. '.repeat(12).trim();
    const post = json<{ id: string }>(['posts', 'add', '--client', client.id, '--title', 'Clémentines', '--at', `${day(14)}T10:30`, '--network', 'instagram,x', '--caption', caption]);

    const { page, pageErrors } = await app.open();
    await page.getByRole('button', { name: 'Calendar' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const card = page.locator(`.month-grid [data-date="${day(14)}"] [data-post-id="${post.id}"]`);
    await card.waitFor();
    expect((await card.innerText()).replace(/\s+/g, ' ').trim()).toBe('10:30am Clémentines Draft');
    expect(await card.getAttribute('aria-label')).toBe('10:30am Clémentines Draft — Épicerie, Instagram, X');
    expect(await card.locator('.net-mark').evaluateAll((marks) => marks.map((m) => (m as HTMLElement).dataset.network))).toEqual(['instagram', 'x']);

    // Opened: the details come from the whole post (its client's zone, its networks).
    await card.click();
    const details = page.getByRole('region', { name: 'Clémentines' });
    await expect.poll(() => details.textContent()).toContain('(Europe/Paris)');
    expect(await details.locator('.network-name').allTextContents()).toEqual(['Instagram', 'X']);
    // …and the composer shows the caption the grid never carried, in full.
    await details.getByRole('button', { name: 'Edit post' }).click();
    const composer = page.getByRole('dialog', { name: 'Edit post' });
    await expect.poll(() => composer.getByRole('combobox', { name: 'Caption', exact: true }).inputValue()).toBe(caption);
    expect(pageErrors).toEqual([]);
  });

  it("shows a thumbnail of the post's design on its card, and the plain tile without one", async () => {
    const client = json<{ id: string }>(['clients', 'add', '--name', 'Poissonnerie', '--timezone', 'Europe/Paris']);
    const design = json<{ id: string }>(['designs', 'create', '--name', 'Arrivage', '--template', 'tpl-announce-square', '--client', client.id]);
    const csv = path.join(app.dataDir, 'plan.csv');
    writeFileSync(
      csv,
      'date,time,timezone,client,network,status,title,caption,link,labels,design\n' +
        `${day(20)},10:00,Europe/Paris,,instagram,draft,Arrivage du jour,Caption,,,${design.id}\n` +
        `${day(21)},10:00,Europe/Paris,,instagram,draft,Sans visuel,Caption,,,\n`,
    );
    const report = json<{ postIds: string[] }>(['import', 'csv', csv, '--client', client.id, '--format', 'atelier']);
    const [withDesign, without] = report.postIds as [string, string];

    const { page, pageErrors } = await app.open();
    await page.getByRole('button', { name: 'Calendar' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const thumb = page.locator(`[data-date="${day(20)}"] [data-post-id="${withDesign}"] img.post-thumb`);
    await thumb.scrollIntoViewIfNeeded();
    expect(await thumb.getAttribute('src')).toMatch(new RegExp(`^/media/designs/${design.id}/0/`));
    // Loaded, small, and the design's own colours: the template's mint background in its corner.
    // (Month cards are taller since they show the status, so this one may only start loading once
    // scrolled to; the server renders the thumbnail on that first request.)
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(96);
    const corner = await thumb.evaluate((img: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return [...ctx.getImageData(2, 2, 1, 1).data.slice(0, 3)];
    });
    expect(corner).toEqual([0xf0, 0xfd, 0xfa]);
    // Without a design: no image, the plain tile (drawn by CSS) in its place.
    const plain = page.locator(`.month-grid [data-post-id="${without}"]`);
    expect(await plain.locator('img').count()).toBe(0);
    expect(await plain.evaluate((card) => getComputedStyle(card, '::before').width)).toBe('18px');
    // Any post's details offer its rendered images too (not only when it is due); none without a design.
    await page.locator(`.month-grid [data-post-id="${withDesign}"]`).click();
    const details = page.getByRole('region', { name: 'Arrivage du jour' });
    await details.getByRole('button', { name: 'Reveal images' }).click();
    // The host renders the PNG on this click (seconds on a busy machine): a ceiling, as for the thumbnail.
    await expect.poll(() => details.getByRole('link', { name: `Download ${day(20)}_arrivage-du-jour_instagram.png` }).count(), { timeout: 10_000 }).toBe(1);
    await plain.click();
    await page.getByRole('region', { name: 'Sans visuel' }).waitFor();
    expect(await page.getByRole('region', { name: 'Sans visuel' }).getByRole('button', { name: 'Reveal images' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('a due post reveals its rendered images; in the browser they come as downloads of real PNGs', async () => {
    const client = json<{ id: string }>(['clients', 'add', '--name', 'Primeur', '--timezone', 'UTC']);
    const design = json<{ id: string }>(['designs', 'create', '--name', 'Panier', '--template', 'tpl-announce-square', '--client', client.id]);
    // Two minutes ago (UTC client): scheduled, so it is due now.
    const at = new Date(Date.now() - 120_000).toISOString();
    const csv = path.join(app.dataDir, 'due.csv');
    writeFileSync(
      csv,
      'date,time,timezone,client,network,status,title,caption,link,labels,design\n' +
        `${at.slice(0, 10)},${at.slice(11, 16)},UTC,,instagram,scheduled,Panier de saison,Légumes du jour,,,${design.id}\n`,
    );
    json(['import', 'csv', csv, '--client', client.id, '--format', 'atelier']);

    const { page, pageErrors } = await app.open();
    await page.getByRole('button', { name: 'Calendar' }).click();
    const due = page.locator('.due-item').filter({ hasText: 'Panier de saison' });
    await due.getByRole('button', { name: 'Reveal images' }).click();
    const link = page.getByRole('list', { name: 'Images of Panier de saison' }).getByRole('link');
    await expect.poll(() => link.count()).toBe(1);
    const name = `${at.slice(0, 10)}_panier-de-saison_instagram.png`;
    expect(await link.textContent()).toBe(`Download ${name}`);
    // The link serves the PNG at the preset's size (instagram-square, 1080 × 1080).
    const served = await link.evaluate(async (a: HTMLAnchorElement) => {
      const res = await fetch(a.href);
      const bitmap = await createImageBitmap(await res.blob());
      return { type: res.headers.get('content-type'), download: a.getAttribute('download'), size: [bitmap.width, bitmap.height] };
    });
    expect(served).toEqual({ type: 'image/png', download: name, size: [1080, 1080] });
    expect(pageErrors).toEqual([]);
  });
});
