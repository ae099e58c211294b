import type { Actor } from './roles';
import type { ApplicationState, Review } from './state';

/**
 * The reviews an actor may read: a reviewer sees their own, and the others only once they have
 * submitted theirs (so no review is written to agree with another). Curators and admins see
 * all; a focal point sees none (reviews are the secretariat's).
 */
export function visibleReviews(who: Actor, state: Pick<ApplicationState, 'reviews'>): Review[] {
  if (who.role === 'admin' || who.role === 'curator') return state.reviews;
  if (who.role !== 'reviewer') return [];
  const own = state.reviews.some((r) => r.reviewerId === who.id);
  return own ? state.reviews : [];
}

/** The applications a reviewer has to review: assigned to them, their review not in yet. */
export function awaitingReviewBy(reviewerId: string, state: Pick<ApplicationState, 'stage' | 'assignments' | 'reviews'>): boolean {
  return (
    state.stage === 'in_review' &&
    state.assignments.some((a) => a.reviewerId === reviewerId) &&
    !state.reviews.some((r) => r.reviewerId === reviewerId)
  );
}
