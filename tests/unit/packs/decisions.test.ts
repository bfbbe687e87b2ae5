// A client's decisions.json never gets a decision wrong: approving a scheduled post keeps it
// scheduled (the workflow's own rule, the same in posts.update and the status menu), the same file
// applied twice changes nothing the second time, an older decision never overrides a newer one, and
// a file from client A's pack cannot touch client B's posts.
import { afterEach, describe, expect, it } from 'vitest';
import { approve, nextStatuses } from '../../../src-main/core/schedule/workflow';
import { testAtelier } from '../../helpers/app';

const envs: ReturnType<typeof testAtelier>[] = [];
afterEach(() => {
  for (const env of envs.splice(0)) env.cleanup();
});

async function library() {
  const env = testAtelier({ start: Date.parse('2026-11-20T12:00:00Z') });
  envs.push(env);
  const { atelier } = env;
  const a = await atelier.call('clients.create', { name: 'Atelier A', timeZone: 'Europe/Paris' });
  const b = await atelier.call('clients.create', { name: 'Brasserie B', timeZone: 'Europe/Paris' });
  const post = (clientId: string, title: string, status: 'in_review' | 'scheduled' | 'approved', at = '2026-12-05T10:00') =>
    atelier.call('posts.create', { clientId, title, status, at, caption: title, networks: ['instagram'] });
  return {
    atelier,
    a,
    b,
    scheduled: await post(a.id, 'Calendrier de l’Avent', 'scheduled'),
    review: await post(a.id, 'Bûche', 'in_review'),
    approved: await post(a.id, 'Macarons', 'approved'),
    other: await post(b.id, 'Choucroute', 'in_review'),
  };
}

function decisionsFile(client: { id: string; name: string }, decisions: { postId: string; decision: 'approve' | 'changes_requested'; comment?: string; decidedAt: string }[]) {
  return JSON.stringify({
    format: 'atelier-pack-decisions',
    version: 1,
    packCreatedAt: '2026-11-20T09:00:00.000Z',
    client,
    decisions: decisions.map((d) => ({ comment: '', ...d })),
  });
}

describe('the workflow rule: approval is never a step back', () => {
  it('approve() keeps approved, scheduled and published posts where they are', () => {
    expect(approve('in_review')).toBe('approved');
    expect(approve('draft')).toBe('approved');
    expect(approve('approved')).toBe('approved');
    expect(approve('scheduled')).toBe('scheduled');
    expect(approve('published')).toBe('published');
    // The status menu of a scheduled post no longer offers "approved" (it would unschedule it).
    expect(nextStatuses('scheduled', { approvalMode: 'none', hasTime: true })).not.toContain('approved');
  });

  it('posts.update and the status menu approving a scheduled post leave it scheduled, with no history entry', async () => {
    const { atelier, scheduled } = await library();
    expect((await atelier.call('posts.update', { id: scheduled.id, status: 'approved' })).status).toBe('scheduled');
    expect((await atelier.call('calendar.setStatus', { id: scheduled.id, status: 'approved' })).status).toBe('scheduled');
    expect(await atelier.call('calendar.statusHistory', { id: scheduled.id })).toEqual([]);
  });
});

