// The caption writer end to end in Chromium against the real web host: master and variants, live
// counters, fold, snippets typed with `/`, UTM tagging, and what is saved.
import { describe, expect, it } from 'vitest';
import { cliJson, setupStudio } from './harness';

let postId = '';
const app = setupStudio({
  prepare: ({ dataDir }) => {
    cliJson(dataDir, ['clients', 'add', '--name', 'Maison Lumière', '--timezone', 'Europe/Paris']);
    postId = cliJson<{ id: string }>(dataDir, ['posts', 'add', '--client', 'Maison Lumière', '--title', 'Spring launch', '--network', 'x,instagram,bluesky', '--caption', 'Spring is here']).id;
  },
});

function savedPost() {
  const listed = cliJson<{ id: string; caption: string; variants: { network: string; caption: string; followsMaster: boolean }[] }[]>(app.dataDir, ['posts', 'list']);
  return listed.find((p) => p.id === postId)!;
}

describe('caption writer', { timeout: 180_000 }, () => {
  it('writes a master, edits and resets a variant, folds, inserts a snippet, tags links, checks spelling', async () => {
    const { page, context, pageErrors, foreignRequests } = await app.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.studio.origin });
    await page.getByRole('button', { name: 'Captions' }).click();
    const master = page.getByRole('combobox', { name: 'Master caption' });
    await expect.poll(() => master.inputValue()).toBe('Spring is here');

    // Variants follow the master as it is typed; counters count per network.
    const long = `New collection 👨‍👩‍👧‍👦 ${'light '.repeat(30)}https://maison.fr/spring?ref=home#looks`;
    await master.fill(long);
    const x = page.locator('[data-network="x"]');
    const ig = page.locator('[data-network="instagram"]');
    await expect.poll(() => x.getByRole('combobox').inputValue()).toBe(long);
    const xLength = 'New collection '.length + 2 + 1 + 'light '.length * 30 + 23;
    await expect.poll(() => x.locator('.caption-counter').textContent()).toBe(`${xLength} / 280`);
    // Instagram folds after 125 characters behind "… more".
    await expect.poll(() => ig.getByRole('button', { name: '… more' }).count()).toBe(1);
    await ig.getByRole('button', { name: '… more' }).click();
    await expect.poll(() => ig.getByRole('button', { name: '… more' }).count()).toBe(0);

    // Past the limit: the counter turns red and the overflow is highlighted.
    await master.fill(`${'a'.repeat(290)}`);
    await expect.poll(() => x.locator('.caption-counter').getAttribute('data-tone')).toBe('over');
    await expect.poll(() => x.locator('mark.caption-overflow').textContent()).toBe('a'.repeat(10));
    await master.fill(`${'a'.repeat(260)}`);
    await expect.poll(() => x.locator('.caption-counter').getAttribute('data-tone')).toBe('near');
    await master.fill(long);

    // Editing X detaches it; the master no longer changes it; the difference shows; reset follows again.
    await x.getByRole('combobox').fill('Short for X https://maison.fr/spring');
    await expect.poll(() => x.getByText('Edited').count()).toBe(1);
    await master.fill(`${long} More.`);
    await expect.poll(() => ig.getByRole('combobox').inputValue()).toBe(`${long} More.`);
    expect(await x.getByRole('combobox').inputValue()).toBe('Short for X https://maison.fr/spring');
    await x.getByRole('button', { name: 'Compare X with the master' }).click();
    await expect.poll(() => x.locator('.diff-variant').textContent()).toBe('Short for X https://maison.fr/spring');
    await expect.poll(() => savedPost().variants.find((v) => v.network === 'x')?.followsMaster).toBe(false);
    await x.getByRole('button', { name: 'Reset X to the master' }).click();
    await expect.poll(() => x.getByRole('combobox').inputValue()).toBe(`${long} More.`);
    await expect.poll(() => savedPost().variants.find((v) => v.network === 'x')).toMatchObject({ followsMaster: true, caption: `${long} More.` });

    // A snippet created in the side panel, inserted by typing `/` in the master.
    await page.getByLabel('Name', { exact: true }).fill('Signature');
    await page.getByLabel('Text', { exact: true }).fill('— {{client}}');
    await page.getByRole('button', { name: 'Save snippet' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Insert Signature' }).count()).toBe(1);
    await master.fill('Hello ');
    await master.press('End');
    await master.pressSequentially('/Sig');
    await expect.poll(() => page.getByRole('option', { name: /Signature/ }).count()).toBe(1);
    await master.press('Enter');
    await expect.poll(() => master.inputValue()).toBe('Hello — Maison Lumière');
    // From the side panel too, at the caret of the caption last focused.
    await page.getByRole('button', { name: 'Insert Signature' }).click();
    await expect.poll(() => master.inputValue()).toBe('Hello — Maison Lumière — Maison Lumière');
    // Edited in the panel: the next insertion uses the new text; the new name replaces the old one.
    await page.getByRole('button', { name: 'Edit Signature' }).click();
    await expect.poll(() => page.getByLabel('Text', { exact: true }).inputValue()).toBe('— {{client}}');
    await page.getByLabel('Name', { exact: true }).fill('Sign-off');
    await page.getByLabel('Text', { exact: true }).fill('Merci ! {{client}}');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Insert Sign-off' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Insert Signature' }).count()).toBe(0);
    await master.fill('');
    await page.getByRole('button', { name: 'Insert Sign-off' }).click();
    await expect.poll(() => master.inputValue()).toBe('Merci ! Maison Lumière');

    // UTM: every network's links get that network as the source, existing parameters and anchor kept.
    await master.fill('Shop https://maison.fr/spring?ref=home#looks');
    await page.getByLabel('Campaign').fill('Spring Launch');
    await page.getByRole('button', { name: 'Tag links in every network' }).click();
    await expect
      .poll(() => x.getByRole('combobox').inputValue())
      .toBe('Shop https://maison.fr/spring?ref=home&utm_source=x&utm_medium=social&utm_campaign=spring_launch#looks');
    await expect.poll(() => ig.getByRole('combobox').inputValue()).toContain('utm_source=instagram');
    await expect.poll(() => savedPost().variants.find((v) => v.network === 'bluesky')?.caption).toContain('utm_source=bluesky');

    // Hashtags and mentions as chips; past Instagram's 5 hashtags the extra ones are flagged.
    await ig.getByRole('combobox').fill('Linen season, becuase summer #linen #summer #paris #style #home #maison @lumiere');
    await expect.poll(() => ig.locator('.chip').count()).toBe(7);
    await expect.poll(() => ig.locator('.chip-warn').allTextContents()).toEqual(['#maison']);
    await expect.poll(() => ig.getByText('6 hashtags: Instagram takes at most 5.').count()).toBe(1);
    // Offline spelling in the client's language: the typo is underlined, with suggestions.
    await expect.poll(() => ig.locator('.misspelled').allTextContents(), { timeout: 30_000 }).toEqual(['becuase']);
    expect(await ig.locator('.misspelled').getAttribute('title')).toContain('because');
    await page.getByLabel('Spelling language').selectOption('fr');
    await expect.poll(() => ig.locator('.misspelled').allTextContents(), { timeout: 90_000 }).toContain('summer');

    // Copy to the clipboard in one click.

    // The client's Mastodon server limit is kept and used for counting.
    await page.getByLabel('Mastodon server limit').fill('1000');
    await page.getByLabel('Mastodon server limit').blur();
    await page.getByRole('checkbox', { name: 'Mastodon' }).check();
    const mastodon = page.locator('[data-network="mastodon"]');
    await expect.poll(() => mastodon.locator('.caption-counter').textContent()).toMatch(/ \/ 1000$/);

    await x.getByRole('combobox').fill('Copied text');
    await x.getByRole('button', { name: 'Copy X caption' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('Copied text');

    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
