// The composer's Save: a post written whole (networks with their captions, pictures and first
// comments), its time and status through the calendar's commands (one undoable step, in the
// history), and designs made from library photos.
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { testAtelier } from '../../helpers/app';
import { failure } from '../scheduling/failure';
import { png } from '../library/fixtures';

let env: ReturnType<typeof testAtelier>;
afterEach(() => env?.cleanup());

async function setup() {
  env = testAtelier({ start: Date.parse('2027-03-01T12:00:00Z') });
  const { atelier } = env;
  const paris = await atelier.call('clients.create', { name: 'Boulangerie', timeZone: 'Europe/Paris' });
  const other = await atelier.call('clients.create', { name: 'Bagels', timeZone: 'America/New_York' });
  const square = await atelier.call('designs.create', { clientId: paris.id, preset: 'instagram-square', name: 'Croissant square' });
  return { atelier, paris, other, square };
}

const table = (db: ReturnType<typeof testAtelier>['atelier']['library']['db']) => ({
  posts: db.prepare('SELECT * FROM posts ORDER BY id').all(),
  variants: db.prepare('SELECT * FROM post_variants ORDER BY id').all(),
  ops: db.prepare('SELECT * FROM calendar_ops ORDER BY seq').all(),
});

describe('posts written whole by the composer', () => {
  it('creates a post with each network’s own caption, picture, page and first comment', async () => {
    const { atelier, paris, square } = await setup();
    const post = await atelier.call('posts.create', {
      clientId: paris.id,
      title: 'Croissants du dimanche',
      at: '2027-03-07T09:30',
      caption: 'Le dimanche, les croissants sortent à 7 h.',
      variants: [
        { network: 'instagram', designId: square.id, pageIndex: null, firstComment: '#boulangerie #paris' },
        { network: 'x', caption: 'Croissants à 7 h ce dimanche 🥐', designId: square.id, pageIndex: 0 },
      ],
    });
    expect(post.localTime).toBe('2027-03-07T09:30');
    expect(post.variants.map((v) => [v.network, v.followsMaster, v.caption, v.designId, v.pageIndex, v.firstComment]).sort()).toEqual([
      ['instagram', true, 'Le dimanche, les croissants sortent à 7 h.', square.id, null, '#boulangerie #paris'],
      ['x', false, 'Croissants à 7 h ce dimanche 🥐', square.id, 0, ''],
    ]);
    // A later master caption reaches the network that follows it, not the one with its own text.
    const updated = await atelier.call('posts.update', { id: post.id, caption: 'Nouveau texte' });
    expect(Object.fromEntries(updated.variants.map((v) => [v.network, v.caption]))).toEqual({ instagram: 'Nouveau texte', x: 'Croissants à 7 h ce dimanche 🥐' });
  });

  it('replaces the networks on update: removes the one not listed, adds the new one, keeps a picture not mentioned', async () => {
    const { atelier, paris, square } = await setup();
    const post = await atelier.call('posts.create', {
      clientId: paris.id,
      title: 'Pain',
      variants: [{ network: 'instagram', designId: square.id }, { network: 'facebook' }],
    });
    const updated = await atelier.call('posts.update', { id: post.id, variants: [{ network: 'instagram' }, { network: 'linkedin', caption: 'Pour LinkedIn' }] });
    expect(updated.variants.map((v) => [v.network, v.designId, v.caption]).sort()).toEqual([
      ['instagram', square.id, ''],
      ['linkedin', null, 'Pour LinkedIn'],
    ]);
  });

  it('refuses a design of another client, a deleted one or a page it does not have, and stores nothing', async () => {
    const { atelier, paris, other, square } = await setup();
    const theirs = await atelier.call('designs.create', { clientId: other.id, preset: 'x-post', name: 'Bagel banner' });
    const before = table(atelier.library.db);
    const foreign = await failure(atelier.call('posts.create', { clientId: paris.id, title: 'A', variants: [{ network: 'x', designId: theirs.id }] }));
    expect([foreign.code, foreign.message]).toEqual(['invalid_input', '"Bagel banner" belongs to another client.']);
    const page = await failure(atelier.call('posts.create', { clientId: paris.id, title: 'B', variants: [{ network: 'x', designId: square.id, pageIndex: 3 }] }));
    expect(page.message).toMatch(/has 1 page\(s\); page 4 does not exist/);
    await atelier.call('designs.delete', { id: square.id });
    const gone = await failure(atelier.call('posts.create', { clientId: paris.id, title: 'C', variants: [{ network: 'instagram', designId: square.id }] }));
    expect([gone.code, gone.message]).toEqual(['not_found', 'The design chosen for instagram no longer exists.']);
    const twice = await failure(atelier.call('posts.create', { clientId: paris.id, title: 'D', variants: [{ network: 'x' }, { network: 'x' }] }));
    expect(twice.code).toBe('invalid_input');
    expect(table(atelier.library.db)).toEqual(before);
  });

  it('refuses to create a post as scheduled without a time, or without approval when the client requires it', async () => {
    const { atelier, paris } = await setup();
    expect((await failure(atelier.call('posts.create', { clientId: paris.id, title: 'Sans heure', status: 'scheduled' }))).message).toMatch(/date and time/);
    await atelier.call('calendar.setApprovalMode', { clientId: paris.id, mode: 'required' });
    expect((await failure(atelier.call('posts.create', { clientId: paris.id, title: 'Trop tôt', status: 'scheduled', at: '2027-03-08T10:00' }))).message).toMatch(/requires approval/);
    expect(await atelier.call('posts.list', { includeUnscheduled: true })).toEqual([]);
  });
});

