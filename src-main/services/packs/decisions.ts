// decisions.json from a pack's preview page: each post approved or with changes requested, plus a
// comment. Applied through the calendar's workflow (so the status history shows each step, with
// the client's comment as its note); a comment is also kept as a private note on the post.
//
// A decisions file speaks for the client of its pack: a decision about another client's post is
// skipped. Every applied decision is recorded (pack_decisions), so applying the same file again
// changes nothing, and a decision older than one already applied to that post never overrides it.
// Approving follows the workflow's rule: an approved, scheduled or published post keeps its status.
import { readFileSync } from 'node:fs';
import type { DecisionsReport } from '../../contract/api/packs';
import { AtelierError, describeIssues } from '../../contract/errors';
import type { PostStatus } from '../../core/domain/posts';
import { Decisions, DECISIONS_FORMAT, type Decision } from '../../core/packs/manifest';
import { message, type Message } from '../../core/messages';
import { approve, checkTransition, TRANSITIONS } from '../../core/schedule/workflow';
import { fileReadError } from '../../db/storage-errors';
import type { CalendarService } from '../calendar';
import type { Library } from '../library';
import { parseJsonText } from './json-text';

/** The shortest chain of allowed steps from one status to another (e.g. draft → in_review → changes_requested). */
export function workflowPath(from: PostStatus, to: PostStatus, context: { approvalMode: 'none' | 'required'; hasTime: boolean }): PostStatus[] | null {
  const seen = new Set<PostStatus>([from]);
  let frontier: PostStatus[][] = [[from]];
  for (let depth = 0; depth < 4; depth++) {
    const next: PostStatus[][] = [];
    for (const path of frontier) {
      const last = path[path.length - 1]!;
      for (const step of TRANSITIONS[last]) {
        if (seen.has(step) || step === 'cancelled' || !checkTransition(last, step, context).ok) continue;
        const chain = [...path, step];
        if (step === to) return chain.slice(1);
        seen.add(step);
        next.push(chain);
      }
    }
    frontier = next;
  }
  return null;
}

export function parseDecisions(text: string, name: string): Decisions {
  let raw: unknown;
  try {
    raw = parseJsonText(text);
  } catch (error) {
    // Where it breaks, never what it says: the file could be anything.
    throw new AtelierError('invalid_input', `${name} is not valid JSON (${(error as Error).message}). Nothing was changed.`, { file: name }, { key: 'decisions.notJson', params: { file: name } });
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== DECISIONS_FORMAT) {
    throw new AtelierError(
      'invalid_input',
      `${name} is not a decisions file from an Atelier pack (its "format" is not "${DECISIONS_FORMAT}"). Nothing was changed.`,
      { file: name },
      { key: 'decisions.wrongFormat', params: { file: name } },
    );
  }
  const parsed = Decisions.safeParse(raw);
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0]!;
    throw new AtelierError('invalid_input', `${name} is invalid at ${first.path}: ${first.message}. Nothing was changed.`, { file: name, issues: describeIssues(parsed.error) }, { key: 'decisions.invalid', params: { file: name } });
  }
  return parsed.data;
}

export function applyDecisions(lib: Library, calendar: CalendarService, input: { file?: string; text?: string }): DecisionsReport {
  let text = input.text;
  const name = input.file ?? 'decisions.json';
  if (input.file !== undefined) {
    try {
      text = readFileSync(input.file, 'utf8');
    } catch (error) {
      throw fileReadError(error, input.file);
    }
  }
  const decisions = parseDecisions(text ?? '', name);
  const packClient = decisions.client;
  const report: DecisionsReport = { applied: [], skipped: [] };
  const skip = (postId: string, title: string, reason: Message) => report.skipped.push({ postId, title, reason });

  // Plan every decision before changing anything. The newest decision about a post wins when a file
  // holds several.
  type Planned = { postId: string; title: string; from: PostStatus; to: PostStatus; steps: PostStatus[]; comment: string; note: Message; decision: Decision; decidedMs: number };
  const plan: Planned[] = [];
  const ordered = [...decisions.decisions].sort((a, b) => Date.parse(a.decidedAt) - Date.parse(b.decidedAt));
  const latest = new Map(ordered.map((d) => [d.postId, d]));
  for (const d of ordered) {
    if (latest.get(d.postId) !== d) continue;
    const row = lib.posts.get(d.postId);
    if (!row || row.deleted_at !== null) {
      skip(d.postId, '', message('decisions.noSuchPost', undefined, 'no such post in this library'));
      continue;
    }
    if (row.client_id !== packClient.id) {
      skip(row.id, row.title, message('decisions.otherClient', { client: packClient.name }, `it belongs to another client, not to ${packClient.name} whose pack this decisions file answers`));
      continue;
    }
    const decidedMs = Date.parse(d.decidedAt);
    const newest = calendar.records.latestDecision(row.id);
    if (newest && newest.decided_at === decidedMs) {
      skip(row.id, row.title, message('decisions.alreadyApplied', { appliedAt: new Date(newest.applied_at).toISOString() }, `this decision was already applied on ${new Date(newest.applied_at).toISOString()}`));
      continue;
    }
    if (newest && newest.decided_at > decidedMs) {
      skip(row.id, row.title, message('decisions.newerApplied', { decidedAt: new Date(newest.decided_at).toISOString() }, `a newer decision (${new Date(newest.decided_at).toISOString()}) was already applied`));
      continue;
    }
    const client = lib.clients.get(row.client_id)!;
    const from = row.status as PostStatus;
    const to = d.decision === 'approve' ? approve(from) : 'changes_requested';
    const comment = d.comment.trim();
    const verdict = d.decision === 'approve' ? 'approved' : 'changes requested';
    const note = message(
      d.decision === 'approve' ? 'decisions.noteApproved' : 'decisions.noteChangesRequested',
      { client: packClient.name, decidedAt: d.decidedAt, comment },
      `Client decision (${packClient.name}, ${d.decidedAt}): ${verdict}${comment ? ` — ${comment}` : ''}`,
    );
    if (from === to) {
      plan.push({ postId: row.id, title: row.title, from, to, steps: [], comment, note, decision: d, decidedMs });
      continue;
    }
    const steps = workflowPath(from, to, { approvalMode: client.approval_mode, hasTime: row.scheduled_at !== null });
    if (!steps) {
      skip(row.id, row.title, message('decisions.cannotBecome', { fromStatus: from, toStatus: to }, `a ${from.replace('_', ' ')} post cannot become ${to.replace('_', ' ')}`));
      continue;
    }
    plan.push({ postId: row.id, title: row.title, from, to, steps, comment, note, decision: d, decidedMs });
  }

  // One transaction: every decision applies, or none does.
  lib.write(() => {
    const now = lib.clock.now();
    for (const p of plan) {
      for (const step of p.steps) calendar.setStatus(p.postId, step, p.note);
      if (p.comment) calendar.notes.add(p.postId, p.note);
      calendar.records.addDecision({ post_id: p.postId, client_id: packClient.id, decided_at: p.decidedMs, decision: p.decision.decision, applied_at: now });
    }
  });
  for (const p of plan) report.applied.push({ postId: p.postId, title: p.title, from: p.from, to: p.to, comment: p.comment });
  return report;
}
