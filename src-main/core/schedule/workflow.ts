// The post workflow: which status may follow which, and the per-client approval gate.
// Pure: the calendar greys out what the services would refuse, with the same reasons.
import type { PostStatus } from '../domain/posts';
import { message, type Message } from '../messages';

export type ApprovalMode = 'none' | 'required';

/**
 * Allowed next statuses. Published is final; undo restores earlier states through history, not here.
 * Approval is never a step back: a scheduled post is past approval, so it cannot "become approved"
 * (see `approve`); to take it off the schedule, move it back to draft.
 */
export const TRANSITIONS: Readonly<Record<PostStatus, readonly PostStatus[]>> = {
  idea: ['draft', 'cancelled'],
  draft: ['idea', 'in_review', 'approved', 'scheduled', 'cancelled'],
  in_review: ['draft', 'changes_requested', 'approved', 'cancelled'],
  changes_requested: ['draft', 'in_review', 'cancelled'],
  approved: ['draft', 'in_review', 'scheduled', 'cancelled'],
  scheduled: ['draft', 'published', 'failed', 'missed', 'cancelled'],
  published: [],
  failed: ['draft', 'scheduled', 'published', 'cancelled'],
  missed: ['draft', 'scheduled', 'published', 'cancelled'],
  cancelled: ['idea', 'draft'],
};

export type TransitionProblem =
  | 'same_status'
  | 'not_allowed'
  | 'needs_approval'
  | 'needs_time'
  | 'published_is_final';

export interface TransitionContext {
  approvalMode: ApprovalMode;
  /** Whether the post has a date and time (scheduling needs one). */
  hasTime: boolean;
}

export type TransitionCheck = { ok: true } | { ok: false; problem: TransitionProblem };

export function checkTransition(from: PostStatus, to: PostStatus, context: TransitionContext): TransitionCheck {
  if (from === to) return { ok: false, problem: 'same_status' };
  if (from === 'published') return { ok: false, problem: 'published_is_final' };
  if (!TRANSITIONS[from].includes(to)) return { ok: false, problem: 'not_allowed' };
  if (to === 'scheduled') {
    if (!context.hasTime) return { ok: false, problem: 'needs_time' };
    // With approval required, only an approved post (or one that was already scheduled once and
    // failed or was missed) may be scheduled; a draft must go through review first.
    if (context.approvalMode === 'required' && from === 'draft') return { ok: false, problem: 'needs_approval' };
  }
  return { ok: true };
}

/** Statuses that already carry an approval: approving such a post again changes nothing. */
export const APPROVED_OR_LATER: readonly PostStatus[] = ['approved', 'scheduled', 'published'];

/**
 * What approving a post does, wherever it happens (the status menu, `posts.update`, a client's
 * decision in a pack): a post not yet approved becomes approved; an approved, scheduled or published
 * one keeps its status — approving a scheduled post leaves it scheduled.
 */
export function approve(from: PostStatus): PostStatus {
  return APPROVED_OR_LATER.includes(from) ? from : 'approved';
}

/** Only posts ready to publish are handed to a scheduler (Hootsuite, Publer files). */
export const READY_TO_PUBLISH: readonly PostStatus[] = ['approved', 'scheduled'];

/** Statuses a post may move to now, for menus. */
export function nextStatuses(from: PostStatus, context: TransitionContext): PostStatus[] {
  return TRANSITIONS[from].filter((to) => checkTransition(from, to, context).ok);
}

/** Statuses whose posts are waiting for their time to come (due reminders and "missed"). */
export const AWAITING_PUBLICATION: readonly PostStatus[] = ['scheduled'];

/** Statuses that count on the calendar as planned content (for gap and spacing warnings). */
export const PLANNED_STATUSES: readonly PostStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published'];

const PROBLEM_KEYS: Record<TransitionProblem, { key: string }> = {
  same_status: { key: 'workflow.sameStatus' },
  published_is_final: { key: 'workflow.publishedIsFinal' },
  needs_approval: { key: 'workflow.needsApproval' },
  needs_time: { key: 'workflow.needsTime' },
  not_allowed: { key: 'workflow.notAllowed' },
};

/** Why a post (by its title) cannot make this move: English text, and a key the renderer translates. */
export function describeProblem(problem: TransitionProblem, title: string, from: PostStatus, to: PostStatus): Message {
  const params = { title, fromStatus: from, toStatus: to };
  const text = (() => {
    switch (problem) {
      case 'same_status':
        return `The post is already ${from}.`;
      case 'published_is_final':
        return 'A published post cannot change status.';
      case 'needs_approval':
        return 'This client requires approval before scheduling: approve the post first.';
      case 'needs_time':
        return 'Give the post a date and time before scheduling it.';
      case 'not_allowed':
        return `A post cannot go from ${from} to ${to}.`;
    }
  })();
  return message(PROBLEM_KEYS[problem].key, params, `"${title}": ${text}`);
}
