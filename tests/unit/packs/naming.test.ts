// Names and pages of a pack's (and "Reveal images"') files.
import { describe, expect, it } from 'vitest';
import { imageBaseName, uniqueNamer, variantPages } from '../../../src-main/core/packs/naming';

describe('pack naming', () => {
  it('names images by local date, slug, network and carousel page, unique within a pack', () => {
    expect(imageBaseName({ localDate: '2026-12-03', title: 'Galette des rois !', network: 'instagram', page: 2 })).toBe('2026-12-03_galette-des-rois_instagram_2');
    expect(imageBaseName({ localDate: null, title: '', network: 'x' })).toBe('unscheduled_post_x');
    const name = uniqueNamer();
    expect([name('a', 'png'), name('A', 'png'), name('a', 'txt')]).toEqual(['a.png', 'A-2.png', 'a.txt']);
  });

  it('publishes every page of a carousel, or the one page a variant points at, and nothing for a page that does not exist', () => {
    expect(variantPages(3, null)).toEqual([0, 1, 2]);
    expect(variantPages(3, undefined)).toEqual([0, 1, 2]);
    expect(variantPages(3, 1)).toEqual([1]);
    expect(variantPages(3, 3)).toBeNull();
  });
});
