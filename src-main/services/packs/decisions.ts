// decisions.json from a pack's preview page: each post approved or with changes requested, plus a
// comment. Applied through the calendar's workflow (so the status history shows each step, with
// the client's comment as its note); a comment is also kept as a private note on the post.
import { readFileSync } from 'node:fs';
import type { DecisionsReport } from '../../contract/api/packs';
import { AtelierError, describeIssues } from '../../contract/errors';
import type { PostStatus } from '../../core/domain/posts';
import { Decisions, DECISIONS_FORMAT } from '../../core/packs/manifest';
import { checkTransition, TRANSITIONS } from '../../core/schedule/workflow';
import type { CalendarService } from '../calendar';
import type { Library } from '../library';
import { parseJsonText } from './json-text';

const TARGET = { approve: 'approved', changes_requested: 'changes_requested' } as const;

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
    throw new AtelierError('invalid_input', `${name} is not valid JSON (${(error as Error).message}). Nothing was changed.`, { file: name });
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== DECISIONS_FORMAT) throw new AtelierError('invalid_input', `${name} is not a decisions file from an Atelier pack (its "format" is not "${DECISIONS_FORMAT}"). Nothing was changed.`, { file: name });
  const parsed = Decisions.safeParse(raw);
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0]!;
    throw new AtelierError('invalid_input', `${name} is invalid at ${first.path}: ${first.message}. Nothing was changed.`, { file: name, issues: describeIssues(parsed.error) });
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
      throw new AtelierError('io_error', `Cannot read ${input.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { file: input.file });
    }
  }
  const decisions = parseDecisions(text ?? '', name);
  const report: DecisionsReport = { applied: [], skipped: [] };

  // Plan every decision before changing anything.
  const plan: { postId: string; title: string; from: PostStatus; to: PostStatus; steps: PostStatus[]; comment: string; note: string }[] = [];
  for (const d of decisions.decisions) {
    const row = lib.posts.get(d.postId);
    if (!row || row.deleted_at !== null) {
      report.skipped.push({ postId: d.postId, title: '', reason: 'no such post in this library' });
      continue;
    }
    const client = lib.clients.get(row.client_id)!;
    const from = row.status as PostStatus;
    const to = TARGET[d.decision];
    const comment = d.comment.trim();
    const note = `Client decision (${decisions.client.name}, ${d.decidedAt}): ${d.decision === 'approve' ? 'approved' : 'changes requested'}${comment ? ` — ${comment}` : ''}`;
    if (from === to) {
      plan.push({ postId: row.id, title: row.title, from, to, steps: [], comment, note });
      continue;
    }
    const steps = workflowPath(from, to, { approvalMode: client.approval_mode, hasTime: row.scheduled_at !== null });
    if (!steps) {
      report.skipped.push({ postId: row.id, title: row.title, reason: `a ${from.replace('_', ' ')} post cannot become ${to.replace('_', ' ')}` });
      continue;
    }
    plan.push({ postId: row.id, title: row.title, from, to, steps, comment, note });
  }

  // One transaction: every decision applies, or none does.
  lib.write(() => {
    for (const p of plan) {
      for (const step of p.steps) calendar.setStatus(p.postId, step, p.note.slice(0, 2000));
      if (p.comment) calendar.notes.add(p.postId, p.note);
    }
  });
  for (const p of plan) report.applied.push({ postId: p.postId, title: p.title, from: p.from, to: p.to, comment: p.comment });
  return report;
}
