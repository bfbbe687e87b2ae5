import { findPreset } from '../../../src-main/core/design';
import { networkForPlatform } from '../../../src-main/core/posts/media-rules';
import type { ComposerRequest } from '../../app/store';
import type { HostClient } from '../../host/client';
import { draftFromPost, duplicateDraft, newDraft, storedDraft, type PostDraft } from './draft';

/** The draft a request starts from (an existing post, a new one, a copy, or the one kept during a design trip). */
export async function startingDraft(request: ComposerRequest, host: HostClient, context: { clientId: string | null; copyTitle(title: string): string }): Promise<PostDraft> {
  if (request.kind === 'edit') return draftFromPost(await host.invoke('posts.get', { id: request.postId }));
  if (request.kind === 'resume') {
    const kept = storedDraft();
    if (kept) return kept;
    return newDraft({ clientId: context.clientId });
  }
  if (request.duplicateOf) {
    const source = draftFromPost(await host.invoke('posts.get', { id: request.duplicateOf }));
    return duplicateDraft(source, context.copyTitle(source.title));
  }
  if (request.designId) {
    // "Schedule this design": the design's client, the network its size was made for, its name as the title.
    const design = await host.invoke('designs.get', { id: request.designId });
    const network = networkForPlatform(findPreset(design.preset)?.platform);
    return newDraft({
      clientId: design.clientId ?? request.clientId ?? context.clientId,
      title: design.name,
      date: request.date,
      time: request.time,
      networks: network ? [network] : [],
      designId: design.id,
    });
  }
  return newDraft({ clientId: request.clientId ?? context.clientId, date: request.date, time: request.time });
}
