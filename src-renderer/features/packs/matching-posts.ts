import type { Post } from '../../../src-main/contract';
import type { PostStatus } from '../../../src-main/core/domain/posts';

/** The posts an export takes, as the service chooses them: the client's local days, then statuses. */
export function matchingPosts(posts: readonly Post[], filter: { from: string; to: string; statuses: readonly PostStatus[] }): Post[] {
  const dated = Boolean(filter.from || filter.to);
  return posts
    .filter((p) => {
      if (p.deletedAt) return false;
      const day = p.localTime?.slice(0, 10) ?? null;
      if (day === null) return !dated;
      return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
    })
    .filter((p) => filter.statuses.length === 0 || filter.statuses.includes(p.status))
    .sort((a, b) => (a.scheduledAt ?? '\uffff').localeCompare(b.scheduledAt ?? '\uffff') || a.title.localeCompare(b.title));
}
