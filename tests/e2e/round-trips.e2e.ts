// What one user action costs on the wire, end to end (built web host, real SQLite, Chromium): the
// WebSocket frames a window sends and receives for one calendar drag and for one caption keystroke.
// A write answers with the change it made (as records, inside its one response frame), so the
// window asks nothing more; another window hears of it in one pushed event and shows it unreloaded.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cliJson, dayOfNextMonth, setupStudio } from './harness';

const app = setupStudio();

interface Frame {
  direction: 'sent' | 'received';
  /** The method of a request, `response` for an answer, the event's name for a push. */
  kind: string;
  text: string;
}

interface PostOut {
  id: string;
  caption: string;
  localTime: string | null;
}

const json = <T>(args: string[]): T => cliJson<T>(app.dataDir, args);
const posts = () => json<PostOut[]>(['posts', 'list']);
const day = dayOfNextMonth;

/** Records every frame of the page's WebSocket connections (attach before the page opens). */
function recordFrames(page: Page): Frame[] {
  const frames: Frame[] = [];
  page.on('websocket', (ws) => {
    const add = (direction: Frame['direction']) => (data: { payload: string | Buffer }) => {
      const text = String(data.payload);
      let kind = 'unknown';
      try {
        const parsed = JSON.parse(text) as { method?: string; event?: string };
        kind = parsed.method ?? parsed.event ?? 'response';
      } catch {
        // not JSON: counted as unknown
      }
      frames.push({ direction, kind, text });
    };
    ws.on('framesent', add('sent'));
    ws.on('framereceived', add('received'));
  });
  return frames;
}

/** Waits until no frame has come or gone for `quietMs` (the page has finished what it was doing). */
async function settled(frames: readonly Frame[], quietMs = 800): Promise<void> {
  let seen = -1;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (frames.length === seen) return;
    seen = frames.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
  throw new Error('The page kept talking to the studio for 30 s.');
}

