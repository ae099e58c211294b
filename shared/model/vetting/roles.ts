import type { Role } from '../../sync/protocol';
import type { EventType } from './events';
import type { ApplicationState } from './state';

/**
 * Who may do what in vetting: pure predicates the core (local writes), the server (pushed
 * changes) and the screens share. Admin and curator: everything. Focal point: the
 * applications nominated by their own country, and on them the applicant's steps (submission,
 * answers, withdrawal) and notes — never a screening, an assignment, a decision or a
 * publication. Reviewer: their own review and notes on applications assigned to them.
 */
export interface Actor {
  id: string;
  role: Role;
  /** A focal point's member state (null: all of them, for a regional focal point). */
  country: string | null;
}

// Screening, assignment, decision and publication are the secretariat's.
export const focalPointEvents: ReadonlySet<EventType> = new Set(['submitted', 'info_received', 'note', 'withdrawn']);
const reviewerEvents: ReadonlySet<EventType> = new Set(['review_submitted', 'note']);

export const canDecide = (who: Pick<Actor, 'role'>) => who.role === 'admin' || who.role === 'curator';
export const canChangeSettings = canDecide;
export const canAssign = canDecide;

/** Whether the application is in the actor's country scope (focal points), by its nominating country. */
export function inScope(who: Actor, app: { nominatingCountry: string | null | undefined }): boolean {
  if (who.role !== 'focal_point' || who.country === null) return true;
  return app.nominatingCountry === who.country;
}

/** Whether the actor may write the application record itself (create or edit). */
export function canEditApplication(who: Actor, app: { nominatingCountry: string | null | undefined }): boolean {
  if (who.role === 'admin' || who.role === 'curator') return true;
  return who.role === 'focal_point' && inScope(who, app);
}

/** Whether the actor may write an event of this type (and payload) on this application. */
export function canWriteEvent(
  who: Actor,
  event: { type: EventType; payload: unknown },
  app: { nominatingCountry: string | null | undefined },
  state?: Pick<ApplicationState, 'assignments'>,
): boolean {
  if (who.role === 'admin' || who.role === 'curator') return true;
  if (who.role === 'focal_point') return focalPointEvents.has(event.type) && inScope(who, app);
  if (!reviewerEvents.has(event.type)) return false;
  const assigned = state ? state.assignments.some((a) => a.reviewerId === who.id) : true;
  if (event.type === 'note') return assigned;
  return assigned && (event.payload as { reviewerId?: unknown }).reviewerId === who.id;
}

/** Whether the actor may see the application at all. */
export function canSeeApplication(who: Actor, app: { nominatingCountry: string | null | undefined }, state: Pick<ApplicationState, 'assignments' | 'reviews'>): boolean {
  if (who.role === 'admin' || who.role === 'curator') return true;
  if (who.role === 'focal_point') return inScope(who, app);
  return state.assignments.some((a) => a.reviewerId === who.id) || state.reviews.some((r) => r.reviewerId === who.id);
}
