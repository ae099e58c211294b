import { optionalCriteria } from './criteria';
import { vettingEventSchema, type EventType, type VettingEvent } from './events';
import { transitionTypes, type ApplicationState, type Stage } from './state';

/**
 * Why an event may not follow a state. Stable: screens translate them and tests name them.
 * Add codes; never rename one.
 */
export const stepRefusalCodes = [
  'INVALID_EVENT',
  'WRONG_APPLICATION',
  'STALE_HEADS',
  'NOT_SUBMITTED',
  'ALREADY_SUBMITTED',
  'WRONG_STAGE',
  'IN_CONFLICT',
  'UNMET_CRITERION',
  'NO_UNMET_CRITERION',
  'NO_REQUEST_TEXT',
  'NO_INFO_REQUESTED',
  'ALREADY_ASSIGNED',
  'NOT_ASSIGNED',
  'NO_REVIEW',
  'NO_REASON',
  'EXPERT_MISMATCH',
] as const;
export type StepRefusalCode = (typeof stepRefusalCodes)[number];
export type StepVerdict = { ok: true } | { ok: false; code: StepRefusalCode; message: string };

const ok: StepVerdict = { ok: true };
const refuse = (code: StepRefusalCode, message: string): StepVerdict => ({ ok: false, code, message });

/** From which stages each event may be written (notes: any stage once submitted). */
export const allowedFrom: Record<EventType, readonly Stage[]> = {
  submitted: ['new'],
  screened: ['submitted'],
  info_received: ['info_requested', 'returned'],
  assigned: ['eligible', 'in_review'],
  unassigned: ['in_review'],
  review_submitted: ['in_review'],
  decided: ['in_review'],
  published: ['accepted'],
  withdrawn: ['submitted', 'info_requested', 'eligible', 'in_review', 'returned', 'accepted'],
  note: ['submitted', 'info_requested', 'eligible', 'not_eligible', 'in_review', 'returned', 'accepted', 'rejected', 'published', 'withdrawn', 'conflict'],
};

const stageWords: Record<Stage, string> = {
  new: 'not submitted yet',
  submitted: 'waiting for screening',
  info_requested: 'waiting for information from the applicant',
  eligible: 'eligible, waiting for reviewers',
  not_eligible: 'found not eligible',
  in_review: 'in review',
  returned: 'returned to the applicant for more information',
  accepted: 'accepted',
  rejected: 'rejected',
  published: 'published',
  withdrawn: 'withdrawn',
  conflict: 'in conflict',
};

/**
 * Whether `event` may be the next event of an application in `state`: the one check for a
 * local write (refused with the code) and for a received event (kept, flagged invalid).
 * The event must name every head of the graph in `follows`: it was written seeing all of it.
 */
export function checkNextEvent(state: ApplicationState, event: VettingEvent): StepVerdict {
  if (!vettingEventSchema.safeParse(event).success) return refuse('INVALID_EVENT', 'The event is malformed; nothing was recorded.');
  return checkWellFormedNext(state, event);
}

/** checkNextEvent for an event known to be well formed (read through eventFromRecord). */
export function checkWellFormedNext(state: ApplicationState, event: VettingEvent): StepVerdict {
  if (state.applicationId !== null && event.applicationId !== state.applicationId) {
    return refuse('WRONG_APPLICATION', 'The event belongs to another application.');
  }
  const follows = new Set(event.follows.map((f) => f.id));
  if (follows.size !== event.follows.length || follows.size !== state.heads.length || state.heads.some((h) => !follows.has(h.id))) {
    return refuse('STALE_HEADS', 'The application changed since it was opened (another curator or a sync). Reopen it and try again.');
  }
  if (state.stage === 'new' && event.type !== 'submitted') return refuse('NOT_SUBMITTED', 'The application has not been submitted yet.');
  if (event.type === 'submitted' && state.stage !== 'new') return refuse('ALREADY_SUBMITTED', 'The application was submitted already.');
  if (state.stage === 'conflict' && event.type !== 'note') {
    // A transition following every head supersedes both sides: it must suit the state before them.
    if (!transitionTypes.has(event.type) || !state.conflict) {
      return refuse('IN_CONFLICT', 'Concurrent decisions on this application disagree. Resolve the conflict first with a decision that supersedes both.');
    }
    return checkStep({ ...state.conflict.base, heads: state.heads }, event);
  }
  return checkStep(state, event);
}

/** Whether the reviewer is assigned now. (Of the module, not a closure of checkStep: that runs for every event judged.) */
const isAssigned = (state: ApplicationState, reviewerId: string) => state.assignments.some((a) => a.reviewerId === reviewerId);

function checkStep(state: ApplicationState, e: VettingEvent): StepVerdict {
  if (!allowedFrom[e.type].includes(state.stage)) {
    return refuse('WRONG_STAGE', `A "${e.type.replace('_', ' ')}" step is not possible while the application is ${stageWords[state.stage]}.`);
  }
  switch (e.type) {
    case 'screened': {
      const unmet = e.payload.criteria.filter((c) => !c.met);
      if (e.payload.outcome === 'eligible' && unmet.some((c) => !optionalCriteria.has(c.criterion))) {
        return refuse('UNMET_CRITERION', `The applicant cannot be eligible with "${unmet.find((c) => !optionalCriteria.has(c.criterion))!.criterion}" not met.`);
      }
      if (e.payload.outcome === 'not_eligible' && !unmet.some((c) => !optionalCriteria.has(c.criterion))) {
        return refuse('NO_UNMET_CRITERION', 'Say which required criterion is not met to find the applicant not eligible.');
      }
      if (e.payload.outcome === 'info_requested' && !e.payload.what?.trim()) return refuse('NO_REQUEST_TEXT', 'Say what information is requested.');
      return ok;
    }
    case 'assigned':
      return isAssigned(state, e.payload.reviewerId) ? refuse('ALREADY_ASSIGNED', 'This reviewer is assigned to the application already.') : ok;
    case 'unassigned':
      return isAssigned(state, e.payload.reviewerId) ? ok : refuse('NOT_ASSIGNED', 'This reviewer is not assigned to the application.');
    case 'review_submitted':
      return isAssigned(state, e.payload.reviewerId) ? ok : refuse('NOT_ASSIGNED', 'Only a reviewer assigned to the application can review it.');
    case 'decided':
      if (e.payload.outcome !== 'return' && state.reviews.length === 0) return refuse('NO_REVIEW', 'No review has been submitted yet; a decision needs at least one.');
      if (e.payload.outcome !== 'accept' && !e.payload.reason.trim()) return refuse('NO_REASON', 'Give the reason for the decision; it goes into the letter.');
      return ok;
    case 'published':
      if (state.decision?.expertId !== undefined && state.decision.expertId !== e.payload.expertId) {
        return refuse('EXPERT_MISMATCH', 'The expert published is not the one the decision named.');
      }
      return ok;
    default:
      return ok;
  }
}
