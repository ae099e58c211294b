import type { ApplicationDetail } from '../../../../shared/contract/vetting';
import { AppError } from '../../../../shared/contract/result';
import { displayName } from '../../../../shared/model/expert';
import { verifyChain } from '../../../../shared/model/vetting/chain';
import { applicationState } from '../../../../shared/model/vetting/compute';
import { precheckEligibility } from '../../../../shared/model/vetting/eligibility';
import { buildGraph } from '../../../../shared/model/vetting/graph';
import { canDecide, canSeeApplication } from '../../../../shared/model/vetting/roles';
import type { VettingEvent } from '../../../../shared/model/vetting/events';
import type { ApplicationState } from '../../../../shared/model/vetting/state';
import { visibleReviews } from '../../../../shared/model/vetting/visibility';
import { allowedActions } from './actions';
import type { VettingActor, VettingContext } from './context';
import { namesOf } from './detail-people';
import { applicationDuplicates } from './duplicates';
import { readApplication, readEvents, type StoredApplication } from './store';

const notFound = () => new AppError('NOT_FOUND', 'This application does not exist (or was deleted). Go back to the list of applications.');

/**
 * The stored application the actor may see, or NOT_FOUND — also when it exists outside what
 * the actor may see (another country's, for a focal point; not assigned, for a reviewer), so
 * an id alone reveals nothing.
 */
export function visibleApplication(ctx: VettingContext, who: VettingActor, id: string): { app: StoredApplication; events: VettingEvent[]; state: ApplicationState } {
  const app = readApplication(ctx.db, id);
  if (!app) throw notFound();
  const events = readEvents(ctx.db, id);
  const state = applicationState(events);
  if (!canSeeApplication(who, app.fields, state)) throw notFound();
  return { app, events, state };
}

/**
 * Everything the application page shows, for the signed-in actor: the state from the events
 * with only the reviews they may read (visibility.ts: a reviewer sees the others' once they
 * submitted theirs; a focal point sees none), the timeline in graph order without the
 * reviews they may not read, who everyone is, the eligibility pre-check, the duplicate
 * candidates, the steps they may take now and the chain check (over every event, hidden or not).
 */
export function applicationDetail(ctx: VettingContext, id: string): ApplicationDetail {
  const who = ctx.requireActor();
  const { app, events, state } = visibleApplication(ctx, who, id);
  const reviews = visibleReviews(who, state);
  const order = buildGraph(events).order;
  // Review events show only to who may read every review (visibility.ts): the secretariat,
  // and a reviewer once theirs is in. Anyone else sees none, not even a replaced one.
  const seesReviews = reviews.length === state.reviews.length && (reviews.length > 0 || canDecide(who));
  const shown = seesReviews ? order : order.filter((e) => e.type !== 'review_submitted');
  // The state before a conflict is sent without its own copy of every fact (it can be large).
  const sent: ApplicationState = { ...state, reviews, conflict: state.conflict ? ({ sides: state.conflict.sides } as ApplicationState['conflict']) : null };
  const ids = new Set<string>();
  for (const e of shown) {
    ids.add(e.by);
    const reviewer = (e.payload as { reviewerId?: unknown }).reviewerId;
    if (typeof reviewer === 'string') ids.add(reviewer);
  }
  for (const a of state.assignments) ids.add(a.reviewerId);
  for (const s of state.conflict?.sides ?? []) ids.add(s.by);
  return {
    id,
    fields: app.fields,
    displayName: displayName(app.fields),
    updatedAt: Math.max(app.updatedAt, ...events.map((e) => e.at)),
    state: sent,
    events: shown,
    people: namesOf(ctx.db, ids),
    precheck: precheckEligibility(app.fields, ctx.settings()),
    // Duplicates are the secretariat's work; a reviewer or focal point is not shown other people's records.
    duplicates: canDecide(who) ? applicationDuplicates(ctx.db, app, events) : [],
    actions: allowedActions(who, app.fields, state),
    chain: verifyChain(events),
  };
}
