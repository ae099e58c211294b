import type { ApplicationFields } from '../../../../shared/model/vetting/application';
import { eventTypes, type EventType } from '../../../../shared/model/vetting/events';
import { canWriteEvent, type Actor } from '../../../../shared/model/vetting/roles';
import { allowedFrom } from '../../../../shared/model/vetting/rules';
import type { ApplicationState } from '../../../../shared/model/vetting/state';

/** Steps the page never offers: `submitted` comes with create, `published` with an accept. */
const offered = eventTypes.filter((t) => t !== 'submitted' && t !== 'published');

/**
 * The steps the actor may take on the application now: their role allows the type
 * (roles.ts canWriteEvent) and the stage allows it (rules.ts allowedFrom). In a conflict,
 * a transition that resolves it is checked against the stage before the disagreeing sides,
 * as the state machine does. A hint for the page, not the check: appendEvent checks again
 * (payload included) when the step is written.
 */
export function allowedActions(who: Actor, app: Pick<ApplicationFields, 'nominatingCountry'>, state: ApplicationState): EventType[] {
  if (state.stage === 'new') return [];
  const resolving = state.stage === 'conflict' && state.conflict ? state.conflict.base : null;
  const stageOf = (type: EventType) => (resolving && type !== 'note' ? resolving.stage : state.stage);
  const facts = resolving ?? state;
  return offered.filter((type) => {
    if (!allowedFrom[type].includes(stageOf(type))) return false;
    // Steps about a reviewer need one: the actor themself for a reviewer, any assigned one for the secretariat.
    if ((type === 'unassigned' || type === 'review_submitted') && facts.assignments.length === 0) return false;
    const reviewerId = type === 'review_submitted' && who.role === 'reviewer' ? who.id : (facts.assignments[0]?.reviewerId ?? who.id);
    return canWriteEvent(who, { type, payload: { reviewerId } }, app, facts);
  });
}
