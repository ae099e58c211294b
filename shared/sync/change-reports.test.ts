import { describe, expect, it } from 'vitest';
import { checkReceivedChange, knownEntityFields } from './change';

const base = { origin: 'b0b0b0b0b0b0b0b0', seq: 1, hlc: '001700000000000-000000', actor: 'budi', op: 'put' };
const ID = '01900000-0000-7000-8000-00000000c000';
const REV = '01900000-0000-7000-8000-00000000f001';
const put = (entity: string, fields: Record<string, unknown>) => checkReceivedChange({ ...base, entity, id: ID, fields });

describe('case studies, stories, interviews and comments in the change check', () => {
  it('knows one field per section and per rating', () => {
    expect(knownEntityFields.case_study).toEqual(expect.arrayContaining(['s_context', 's_sources', 'r_people', 'r_dynamic', 'r_replicability', 'figures', 'indicators']));
    expect(knownEntityFields.story).toEqual(expect.arrayContaining(['s_before', 's_after', 's_change', 's_sources', 'r_inclusive', 'consent', 'anonymised']));
    expect(knownEntityFields.story).not.toContain('r_effectiveness');
    expect(knownEntityFields.interview).toContain('consentToQuote');
    expect(knownEntityFields.report_comment).toEqual(['reportId', 'section', 'text', 'resolved', 'deletedAt']);
  });

  it('checks a section value and a rating value by value', () => {
    expect(put('case_study', { s_context: { text: 'Para one\n\nPara two', rev: REV, parents: [] } })).toEqual({ kind: 'ok' });
    expect(put('case_study', { s_context: { text: 'x'.repeat(20_001), rev: REV, parents: [] } })).toMatchObject({ code: 'INVALID_VALUE' });
    expect(put('case_study', { s_context: { text: 'a\u0000b', rev: REV, parents: [] } })).toMatchObject({ code: 'INVALID_VALUE' });
    expect(put('case_study', { r_people: { rating: 'strong', evidence: 'Seen in results.', sections: ['s_results'] } })).toEqual({ kind: 'ok' });
    // A story's rating cannot point at a case study's section, nor rate outside the scale.
    expect(put('story', { r_people: { rating: 'strong', evidence: '', sections: ['s_results'] } })).toMatchObject({ code: 'INVALID_VALUE' });
    expect(put('story', { r_people: { rating: 'excellent', evidence: '', sections: [] } })).toMatchObject({ code: 'INVALID_VALUE' });
  });

  it('parks a rating or section this version does not know', () => {
    expect(put('case_study', { r_happiness: { rating: 'strong', evidence: '', sections: [] } })).toMatchObject({ kind: 'parked', code: 'UNKNOWN_FIELD' });
    expect(put('story', { r_effectiveness: null })).toMatchObject({ kind: 'parked', code: 'UNKNOWN_FIELD' });
  });

  it('checks a story consent and an interview by value', () => {
    const form = { hash: 'a'.repeat(64), name: 'consent.pdf', mime: 'application/pdf', bytes: 1000 };
    expect(put('story', { consent: { consentedBy: 'Ibu Sari', consentedAt: 1_700_000_000_000, uses: ['mtr'], form } })).toEqual({ kind: 'ok' });
    expect(put('story', { consent: { consentedBy: 'Ibu Sari', consentedAt: 1, uses: [], form } })).toMatchObject({ code: 'INVALID_VALUE' });
    expect(put('interview', { name: 'Dr A', consentToQuote: true, heldAt: 1_700_000_000_000 })).toEqual({ kind: 'ok' });
    expect(put('report_comment', { reportId: ID, section: 's_nowhere', text: 'x', resolved: false })).toMatchObject({ code: 'INVALID_VALUE' });
  });
});
