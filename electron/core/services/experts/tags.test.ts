import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { facetTag, tagFilter } from './tags';

describe('facet tags', () => {
  it('are single words the tokenizer keeps whole', () => {
    expect(facetTag('country', 'VN')).toBe('xcvn');
    expect(facetTag('expertise', 'hrm.recruitment.computer-assisted-testing')).toBe('xehrmzdrecruitmentzdcomputerzhassistedzhtesting');
    fc.assert(
      fc.property(fc.string(), (v) => {
        expect(facetTag('expertise', v)).toMatch(/^[a-z0-9]+$/);
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
  it('build an OR within a facet and an AND across facets, leaving one out on request', () => {
    const filters = { country: ['VN', 'TH'] as ('VN' | 'TH')[], expertise: ['hrm'], language: [], status: [] };
    expect(tagFilter(filters)).toBe('tags : ("xcvn" OR "xcth") AND tags : ("xehrm")');
    expect(tagFilter(filters, 'country')).toBe('tags : ("xehrm")');
    expect(tagFilter({ country: [], expertise: [], language: [], status: [] })).toBeNull();
  });
});
