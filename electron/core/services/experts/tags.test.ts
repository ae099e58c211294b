import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchTokens } from '../../../../shared/text/fold';
import { facetTag, tagFilter, TAG_MARK } from './tags';

describe('facet tags', () => {
  it('are single words the tokenizer keeps whole', () => {
    expect(facetTag('country', 'VN')).toBe(`${TAG_MARK}cvn`);
    expect(facetTag('expertise', 'hrm.recruitment.computer-assisted-testing')).toBe(`${TAG_MARK}ehrmzdrecruitmentzdcomputerzhassistedzhtesting`);
    fc.assert(
      fc.property(fc.string(), (v) => {
        expect(facetTag('expertise', v)).toMatch(/^\uE000[a-z0-9]+$/);
      }),
    );
  });
  it('keep distinct values distinct', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        if (a.toLowerCase() !== b.toLowerCase()) expect(facetTag('expertise', a)).not.toBe(facetTag('expertise', b));
      }),
    );
    expect(facetTag('expertise', 'a.b')).not.toBe(facetTag('expertise', 'a-b'));
    expect(facetTag('expertise', 'azd')).not.toBe(facetTag('expertise', 'a.'));
  });
  it('can never be reached by a typed word', () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        for (const word of searchTokens(typed)) expect(word.startsWith(TAG_MARK)).toBe(false);
      }),
    );
    expect(searchTokens(`${TAG_MARK}cvn`)).toEqual(['cvn']);
  });
  it('build an OR within a facet and an AND across facets, leaving one out on request', () => {
    const filters = { country: ['VN', 'TH'] as ('VN' | 'TH')[], expertise: ['hrm'], language: [], status: [] };
    const t = (v: string) => `"${TAG_MARK}${v}"`;
    expect(tagFilter(filters)).toBe(`tags : (${t('cvn')} OR ${t('cth')}) AND tags : (${t('ehrm')})`);
    expect(tagFilter(filters, 'country')).toBe(`tags : (${t('ehrm')})`);
    expect(tagFilter({ country: [], expertise: [], language: [], status: [] })).toBeNull();
  });
});