async function openCalendar(page: Page) {
  await page.getByRole('button', { name: 'Calendar' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect.poll(() => page.locator(`[data-date="${day(15)}"]`).count()).toBe(1);
  await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Boulangerie' });
  await expect.poll(() => page.getByText('Boulangerie — times in Europe/Paris').count()).toBe(1);
}


describe('round trips per user action', { timeout: 180_000 }, () => {
  it('one calendar drag is one request and one response; another window sees the move without reloading', async () => {
    const client = json<{ id: string }>(['clients', 'add', '--name', 'Boulangerie', '--timezone', 'Europe/Paris']);
    const croissant = json<PostOut>(['posts', 'add', '--client', client.id, '--title', 'Croissants', '--at', `${day(10)}T08:15`, '--network', 'instagram']);
    json<PostOut>(['posts', 'add', '--client', client.id, '--title', 'Baguettes', '--at', `${day(11)}T10:00`, '--network', 'instagram']);

    let frames: Frame[] = [];
    const mine = await app.open({ beforeOpen: (page) => (frames = recordFrames(page)) });
    let otherFrames: Frame[] = [];
    const other = await app.open({ beforeOpen: (page) => (otherFrames = recordFrames(page)) });
    await openCalendar(mine.page);
    await openCalendar(other.page);
    await expect.poll(() => other.page.locator(`[data-date="${day(10)}"] [data-post-id="${croissant.id}"]`).count()).toBe(1);
    await settled(frames);
    await settled(otherFrames);

    const before = frames.length;
    const otherBefore = otherFrames.length;
    await mine.page.locator(`[data-post-id="${croissant.id}"]`).dragTo(mine.page.locator(`[data-date="${day(12)}"]`));
    await expect.poll(() => mine.page.locator(`[data-date="${day(12)}"] [data-post-id="${croissant.id}"]`).count()).toBe(1);
    // The other window shows it too, from the pushed event alone.
    await expect.poll(() => other.page.locator(`[data-date="${day(12)}"] [data-post-id="${croissant.id}"]`).count()).toBe(1);
    expect(await other.page.locator(`[data-date="${day(10)}"] [data-post-id="${croissant.id}"]`).count()).toBe(0);
    await settled(frames);
    await settled(otherFrames);

    const drag = frames.slice(before);
    expect(drag.map((f) => `${f.direction} ${f.kind}`)).toEqual(['sent calendar.move', 'received response']);
    expect(drag.length).toBeLessThanOrEqual(2);
    // The answer carries the change: the moved post as it is now, and what Undo would do.
    const answer = JSON.parse(drag[1]!.text) as { events?: { event: string; payload: { changes?: { updated: { id: string; localTime: string }[]; undo: { undo: { key: string } | null } } } }[] };
    const changed = answer.events?.find((e) => e.event === 'posts.changed')?.payload.changes;
    expect(changed?.updated.map((p) => [p.id, p.localTime])).toEqual([[croissant.id, `${day(12)}T08:15`]]);
    expect(changed?.undo.undo?.key).toBe('undo.move');
    // The other window: one pushed event, and it asks nothing.
    expect(otherFrames.slice(otherBefore).map((f) => `${f.direction} ${f.kind}`)).toEqual(['received posts.changed']);

    // The CLI reads the same library: the move is stored, at the same Paris time.
    expect(posts().find((p) => p.id === croissant.id)?.localTime).toBe(`${day(12)}T08:15`);
    // Undo shows what it would undo, in both windows, without another call.
    await expect.poll(() => mine.page.getByRole('button', { name: 'Undo' }).first().getAttribute('title')).toContain('Croissants');
    await expect.poll(() => other.page.getByRole('button', { name: 'Undo' }).first().getAttribute('title')).toContain('Croissants');

    expect(mine.pageErrors).toEqual([]);
    expect(other.pageErrors).toEqual([]);
    await mine.context.close();
    await other.context.close();
  });

  it('one caption keystroke sends nothing at once, then one save (request and response) and spelling for the new word only', async () => {
    const client = json<{ id: string }>(['clients', 'add', '--name', 'Fromagerie', '--timezone', 'Europe/Paris']);
    const post = json<PostOut>(['posts', 'add', '--client', client.id, '--title', 'Cheese week', '--network', 'x,instagram', '--caption', 'Fresh cheese today']);

    let frames: Frame[] = [];
    const { page, pageErrors, context } = await app.open({ beforeOpen: (p) => (frames = recordFrames(p)) });
    await page.getByRole('button', { name: 'Captions' }).click();
    await page.getByLabel('Post', { exact: true }).selectOption(post.id);
    const master = page.getByRole('combobox', { name: 'Master caption' });
    await expect.poll(() => master.inputValue()).toBe('Fresh cheese today');
    // Quiet for longer than spelling's "dictionary not ready, ask again" delay: the first check is answered.
    await settled(frames, 2500);

    const before = frames.length;
    await master.press('End');
    await master.press('s');
    // The counters follow at once, from the renderer's own measuring: nothing has gone out yet.
    await expect.poll(() => page.locator('[data-network="x"] .caption-counter').textContent()).toBe(`${'Fresh cheese todays'.length} / 280`);
    expect(frames.length - before).toBe(0);
    // The save goes out once typing pauses (the CLI is asked only afterwards: another program
    // opening the library is itself a change this window would hear of).
    await expect.poll(() => frames.slice(before).filter((f) => f.kind === 'sent posts.update' || f.kind === 'posts.update').length, { timeout: 10_000 }).toBe(1);
    await settled(frames);

    const keystroke = frames.slice(before).map((f) => `${f.direction} ${f.kind}`);
    // The debounced save is one request and one response (its posts.changed rides inside it) …
    expect(keystroke.filter((k) => k.includes('posts.update') || k === 'received response').length).toBeGreaterThanOrEqual(2);
    expect(keystroke.filter((k) => k === 'sent posts.update')).toHaveLength(1);
    expect(keystroke.filter((k) => k.startsWith('received ') && k !== 'received response')).toEqual([]);
    // … and spelling asks about the one word it has not seen, not the whole caption again.
    const spell = frames.slice(before).filter((f) => f.kind === 'spell.check');
    expect(spell.map((f) => (JSON.parse(f.text) as { input: { words: string[] } }).input.words)).toEqual([['todays']]);
    expect(keystroke.sort()).toEqual(['received response', 'received response', 'sent posts.update', 'sent spell.check']);
    // What was saved is what the window shows.
    expect(posts().find((p) => p.id === post.id)?.caption).toBe('Fresh cheese todays');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
