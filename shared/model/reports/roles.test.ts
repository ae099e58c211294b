import { describe, expect, it } from 'vitest';
import { quotesWithoutConsent, storyConsentProblem, storyForExport } from './consent';
import { canComment, canResolveComment, canSetStatus, canWriteInterview, canWriteReport, type ReportActor } from './roles';

const who = (role: ReportActor['role'], country: string | null = null, id = 'u1'): ReportActor => ({ id, role, country });
const th = { countries: ['TH'] };
const idvn = { countries: ['ID', 'VN'] };

describe('report roles', () => {
  it('let the secretariat write everything and a focal point only their own country', () => {
    expect(canWriteReport(who('admin'), th)).toBe(true);
    expect(canWriteReport(who('curator'), idvn)).toBe(true);
    expect(canWriteReport(who('focal_point', 'TH'), th)).toBe(true);
    expect(canWriteReport(who('focal_point', 'TH'), idvn)).toBe(false);
    expect(canWriteReport(who('focal_point', 'VN'), idvn)).toBe(true);
    expect(canWriteReport(who('focal_point', 'TH'), { countries: [] })).toBe(false);
    expect(canWriteReport(who('focal_point', null), idvn)).toBe(true);
    expect(canWriteReport(who('reviewer'), th)).toBe(false);
  });

  it('keep approval to the secretariat, comments to everyone', () => {
    expect(canSetStatus(who('focal_point', 'TH'), th, 'in_review')).toBe(true);
    expect(canSetStatus(who('focal_point', 'TH'), th, 'approved')).toBe(false);
    expect(canSetStatus(who('curator'), th, 'approved')).toBe(true);
    expect(canComment(who('reviewer'))).toBe(true);
    expect(canWriteInterview(who('reviewer'))).toBe(false);
    expect(canResolveComment(who('reviewer', null, 'r1'), { authorId: 'r1' }, th)).toBe(true);
    expect(canResolveComment(who('reviewer', null, 'r1'), { authorId: 'c1' }, th)).toBe(false);
  });
});

describe('consent', () => {
  const form = { hash: 'a'.repeat(64), name: 'consent.pdf', mime: 'application/pdf' as const, bytes: 100 };
  it('lets a story out only with a consent covering the use', () => {
    expect(storyConsentProblem({ consent: null })).toBe('no_consent');
    expect(storyConsentProblem({ consent: { consentedBy: 'A', consentedAt: 1, uses: ['print'], form } })).toBe('use_not_covered');
    expect(storyConsentProblem({ consent: { consentedBy: 'A', consentedAt: 1, uses: ['print', 'mtr'], form } })).toBeNull();
  });

  it('holds back quotes whose interview did not consent or is gone', () => {
    const quotes = [
      { id: 'q1', interviewId: 'i1' },
      { id: 'q2', interviewId: 'i2' },
      { id: 'q3', interviewId: null },
      { id: 'q4', interviewId: 'i3' },
      { id: 'q5', interviewId: 'gone' },
    ];
    const interviews = [
      { id: 'i1', consentToQuote: true, deletedAt: null },
      { id: 'i2', consentToQuote: false, deletedAt: null },
      { id: 'i3', consentToQuote: true, deletedAt: 5 },
    ];
    expect(quotesWithoutConsent(quotes, interviews).map((q) => q.id)).toEqual(['q2', 'q4', 'q5']);
  });
});

describe('anonymity', () => {
  it('hides an anonymised beneficiary’s name and photos', () => {
    const story = { anonymised: true, beneficiaryName: 'Ibu Sari', photos: [{ hash: 'x' }], title: 'T' };
    expect(storyForExport(story)).toEqual({ anonymised: true, beneficiaryName: '', photos: [], title: 'T' });
    expect(storyForExport({ ...story, anonymised: false })).toMatchObject({ beneficiaryName: 'Ibu Sari' });
  });
});
