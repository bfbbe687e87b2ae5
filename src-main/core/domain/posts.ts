// The post workflow and the networks Atelier writes for. Plain data, shared by every layer.

/** Workflow order as the calendar shows it; failed, missed and cancelled sit outside the happy path. */
export const POST_STATUSES = [
  'idea',
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'failed',
  'missed',
  'cancelled',
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const NETWORKS = [
  'x',
  'bluesky',
  'threads',
  'mastodon',
  'instagram',
  'facebook',
  'linkedin',
  'tiktok',
  'pinterest',
  'youtube',
] as const;
export type NetworkId = (typeof NETWORKS)[number];

export function isPostStatus(value: string): value is PostStatus {
  return (POST_STATUSES as readonly string[]).includes(value);
}

export function isNetworkId(value: string): value is NetworkId {
  return (NETWORKS as readonly string[]).includes(value);
}