describe('one write path for time and status', () => {
  it('makes a new post one undoable step: undo takes it away, redo brings it back', async () => {
    const { atelier, paris } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Galette', at: '2027-03-10T08:00', variants: [{ network: 'instagram' }] });
    expect((await atelier.call('calendar.undoState', {})).undo).toEqual({ key: 'undo.create', params: { title: 'Galette' }, text: 'Create "Galette"' });
    await atelier.call('calendar.undo', {});
    expect((await atelier.call('posts.get', { id: post.id })).deletedAt).not.toBeNull();
    expect((await atelier.call('calendar.range', { clientId: paris.id, from: '2027-03-10', to: '2027-03-10' })).posts).toEqual([]);
    await atelier.call('calendar.redo', {});
    const back = await atelier.call('calendar.range', { clientId: paris.id, from: '2027-03-10', to: '2027-03-10' });
    expect(back.posts.map((p) => [p.title, p.localTime])).toEqual([['Galette', '2027-03-10T08:00']]);
  });

  it('records a composer Save that moves and schedules a post as one step in the history; undo restores both', async () => {
    const { atelier, paris } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Brioche', at: '2027-03-12T09:30', variants: [{ network: 'x' }] });
    const saved = await atelier.call('posts.update', { id: post.id, title: 'Brioche tressée', at: '2027-03-12T14:45', status: 'scheduled', caption: 'Tressée main.' });
    expect([saved.localTime, saved.status, saved.title]).toEqual(['2027-03-12T14:45', 'scheduled', 'Brioche tressée']);
    expect((await atelier.call('calendar.undoState', {})).undo).toEqual({
      key: 'undo.moveStatus',
      params: { title: 'Brioche tressée', whenLocal: '2027-03-12T14:45', fromStatus: 'draft', toStatus: 'scheduled' },
      text: 'Move "Brioche tressée" to 2027-03-12 14:45 (draft → scheduled)',
    });
    expect((await atelier.call('calendar.statusHistory', { id: post.id })).map((h) => [h.from, h.to, h.source])).toEqual([['draft', 'scheduled', 'user']]);
    await atelier.call('calendar.undo', {});
    const undone = await atelier.call('posts.get', { id: post.id });
    expect([undone.localTime, undone.status]).toEqual(['2027-03-12T09:30', 'draft']);
    // Text is not part of the calendar's history: the new title and caption stay.
    expect([undone.title, undone.caption]).toEqual(['Brioche tressée', 'Tressée main.']);
  });

  it('changes nothing in the history when a Save leaves time and status as they were', async () => {
    const { atelier, paris } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Baguette', at: '2027-03-12T09:30' });
    const opsBefore = table(atelier.library.db).ops.length;
    await atelier.call('posts.update', { id: post.id, at: '2027-03-12T09:30', caption: 'Croustillante', title: 'Baguette tradition' });
    expect(table(atelier.library.db).ops.length).toBe(opsBefore);
  });

  it('detaches an edited occurrence from its series, and takes an unscheduled post back to draft', async () => {
    const { atelier, paris } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Hebdo', at: '2027-03-08T09:00', status: 'scheduled' });
    const series = await atelier.call('calendar.repeat', { id: post.id, rule: 'FREQ=WEEKLY', count: 3 });
    const second = series.posts[1]!;
    await atelier.call('posts.update', { id: second.id, at: '2027-03-15T11:00' });
    // Repeating again replaces the occurrences nobody edited, and keeps the one moved by hand.
    const again = await atelier.call('calendar.repeat', { id: post.id, rule: 'FREQ=WEEKLY', count: 3 });
    const kept = await atelier.call('posts.get', { id: second.id });
    expect([kept.deletedAt, kept.localTime]).toEqual([null, '2027-03-15T11:00']);
    expect(again.posts.map((p) => p.localTime)).toEqual(['2027-03-08T09:00', '2027-03-22T09:00']);
    const unscheduled = await atelier.call('posts.update', { id: second.id, at: null });
    expect([unscheduled.localTime, unscheduled.status]).toEqual([null, 'draft']);
  });

  it('never moves a published post', async () => {
    const { atelier, paris } = await setup();
    const post = await atelier.call('posts.create', { clientId: paris.id, title: 'Parue', at: '2027-02-20T09:00', status: 'scheduled' });
    await atelier.call('calendar.markPublished', { id: post.id });
    expect((await failure(atelier.call('posts.update', { id: post.id, at: '2027-03-20T09:00' }))).message).toMatch(/already published/);
  });
});

