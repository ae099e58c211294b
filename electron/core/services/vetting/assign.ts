import { AppError } from '../../../../shared/contract/result';
import type { AutoAssignSkip } from '../../../../shared/contract/vetting';
import { planAssignments, type PlanApplication } from '../../../../shared/model/vetting/assign';
import { conflictsOf } from '../../../../shared/model/vetting/interest';
import type { TaxonomyIndex } from '../taxonomy';
import { appendEvent } from './append';
import type { VettingContext } from './context';
import { allOverviews } from './dashboard-states';
import { expertiseMatch, openLoads, requireAssigner, reviewerProfile } from './reviewers';
import { readApplication, type StoredApplication } from './store';
import { listUsers } from './users';

const assignable = new Set(['eligible', 'in_review']);

/**
 * Assigns up to k reviewers (settings) to each application by the planner (shared/model/vetting/
 * assign.ts): least loaded first, best expertise match among equals, never a conflicted one.
 * Each assignment is one event through appendEvent, which checks it again (role, state
 * machine, conflicts), so the plan can never write what a hand assignment could not.
 * Applications that cannot get their k reviewers are reported with the reason, by a stable
 * code (contract autoAssignSkipCodes) the window words in the curator's language.
 */
export function autoAssign(ctx: VettingContext, ids: readonly string[], taxonomy: TaxonomyIndex) {
  requireAssigner(ctx);
  const settings = ctx.settings();
  const k = settings.reviewersPerApplication;
  const overviews = new Map(allOverviews(ctx.db).map((o) => [o.id, o]));
  const reviewers = listUsers(ctx.db, { role: ['reviewer'] });
  const loads = openLoads([...overviews.values()]);
  const skipped: AutoAssignSkip[] = [];
  const plannable: PlanApplication[] = [];
  const stored = new Map<string, StoredApplication>();
  for (const id of new Set(ids)) {
    const overview = overviews.get(id);
    const app = overview ? readApplication(ctx.db, id) : null;
    if (!overview || !app) {
      skipped.push({ applicationId: id, code: 'NOT_FOUND', reason: 'This application does not exist (or was deleted).' });
      continue;
    }
    if (!assignable.has(overview.state.stage)) {
      skipped.push({
        applicationId: id,
        code: 'NOT_ASSIGNABLE',
        name: overview.name,
        stage: overview.state.stage,
        reason: `${overview.name} is ${overview.state.stage.replace('_', ' ')}: only eligible applications and those in review get reviewers.`,
      });
      continue;
    }
    stored.set(id, app);
    plannable.push({
      id,
      assigned: overview.state.assignments.map((a) => a.reviewerId),
      blocked: reviewers.filter((r) => conflictsOf(reviewerProfile(r), app.fields, settings).length > 0).map((r) => r.id),
      match: Object.fromEntries(reviewers.map((r) => [r.id, expertiseMatch(app.fields.expertise, r.expertise, taxonomy)])),
    });
  }
  const plan = planAssignments(plannable, reviewers.map((r) => ({ id: r.id, load: loads.get(r.id) ?? 0 })), k);
  const byId = new Map(reviewers.map((r) => [r.id, r]));
  let assigned = 0;
  for (const { applicationId, reviewerId } of plan.assignments) {
    const reviewer = byId.get(reviewerId)!;
    try {
      appendEvent(ctx, applicationId, 'assigned', { reviewerId }, { reviewer: reviewerProfile(reviewer) });
      assigned++;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const step = e.code === 'STEP_REFUSED' && typeof e.details?.step === 'string' ? { step: e.details.step } : {};
      skipped.push({ applicationId, code: 'REFUSED', reviewer: reviewer.name, ...step, reason: `${reviewer.name} was not assigned: ${e.message}` });
    }
  }
  for (const s of plan.short) {
    const name = overviews.get(s.applicationId)!.name;
    skipped.push(
      reviewers.length === 0
        ? { applicationId: s.applicationId, code: 'NO_REVIEWERS', reason: 'There is no reviewer yet: add users with the reviewer role (Users).' }
        : {
            applicationId: s.applicationId,
            code: 'SHORT',
            name,
            have: k - s.missing,
            need: k,
            reason: `${name} has ${k - s.missing} of the ${k} reviewers it needs: every other reviewer has a conflict of interest with it or is assigned already. Add reviewers, or assign one by hand with a reason, which is recorded.`,
          },
    );
  }
  return { assigned, skipped };
}
