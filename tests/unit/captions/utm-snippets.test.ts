import { describe, expect, it } from 'vitest';
import { addUtm, defaultUtm, expandSnippet, listLinks, slashQuery, tagLinks, unknownVariables } from '../../../src-main/core/captions';

describe('UTM builder', () => {
  it('keeps existing parameters and the fragment, and never overwrites a UTM already there', () => {
    expect(addUtm('https://shop.fr/p?id=4#reviews', { source: 'instagram', medium: 'social', campaign: 'Spring Launch 2026' })).toBe(
      'https://shop.fr/p?id=4&utm_source=instagram&utm_medium=social&utm_campaign=spring_launch_2026#reviews',
    );
    expect(addUtm('https://shop.fr/?utm_source=newsletter', { source: 'x' })).toBe('https://shop.fr/?utm_source=newsletter');
  });
  it('uses each network as the default source', () => {
    expect(defaultUtm('linkedin', { campaign: 'c' })).toEqual({ source: 'linkedin', medium: 'social', campaign: 'c' });
    expect(addUtm('https://a.fr', defaultUtm('bluesky'))).toBe('https://a.fr/?utm_source=bluesky&utm_medium=social');
  });
  it('tags every link of a caption and lists them, bare domains included', () => {
    const text = 'New: https://a.fr/x and shop.fr.';
    expect(listLinks(text, { source: 'x' }).map((l) => l.original)).toEqual(['https://a.fr/x', 'shop.fr']);
    expect(tagLinks(text, { source: 'x' })).toBe('New: https://a.fr/x?utm_source=x and shop.fr/?utm_source=x.');
  });
  it('leaves something that is not a web link alone', () => {
    expect(addUtm('mailto:a@b.fr', { source: 'x' })).toBe('mailto:a@b.fr');
  });
});

describe('snippets', () => {
  it('fills {{client}}, {{date}} and {{link}}, and leaves unknown or empty ones visible', () => {
    expect(expandSnippet('{{client}} · {{ date }} · {{link}} · {{price}}', { client: 'Maison', date: '3 Dec', link: '' })).toBe(
      'Maison · 3 Dec · {{link}} · {{price}}',
    );
    expect(unknownVariables('{{client}} {{price}}')).toEqual(['price']);
  });
  it('finds the /word being typed at the caret', () => {
    expect(slashQuery('Hello /sig', 10)).toEqual({ start: 6, query: 'sig' });
    expect(slashQuery('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashQuery('https://a.fr/x', 14)).toBeNull();
  });
});
