import { canSeeApplication } from '../../../../shared/model/vetting/roles';
import type { VettingContext } from './context';
import { allOverviews, summaryOf } from './dashboard-states';
import { listUsers } from './users';

/** user id → name, for every `by` a screen shows (a user not synced yet shows as their id). */
export function peopleNames(ctx: VettingContext): Map<string, string> {
  return new Map(listUsers(ctx.db, { includeDisabled: true }).map((u) => [u.id, u.name]));
}

/**
 * The conflict inbox: applications whose concurrent events disagree (two decisions taken
 * offline on two laptops, ...), with both sides and who took them when. Every node shows the
 * same once it holds the same events; a transition following every head resolves it.
 */
export function conflictInbox(ctx: VettingContext) {
  const who = ctx.requireActor();
  const names = peopleNames(ctx);
  const items = allOverviews(ctx.db)
    .filter((o) => o.state.conflict !== null && canSeeApplication(who, o, o.state))
    .map((o) => ({
      ...summaryOf(o),
      sides: o.state.conflict!.sides.map((s) => ({ eventId: s.eventId, verdict: s.verdict, at: s.at, by: s.by, byName: names.get(s.by) ?? s.by })),
    }))
    .sort((a, b) => (b.stageSince ?? 0) - (a.stageSince ?? 0) || (a.id < b.id ? -1 : 1));
  return { items };
}
