import { describe, expect, it } from 'vitest';
import { conflictsOf, type ReviewerProfile } from './interest';

const app = {
  givenName: 'Nguyễn Văn',
  familyName: 'An',
  agency: 'Ministry of Home Affairs',
  recommenderName: 'Trần Thị Bích',
  recommenderOrganisation: 'Ministry of Home Affairs',
  declaredConflicts: ['Lim Wei Ling'],
  country: 'VN' as const,
  nominatingCountry: 'VN' as const,
};
const reviewer = (over: Partial<ReviewerProfile>): ReviewerProfile => ({ id: 'r1', name: 'Somchai Jaidee', country: 'TH', agency: 'OCSC', ...over });
const codes = (r: ReviewerProfile, sameCountry = true) => conflictsOf(r, app, { sameCountryConflict: sameCountry }).map((c) => c.code);

describe('conflict of interest', () => {
  it('finds none for an unrelated reviewer from another country', () => {
    expect(codes(reviewer({}))).toEqual([]);
  });
  it('finds the same agency whatever the case and spacing', () => {
    expect(conflictsOf(reviewer({ agency: 'ministry of  HOME affairs' }), app, { sameCountryConflict: false })).toEqual([{ code: 'SAME_AGENCY', detail: 'Ministry of Home Affairs' }]);
  });
  it('finds the recommender across diacritics and name order', () => {
    expect(codes(reviewer({ name: 'Bich Thi Tran' }))).toEqual(['RECOMMENDER']);
  });
  it('finds conflicts either side declared', () => {
    expect(codes(reviewer({ name: 'Lim Wei Ling' }))).toEqual(['DECLARED']);
    expect(codes(reviewer({ declaredConflicts: ['An Nguyen Van'] }))).toEqual(['DECLARED']);
  });
  it('finds the same country only when the secretariat turned the rule on', () => {
    expect(codes(reviewer({ country: 'VN' }))).toEqual(['SAME_COUNTRY']);
    expect(codes(reviewer({ country: 'VN' }), false)).toEqual([]);
  });
  it('does not match an empty agency with an empty agency', () => {
    expect(conflictsOf(reviewer({ agency: '' }), { ...app, agency: '' }, { sameCountryConflict: false })).toEqual([]);
  });
});
