import type { ActInput, ApplicationDetail } from '../../../../shared/contract/vetting';
import { AppError } from '../../../../shared/contract/result';
import type { VettingEvent } from '../../../../shared/model/vetting/events';
import { scoreProblems } from '../../../../shared/model/vetting/settings';
import type { ApplicationState } from '../../../../shared/model/vetting/state';
import { appendEvent, appendSteps } from './append';
import { overturnedExperts, planAccept } from './accept';
import type { VettingContext } from './context';
import { applicationDetail, visibleApplication } from './detail';
import { reviewerProfile } from './reviewers';
import type { StoredApplication } from './store';
import { readUser } from './users';

/**
 * One step on an application (applications.act), through appendEvent: role, state machine and
 * conflicts of interest are checked there, and refused with a stable code (NOT_ALLOWED,
 * STEP_REFUSED with details.step, INTEREST_CONFLICT with details.conflicts, NOT_FOUND).
 *
 * An accept is three writes in one transaction: the expert (created, or the matched one
 * updated: accept.ts), `decided {accept, expertId}`, and `published {expertId, sections}`
 * following it.
 */
export function act(ctx: VettingContext, input: ActInput): ApplicationDetail {
  const who = ctx.requireActor();
  // The application and its events before this step: what the accept plan and a conflict's resolution read.
  const { app, events, state } = visibleApplication(ctx, who, input.applicationId);
  const id = input.applicationId;
  switch (input.type) {
    case 'assigned': {
      const user = readUser(ctx.db, input.payload.reviewerId);
      if (!user) throw new AppError('NOT_FOUND', 'No user with this id is known on this computer. Choose a reviewer from the list (it may need a sync first).');
      if (user.disabled || user.role !== 'reviewer') {
        throw new AppError('NOT_ALLOWED', `${user.name} is not an active reviewer, so they cannot be assigned. Choose someone from the reviewer pool.`);
      }
      appendEvent(ctx, id, 'assigned', input.payload, { reviewer: reviewerProfile(user) });
      break;
    }
    case 'decided': {
      if (input.payload.outcome !== 'accept') {
        appendEvent(ctx, id, 'decided', input.payload, { alongside: resolving(ctx, app, events, state, input.payload.outcome === 'reject' ? 'rejected' : 'returned for more information') });
        break;
      }
      const plan = planAccept(ctx.db, app, events);
      appendSteps(
        ctx,
        id,
        [
          { type: 'decided', payload: { outcome: 'accept', reason: input.payload.reason, expertId: plan.expertId } },
          { type: 'published', payload: { expertId: plan.expertId, sections: plan.sections } },
        ],
        { alongside: plan.writes },
      );
      break;
    }
    case 'screened':
      appendEvent(ctx, id, 'screened', input.payload);
      break;
    case 'info_received':
      appendEvent(ctx, id, 'info_received', input.payload);
      break;
    case 'unassigned':
      appendEvent(ctx, id, 'unassigned', input.payload);
      break;
    case 'review_submitted': {
      const problems = scoreProblems(input.payload.scores, ctx.settings().rubric);
      if (problems.length) {
        const said = { MISSING_SCORE: 'not scored', SCORE_OUT_OF_SCALE: 'outside its scale', UNKNOWN_CRITERION: 'not in the rubric' } as const;
        throw new AppError(
          'INVALID_INPUT',
          `Score every criterion of the rubric within its scale: ${problems.map((p) => `${p.criterion} ${said[p.code]}`).join('; ')}. Nothing was recorded.`,
          problems.map((p) => ({ path: ['payload', 'scores', p.criterion], message: said[p.code] })),
        );
      }
      appendEvent(ctx, id, 'review_submitted', input.payload);
      break;
    }
    case 'withdrawn':
      appendEvent(ctx, id, 'withdrawn', input.payload, { alongside: resolving(ctx, app, events, state, 'withdrawn') });
      break;
    case 'note':
      appendEvent(ctx, id, 'note', input.payload);
      break;
  }
  return applicationDetail(ctx, id);
}

/** In a conflict, a decision against accepting also takes out of the directory the expert a superseded accept created. */
function resolving(ctx: VettingContext, app: StoredApplication, events: readonly VettingEvent[], state: ApplicationState, outcome: string) {
  return state.stage === 'conflict' ? overturnedExperts(ctx.db, app, events, `the application was ${outcome} when concurrent decisions were resolved.`) : [];
}