describe('applying decisions.json', () => {
  it('approving a scheduled post keeps it scheduled; the comment is kept once', async () => {
    const { atelier, a, scheduled, review } = await library();
    const text = decisionsFile(a, [
      { postId: scheduled.id, decision: 'approve', comment: 'Parfait', decidedAt: '2026-11-21T10:00:00.000Z' },
      { postId: review.id, decision: 'approve', decidedAt: '2026-11-21T10:01:00.000Z' },
    ]);
    const report = await atelier.call('packs.applyDecisions', { text });
    expect(report.applied.map((r) => [r.title, r.from, r.to])).toEqual([
      ['Calendrier de l’Avent', 'scheduled', 'scheduled'],
      ['Bûche', 'in_review', 'approved'],
    ]);
    expect((await atelier.call('posts.get', { id: scheduled.id })).status).toBe('scheduled');
    expect((await atelier.call('posts.get', { id: review.id })).status).toBe('approved');
    const notes = await atelier.call('calendar.notes.list', { postId: scheduled.id });
    expect(notes).toHaveLength(1);
    // The note is Atelier's sentence, kept translatable, with the client's own words inside.
    expect(notes[0]!.message).toMatchObject({ key: 'decisions.noteApproved', params: { client: 'Atelier A', comment: 'Parfait', decidedAt: '2026-11-21T10:00:00.000Z' } });
    expect(notes[0]!.body).toBe('Client decision (Atelier A, 2026-11-21T10:00:00.000Z): approved — Parfait');
  });

  it('the same file twice changes nothing the second time: no second comment, no "approved → approved"', async () => {
    const { atelier, a, review } = await library();
    const text = decisionsFile(a, [{ postId: review.id, decision: 'approve', comment: 'Oui !', decidedAt: '2026-11-21T10:00:00.000Z' }]);
    await atelier.call('packs.applyDecisions', { text });
    const history = await atelier.call('calendar.statusHistory', { id: review.id });
    const again = await atelier.call('packs.applyDecisions', { text });
    expect(again.applied).toEqual([]);
    expect(again.skipped.map((s) => [s.title, s.reason.key])).toEqual([['Bûche', 'decisions.alreadyApplied']]);
    expect(await atelier.call('calendar.statusHistory', { id: review.id })).toEqual(history);
    expect(history.map((h) => [h.from, h.to])).toEqual([['in_review', 'approved']]);
    expect(await atelier.call('calendar.notes.list', { postId: review.id })).toHaveLength(1);
  });

  it('an older decision never overrides a newer one already applied; within one file the newest wins', async () => {
    const { atelier, a, review } = await library();
    const newer = decisionsFile(a, [{ postId: review.id, decision: 'approve', decidedAt: '2026-11-22T10:00:00.000Z' }]);
    const older = decisionsFile(a, [{ postId: review.id, decision: 'changes_requested', comment: 'Non', decidedAt: '2026-11-21T10:00:00.000Z' }]);
    await atelier.call('packs.applyDecisions', { text: newer });
    const report = await atelier.call('packs.applyDecisions', { text: older });
    expect(report.skipped.map((s) => s.reason.key)).toEqual(['decisions.newerApplied']);
    expect((await atelier.call('posts.get', { id: review.id })).status).toBe('approved');

    const { atelier: again, a: a2, review: review2 } = await library();
    const both = decisionsFile(a2, [
      { postId: review2.id, decision: 'approve', decidedAt: '2026-11-22T10:00:00.000Z' },
      { postId: review2.id, decision: 'changes_requested', decidedAt: '2026-11-21T10:00:00.000Z' },
    ]);
    const single = await again.call('packs.applyDecisions', { text: both });
    expect(single.applied.map((r) => r.to)).toEqual(['approved']);
  });

  it('a file from client A’s pack cannot change client B’s post', async () => {
    const { atelier, a, other, review } = await library();
    const text = decisionsFile(a, [
      { postId: other.id, decision: 'approve', decidedAt: '2026-11-21T10:00:00.000Z' },
      { postId: review.id, decision: 'changes_requested', comment: 'Plus grand', decidedAt: '2026-11-21T10:01:00.000Z' },
    ]);
    const report = await atelier.call('packs.applyDecisions', { text });
    expect(report.skipped).toEqual([{ postId: other.id, title: 'Choucroute', reason: expect.objectContaining({ key: 'decisions.otherClient', params: { client: 'Atelier A' } }) }]);
    expect((await atelier.call('posts.get', { id: other.id })).status).toBe('in_review');
    expect(await atelier.call('calendar.notes.list', { postId: other.id })).toEqual([]);
    expect((await atelier.call('posts.get', { id: review.id })).status).toBe('changes_requested');
  });
});
