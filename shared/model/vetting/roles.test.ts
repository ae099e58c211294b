import { describe, expect, it } from 'vitest';
import { canDecide, canSeeApplication, canWriteEvent, type Actor } from './roles';
import { emptyState, type Review } from './state';
import { visibleReviews } from './visibility';

const actor = (role: Actor['role'], id = 'u1', country: string | null = null): Actor => ({ id, role, country });
const th = { nominatingCountry: 'TH' };
const assigned = { ...emptyState(), assignments: [{ reviewerId: 'r1', eventId: 'e', at: 1, by: 'c', override: null }] };
const review = (reviewerId: string): Review => ({ reviewerId, eventId: reviewerId, at: 1, by: reviewerId, scores: {}, comments: '', recommendation: 'accept' });

describe('vetting roles', () => {
  it('lets only admins and curators decide', () => {
    expect(['admin', 'curator', 'reviewer', 'focal_point'].map((r) => canDecide({ role: r as Actor['role'] }))).toEqual([true, true, false, false]);
    expect(canWriteEvent(actor('reviewer', 'r1'), { type: 'decided', payload: {} }, th, assigned)).toBe(false);
    expect(canWriteEvent(actor('focal_point', 'f', 'TH'), { type: 'decided', payload: {} }, th)).toBe(false);
    expect(canWriteEvent(actor('focal_point', 'f', 'TH'), { type: 'published', payload: {} }, th)).toBe(false);
  });
  it('lets a reviewer submit only their own review, on an application assigned to them', () => {
    expect(canWriteEvent(actor('reviewer', 'r1'), { type: 'review_submitted', payload: { reviewerId: 'r1' } }, th, assigned)).toBe(true);
    expect(canWriteEvent(actor('reviewer', 'r1'), { type: 'review_submitted', payload: { reviewerId: 'r2' } }, th, assigned)).toBe(false);
    expect(canWriteEvent(actor('reviewer', 'r2'), { type: 'note', payload: {} }, th, assigned)).toBe(false);
  });
  it('keeps a focal point to their own country', () => {
    expect(canWriteEvent(actor('focal_point', 'f', 'TH'), { type: 'note', payload: {} }, th)).toBe(true);
    expect(canWriteEvent(actor('focal_point', 'f', 'VN'), { type: 'note', payload: {} }, th)).toBe(false);
    expect(canSeeApplication(actor('focal_point', 'f', 'VN'), th, emptyState())).toBe(false);
    expect(canSeeApplication(actor('focal_point', 'f', 'TH'), th, emptyState())).toBe(true);
  });
  it('shows a reviewer only applications assigned to them', () => {
    expect(canSeeApplication(actor('reviewer', 'r1'), th, assigned)).toBe(true);
    expect(canSeeApplication(actor('reviewer', 'r2'), th, assigned)).toBe(false);
  });
  it('shows a reviewer the other reviews only once theirs is in', () => {
    const state = { reviews: [review('r2')] };
    expect(visibleReviews(actor('reviewer', 'r1'), state)).toEqual([]);
    expect(visibleReviews(actor('reviewer', 'r1'), { reviews: [review('r2'), review('r1')] }).map((r) => r.reviewerId)).toEqual(['r2', 'r1']);
    expect(visibleReviews(actor('curator'), state)).toHaveLength(1);
    expect(visibleReviews(actor('focal_point', 'f', 'TH'), state)).toEqual([]);
  });
});
