// The caption measure written into a pack's manifest: exactly what the caption writer shows,
// through the one measuring function of src-main/core/captions.
import type { z } from 'zod';
import { measureCaption } from '../../core/captions';
import type { NetworkId } from '../../core/domain/posts';
import type { PackMeasure } from '../../core/packs/manifest';

export function measureForPack(text: string, network: NetworkId): z.infer<typeof PackMeasure> {
  const m = measureCaption(text, network);
  return { length: m.length, limit: m.limit, remaining: m.remaining, valid: m.valid, unit: m.unit };
}
