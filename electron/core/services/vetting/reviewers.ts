import { AppError } from '../../../../shared/contract/result';
import type { UserRecord } from '../../../../shared/contract/vetting';
import { conflictsOf, type InterestConflict, type ReviewerProfile } from '../../../../shared/model/vetting/interest';
import { canAssign } from '../../../../shared/model/vetting/roles';
import type { ApplicationState } from '../../../../shared/model/vetting/state';
import type { TaxonomyIndex } from '../taxonomy';
import type { VettingContext } from './context';
import { allOverviews, type AppOverview } from './dashboard-states';
import { readApplication } from './store';
import { listUsers } from './users';

/** Stages in which an assigned reviewer still owes a review: their open assignments (load). */
const reviewingStages: ReadonlySet<ApplicationState['stage']> = new Set(['eligible', 'in_review']);

/** Reviewer id → open assignments: assigned, no review from them yet, the application still under review. */
export function openLoads(overviews: readonly AppOverview[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const o of overviews) {
    if (!reviewingStages.has(o.state.stage)) continue;
    const reviewed = new Set(o.state.reviews.map((r) => r.reviewerId));
    for (const a of o.state.assignments) if (!reviewed.has(a.reviewerId)) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
  }
  return load;
}

export const reviewerProfile = (u: UserRecord): ReviewerProfile => ({ id: u.id, name: u.name, country: u.country, agency: u.agency, declaredConflicts: u.declaredConflicts });

/**
 * How many of the application's expertise areas the reviewer covers: the same term, or a
 * broader one above it in the taxonomy (a reviewer of "public finance" covers "budgeting").
 */
export function expertiseMatch(applicationTerms: readonly string[], reviewerTerms: readonly string[], taxonomy: TaxonomyIndex): number {
  if (!reviewerTerms.length) return 0;
  const known = new Set(reviewerTerms);
  return applicationTerms.filter((t) => known.has(t) || taxonomy.lineage(t).some((a) => known.has(a.id))).length;
}

export function requireAssigner(ctx: VettingContext): void {
  const who = ctx.requireActor();
  if (!canAssign(who)) throw new AppError('NOT_ALLOWED', `Only the secretariat (an administrator or a curator) assigns reviewers; your role is ${who.role.replace('_', ' ')}.`);
}

/** The reviewer pool for one application: every enabled reviewer, unconflicted first, then least loaded, best matched. */
export function reviewerOptions(ctx: VettingContext, applicationId: string, taxonomy: TaxonomyIndex) {
  requireAssigner(ctx);
  const app = readApplication(ctx.db, applicationId);
  if (!app) throw new AppError('NOT_FOUND', 'This application does not exist (or was deleted). Go back to the list of applications.');
  const settings = ctx.settings();
  const loads = openLoads(allOverviews(ctx.db));
  const items = listUsers(ctx.db, { role: ['reviewer'] }).map((user) => ({
    user,
    load: loads.get(user.id) ?? 0,
    expertiseMatch: expertiseMatch(app.fields.expertise, user.expertise, taxonomy),
    conflicts: conflictsOf(reviewerProfile(user), app.fields, settings) as InterestConflict[],
  }));
  items.sort((a, b) => Number(a.conflicts.length > 0) - Number(b.conflicts.length > 0) || a.load - b.load || b.expertiseMatch - a.expertiseMatch);
  return { items };
}