describe('designs from library photos', () => {
  it('makes one page per photo at the network’s size, each photo covering its page', async () => {
    const { atelier, paris } = await setup();
    const wide = await atelier.call('assets.import', { name: 'four-by-three.png', bytes: (await png(400, 300)), clientId: paris.id });
    const tall = await atelier.call('assets.import', { name: 'tall.png', bytes: (await png(300, 600)), clientId: paris.id });
    const design = await atelier.call('designs.fromPhotos', { clientId: paris.id, preset: 'instagram-portrait', assetIds: [wide.asset.id, tall.asset.id], name: 'Vitrine' });
    expect([design.name, design.width, design.height, design.pages, design.clientId]).toEqual(['Vitrine', 1080, 1350, 2, paris.id]);
    const doc = design.document as { pages: { elements: { type: string; assetId: string; width: number; height: number; crop: { x: number; y: number; width: number; height: number } }[] }[] };
    const [first, second] = doc.pages.map((p) => p.elements[0]!);
    expect([first!.assetId, first!.width, first!.height]).toEqual([wide.asset.id, 1080, 1350]);
    // 4:3 into 4:5: the middle 60 % of the width, the whole height.
    expect(first!.crop.width).toBeCloseTo(0.6, 5);
    expect(first!.crop.x).toBeCloseTo(0.2, 5);
    expect(first!.crop.height).toBe(1);
    // 1:2 into 4:5: the whole width, the middle 62.5 % of the height.
    expect(second!.crop.height).toBeCloseTo(0.625, 5);
    expect(second!.crop.y).toBeCloseTo(0.1875, 5);
    // The rendered page is the photo, undistorted: a wide photo's centre fills the portrait page.
    const rendered = await atelier.services.thumbnails.bytes(design.id, 0, (await atelier.call('designs.previews', { ids: [design.id], size: 'large' }))[design.id]![0]!.split('/')[5]!, 'large');
    const meta = await sharp(rendered!).metadata();
    expect([meta.width, meta.height]).toEqual([512, 640]);
  });

  it('refuses a photo that is not in the library, naming it', async () => {
    const { atelier, paris } = await setup();
    const error = await failure(atelier.call('designs.fromPhotos', { clientId: paris.id, preset: 'x-post', assetIds: ['a'.repeat(64)] }));
    expect([error.code, error.message]).toEqual(['not_found', 'No photo aaaaaaaaaaaa… in the library.']);
    expect(await atelier.call('designs.list', {})).toHaveLength(1);
  });
});
