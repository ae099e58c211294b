import { describe, expect, it } from 'vitest';
import { applicationDefaults, type ApplicationFields } from './application';
import { precheckEligibility } from './eligibility';

const signature = { signedName: 'Siti Rahma', signedAt: 1 };
const letter = { hash: 'a'.repeat(64), name: 'letter.pdf', mime: 'application/pdf' as const, bytes: 1000 };
const strong: ApplicationFields = {
  ...applicationDefaults,
  givenName: 'Siti',
  country: 'ID',
  nominatingCountry: 'ID',
  applicantType: 'academic',
  source: 'kiosk',
  yearsExperience: 15,
  recommenderName: 'Dr Budi',
  recommenderOrganisation: 'BKN',
  recommenderBody: 'government',
  recommendationLetter: letter,
  declarations: { codeOfConduct: signature, independence: signature, responsibility: null },
  evidence: [{ kind: 'publication', title: 'Merit systems in ASEAN', year: 2020 }],
  languages: [{ code: 'en', proficiency: 'fluent' }],
  speakingExperience: true,
};
const result = (app: ApplicationFields, criterion: string, threshold = 10) =>
  precheckEligibility(app, { yearsThreshold: threshold }).criteria.find((c) => c.criterion === criterion)!;

describe('eligibility pre-check', () => {
  it('finds a complete academic likely eligible, criteria in a fixed order', () => {
    const p = precheckEligibility(strong, { yearsThreshold: 10 });
    expect(p.summary).toBe('likely_eligible');
    expect(p.criteria.map((c) => [c.criterion, c.result, c.required])).toEqual([
      ['experience', 'met', true],
      ['recommendation', 'met', true],
      ['declarations', 'met', true],
      ['publications', 'met', true],
      ['practice', 'not_met', false],
      ['languages', 'met', false],
      ['speaking', 'met', false],
    ]);
  });

  it('compares the years with the threshold the secretariat set, and shows both', () => {
    expect(result(strong, 'experience', 15)).toMatchObject({ result: 'met', seen: { years: 15, threshold: 15 } });
    expect(result(strong, 'experience', 16).result).toBe('not_met');
    expect(result({ ...strong, yearsExperience: null }, 'experience').result).toBe('unknown');
    expect(precheckEligibility(strong, { yearsThreshold: 16 }).summary).toBe('not_eligible');
  });

  it('needs a government or professional body for the recommendation, with its letter', () => {
    expect(result({ ...strong, recommenderBody: 'other' }, 'recommendation').result).toBe('not_met');
    expect(result({ ...strong, recommenderBody: 'professional', recommendationLetter: null }, 'recommendation').result).toBe('unknown');
    expect(result({ ...strong, recommenderBody: null, recommenderName: '', recommenderOrganisation: '' }, 'recommendation').result).toBe('not_met');
  });

  it('needs both the code of conduct and the independence declaration signed', () => {
    expect(result({ ...strong, declarations: { ...strong.declarations, independence: null } }, 'declarations').result).toBe('not_met');
  });

  it('asks publications of academics, certificates or validated events of practitioners, both of "both"', () => {
    const practitioner = { ...strong, applicantType: 'practitioner' as const, evidence: [{ kind: 'event' as const, title: 'ACCSM workshop' }] };
    expect(result(practitioner, 'practice')).toMatchObject({ required: true, result: 'unknown' });
    expect(precheckEligibility(practitioner, { yearsThreshold: 10 }).summary).toBe('needs_check');
    const validated = { ...practitioner, evidence: [{ kind: 'event' as const, title: 'ACCSM workshop', validated: true }] };
    expect(precheckEligibility(validated, { yearsThreshold: 10 }).summary).toBe('likely_eligible');
    const both = { ...validated, applicantType: 'both' as const };
    expect(precheckEligibility(both, { yearsThreshold: 10 }).summary).toBe('not_eligible');
    expect(precheckEligibility({ ...both, evidence: [...both.evidence, ...strong.evidence] }, { yearsThreshold: 10 }).summary).toBe('likely_eligible');
  });

  it('never lets the optional criteria decide', () => {
    const quiet = { ...strong, languages: [], speakingExperience: false };
    expect(precheckEligibility(quiet, { yearsThreshold: 10 }).summary).toBe('likely_eligible');
  });
});
