import type { CountryCode } from '../../../../shared/model/countries';
import { canSeeApplication } from '../../../../shared/model/vetting/roles';
import { finalStages, stages, type Stage } from '../../../../shared/model/vetting/state';
import type { VettingContext } from './context';
import { allOverviews } from './dashboard-states';
import { listUsers } from './users';

const DAY = 86_400_000;

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The vetting dashboard over the applications the user may see (a focal point: their country's),
 * optionally of some nominating countries:
 * - applications by stage × nominating country;
 * - median days per stage over every stay in it: a finished stay lasts until the application
 *   moved on, a current one until now; final stages (published, rejected, ...) have no length;
 * - reviewer load: open assignments (no review yet, still in review) and reviews submitted.
 */
export function dashboard(ctx: VettingContext, input: { country: readonly CountryCode[] }) {
  const who = ctx.requireActor();
  const now = ctx.now();
  const only = input.country.length ? new Set(input.country) : null;
  const visible = allOverviews(ctx.db).filter((o) => canSeeApplication(who, o, o.state) && (!only || only.has(o.nominatingCountry)));

  const cells = new Map<string, { stage: Stage; country: CountryCode; count: number }>();
  const stays = new Map<Stage, number[]>();
  const load = new Map<string, { open: number; submitted: number }>();
  const loadOf = (id: string) => load.get(id) ?? load.set(id, { open: 0, submitted: 0 }).get(id)!;
  for (const o of visible) {
    const key = `${o.state.stage} ${o.nominatingCountry}`;
    const cell = cells.get(key) ?? cells.set(key, { stage: o.state.stage, country: o.nominatingCountry, count: 0 }).get(key)!;
    cell.count++;
    for (const v of o.visits) {
      const list = stays.get(v.stage) ?? stays.set(v.stage, []).get(v.stage)!;
      list.push(finalStages.has(v.stage) ? NaN : Math.max(0, (v.to ?? now) - v.from) / DAY);
    }
    const reviewed = new Set(o.state.reviews.map((r) => r.reviewerId));
    for (const r of o.state.reviews) loadOf(r.reviewerId).submitted++;
    if (o.state.stage === 'eligible' || o.state.stage === 'in_review') {
      for (const a of o.state.assignments) if (!reviewed.has(a.reviewerId)) loadOf(a.reviewerId).open++;
    }
  }
  const users = listUsers(ctx.db, { includeDisabled: true });
  const names = new Map(users.map((u) => [u.id, u.name]));
  // Every enabled reviewer appears, with nothing to do or not (the balance is the point).
  for (const u of users) if (u.role === 'reviewer' && !u.disabled) loadOf(u.id);
  const stageIndex = (s: Stage) => stages.indexOf(s);

  return {
    byStageCountry: [...cells.values()].sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage) || (a.country < b.country ? -1 : 1)),
    medianDaysPerStage: stages
      .filter((s) => s !== 'new')
      .map((stage) => {
        const days = (stays.get(stage) ?? []).filter((d) => !Number.isNaN(d));
        const m = median(days);
        return { stage, medianDays: m === null ? null : Math.round(m * 10) / 10, count: stays.get(stage)?.length ?? 0 };
      }),
    reviewerLoad: [...load]
      .map(([reviewerId, l]) => ({ reviewerId, name: names.get(reviewerId) ?? reviewerId, ...l }))
      .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name) || (a.reviewerId < b.reviewerId ? -1 : 1)),
    total: visible.length,
  };
}
