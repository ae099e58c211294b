/**
 * Automatic assignment of reviewers (issue 7 point 5): a pure planner, so the rules are tested
 * apart from storage and every node plans the same from the same inputs.
 *
 * - Each application gets up to k reviewers in all, counting those it has: never more than k.
 * - Never a reviewer in the application's `blocked` list (a conflict of interest), never one
 *   already assigned.
 * - Load is balanced first: each pick is the free reviewer with the fewest open assignments
 *   (those planned so far included); among equally loaded ones the best expertise match wins,
 *   then the smaller id (deterministic). Picking the least loaded keeps every load within one of
 *   the others when they start level and k does not exceed the pool.
 * - The most constrained applications (fewest free reviewers) are planned first, then by id,
 *   so a scarce reviewer goes where nobody else can.
 */

export interface PlanApplication {
  id: string;
  /** Reviewers assigned now. */
  assigned: readonly string[];
  /** Reviewers with a conflict of interest with this application. */
  blocked: readonly string[];
  /** How well each reviewer's expertise matches the application (higher is better; absent = 0). */
  match: Readonly<Record<string, number>>;
}

export interface PlanReviewer {
  id: string;
  /** Open assignments now. */
  load: number;
}

export interface AssignmentPlan {
  assignments: { applicationId: string; reviewerId: string }[];
  /** Applications that could not get their k reviewers: how many they still lack. */
  short: { applicationId: string; missing: number; free: number }[];
  /** Applications that had k reviewers already. */
  full: string[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function planAssignments(applications: readonly PlanApplication[], reviewers: readonly PlanReviewer[], k: number): AssignmentPlan {
  const load = new Map(reviewers.map((r) => [r.id, r.load]));
  const pool = [...reviewers].sort(byId);
  const freeOf = (app: PlanApplication) => {
    const taken = new Set([...app.assigned, ...app.blocked]);
    return pool.filter((r) => !taken.has(r.id));
  };
  const order = applications
    .map((app) => ({ app, free: freeOf(app) }))
    .sort((a, b) => a.free.length - b.free.length || byId(a.app, b.app));
  const plan: AssignmentPlan = { assignments: [], short: [], full: [] };
  for (const { app, free } of order) {
    const need = k - new Set(app.assigned).size;
    if (need <= 0) {
      plan.full.push(app.id);
      continue;
    }
    const ranked = [...free].sort((a, b) => load.get(a.id)! - load.get(b.id)! || (app.match[b.id] ?? 0) - (app.match[a.id] ?? 0) || byId(a, b));
    for (const reviewer of ranked.slice(0, need)) {
      plan.assignments.push({ applicationId: app.id, reviewerId: reviewer.id });
      load.set(reviewer.id, load.get(reviewer.id)! + 1);
    }
    if (free.length < need) plan.short.push({ applicationId: app.id, missing: need - free.length, free: free.length });
  }
  return plan;
}
