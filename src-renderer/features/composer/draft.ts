// The composer's working copy of a post: plain data, edited locally and written in one Save. Kept in
// sessionStorage while open, so a trip to the editor ("New design") or a reload comes back to it.
import type { In, Post } from '../../../src-main/contract';
import { NETWORKS, type NetworkId, type PostStatus } from '../../../src-main/core/domain/posts';
import { nextStatuses, type ApprovalMode } from '../../../src-main/core/schedule/workflow';

export interface NetworkDraft {
  network: NetworkId;
  /** True while this network's caption is the master's. */
  followsMaster: boolean;
  caption: string;
  designId: string | null;
  /** One page of the design, or null for all its pages (a carousel). */
  pageIndex: number | null;
  firstComment: string;
}

export interface PostDraft {
  /** The post being edited; null for a new one. */
  postId: string | null;
  clientId: string | null;
  title: string;
  /** The client's wall-clock day and time; an empty date means "not scheduled". */
  date: string;
  time: string;
  status: PostStatus;
  /** The status stored now (what the workflow starts from); null for a new post. */
  savedStatus: PostStatus | null;
  labels: string[];
  campaign: string;
  master: string;
  /** In the order networks are listed everywhere (NETWORKS). */
  networks: NetworkDraft[];
}

export const DEFAULT_TIME = '09:00';

export function emptyNetwork(network: NetworkId, master: string): NetworkDraft {
  return { network, followsMaster: true, caption: master, designId: null, pageIndex: null, firstComment: '' };
}

export function newDraft(init: { clientId: string | null; date?: string; time?: string; title?: string; networks?: NetworkId[]; designId?: string | null }): PostDraft {
  const networks = (init.networks ?? []).map((n) => ({ ...emptyNetwork(n, ''), designId: init.designId ?? null }));
  return {
    postId: null,
    clientId: init.clientId,
    title: init.title ?? '',
    date: init.date ?? '',
    time: init.time ?? (init.date ? DEFAULT_TIME : ''),
    status: 'draft',
    savedStatus: null,
    labels: [],
    campaign: '',
    master: '',
    networks,
  };
}

export function draftFromPost(post: Post): PostDraft {
  const byNetwork = new Map(post.variants.map((v) => [v.network, v]));
  return {
    postId: post.id,
    clientId: post.clientId,
    title: post.title,
    date: post.localTime?.slice(0, 10) ?? '',
    time: post.localTime?.slice(11, 16) ?? '',
    status: post.status,
    savedStatus: post.status,
    labels: [...post.labels],
    campaign: post.campaign,
    master: post.caption,
    networks: NETWORKS.filter((n) => byNetwork.has(n)).map((n) => {
      const v = byNetwork.get(n)!;
      return { network: n, followsMaster: v.followsMaster, caption: v.followsMaster ? post.caption : v.caption, designId: v.designId, pageIndex: v.pageIndex, firstComment: v.firstComment };
    }),
  };
}

/** A copy of a post as a new, unscheduled draft ("Duplicate"), titled by the caller. */
export function duplicateDraft(draft: PostDraft, title: string): PostDraft {
  return { ...draft, postId: null, title, status: 'draft', savedStatus: null, date: '', time: '', networks: draft.networks.map((n) => ({ ...n })), labels: [...draft.labels] };
}

/** Adds or removes a network, keeping the list in NETWORKS order. */
export function toggleNetwork(draft: PostDraft, network: NetworkId, on: boolean): PostDraft {
  const others = draft.networks.filter((n) => n.network !== network);
  const list = on ? [...others, draft.networks.find((n) => n.network === network) ?? emptyNetwork(network, draft.master)] : others;
  return { ...draft, networks: NETWORKS.flatMap((n) => list.filter((d) => d.network === n)) };
}

/** The text a network will publish. */
export function textFor(draft: PostDraft, network: NetworkDraft): string {
  return network.followsMaster ? draft.master : network.caption;
}

export const wallClock = (draft: PostDraft): string | null => (draft.date ? `${draft.date}T${draft.time || DEFAULT_TIME}` : null);

function variantsOf(draft: PostDraft): NonNullable<In<'posts.create'>['variants']> {
  return draft.networks.map((n) => ({
    network: n.network,
    caption: n.followsMaster ? null : n.caption,
    designId: n.designId,
    pageIndex: n.designId ? n.pageIndex : null,
    firstComment: n.firstComment,
  }));
}

export function createInput(draft: PostDraft, fallbackTitle: string): In<'posts.create'> {
  const at = wallClock(draft);
  return {
    clientId: draft.clientId!,
    title: draft.title.trim() || fallbackTitle,
    status: draft.status,
    ...(at ? { at } : {}),
    caption: draft.master,
    variants: variantsOf(draft),
    labels: draft.labels,
    campaign: draft.campaign.trim(),
  };
}

export function updateInput(draft: PostDraft, fallbackTitle: string): In<'posts.update'> {
  return {
    id: draft.postId!,
    title: draft.title.trim() || fallbackTitle,
    ...(draft.status !== draft.savedStatus ? { status: draft.status } : {}),
    at: wallClock(draft),
    caption: draft.master,
    variants: variantsOf(draft),
    labels: draft.labels,
    campaign: draft.campaign.trim(),
  };
}

const STORAGE_KEY = 'atelier.composer.draft';

export function storeDraft(draft: PostDraft | null): void {
  try {
    if (draft) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private windows may refuse storage: the composer still works, it just cannot survive a reload.
  }
}

export function storedDraft(): PostDraft | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as PostDraft;
    return value && typeof value === 'object' && Array.isArray(value.networks) && typeof value.title === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The statuses the composer offers: the stored one and what the workflow allows from it now. */
export function statusChoices(draft: PostDraft, approvalMode: ApprovalMode): PostStatus[] {
  const from = draft.savedStatus ?? 'draft';
  const next = nextStatuses(from, { approvalMode, hasTime: Boolean(draft.date) });
  // A new post is planned, not cancelled; it can be an idea, a draft, in review, approved or scheduled.
  const allowed = draft.savedStatus === null ? next.filter((s) => s !== 'cancelled') : next;
  return [from, ...allowed];
}
