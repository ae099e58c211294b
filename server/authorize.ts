import { countryNames, type CountryCode } from '../shared/model/countries';
import type { Change } from '../electron/core/changes/types';
import { claimsServerActor, judgeUserRecord } from './authorize-users';
import { judgeVetting } from './authorize-vetting';
import { judgeReports, reportEntities } from './authorize-reports';
import type { Authority, Authorize, AuthVerdict, Principal, RecordReader } from './store';

/**
 * Who may push what (sync-design.md, "Authorisation on push"). Each change is judged by the
 * role and country scope of its *actor*:
 * - admin: anything; curator: experts and portfolios anywhere (and any other directory
 *   entity); focal point: experts and portfolios of their country, before and after the
 *   change (a portfolio item through its expert); reviewer: no directory writes;
 * - `user` records: this server's own node, and devices within authorize-users.ts's limits;
 * - vetting records (application, vetting_event, vetting_settings): authorize-vetting.ts;
 * - case studies, stories, interviews and review comments: authorize-reports.ts;
 * - a change whose actor is a user of this server is judged by that user's own role and
 *   scope, whoever pushes it: at a workshop, a laptop that synced through the hub may reach
 *   central before the hub does and carries its hub-mates' changes; refusing them for the
 *   pusher's role would put good edits under "Sync problems" on every node. (The pusher is
 *   authenticated; that a relayed change really is its author's would need per-device
 *   signatures, which the protocol does not have yet.)
 * - a change whose actor is not a user (written before the device enrolled) is judged as the
 *   pusher's when it comes from the pusher's node, or is vouched for by a relaying admin or
 *   curator; otherwise its author is unknown.
 * Roles and scopes come from RecordReader.authority: on the central server its own account
 * table, never a synced record, so a forged `user` record cannot grant anything there.
 */
export function authorizeFor(principal: Principal, pusherNode: string): Authorize {
  const relays = principal.user.role === 'admin' || principal.user.role === 'curator';
  // The funnel applies a batch in runs, after judging: what this batch already allowed is not
  // in the store yet. A new expert and its portfolio pushed together must be judged as one.
  const allowed = new Map<string, Record<string, unknown>>();
  const judge = judgeOne(principal, pusherNode, relays);
  // One push names few authors: read each author's authority once, not once per change.
  const authorities = new Map<string, Authority | null>();
  return (change, stored) => {
    const read: RecordReader = {
      genuineUserChange: (c) => stored.genuineUserChange(c),
      authority(userId) {
        if (!authorities.has(userId)) authorities.set(userId, stored.authority(userId));
        return authorities.get(userId)!;
      },
      record(entity, id) {
        const pending = allowed.get(`${entity}\u0000${id}`);
        const held = stored.record(entity, id);
        return pending ? { ...held, ...pending } : held;
      },
    };
    const verdict = judge(change, read);
    if (verdict.kind === 'ok') {
      const key = `${change.entity}\u0000${change.id}`;
      allowed.set(key, { ...allowed.get(key), ...change.fields });
    }
    return verdict;
  };
}

function judgeOne(principal: Principal, pusherNode: string, relays: boolean): Authorize {
  return (change, read) => {
    if (change.entity === 'user') {
      if (read.genuineUserChange(change)) return ok;
      if (claimsServerActor(change)) return refuse('ROLE', 'This change claims to come from the server, but a device sent it. Users are added on the server (npm run server -- user add).');
    }
    let judged: Authority | null = read.authority(change.actor);
    if (judged) {
      // Judged below by its author's own role and scope, whoever relays it.
    } else if (change.origin === pusherNode || change.origin === principal.node || relays) {
      judged = read.authority(principal.user.id) ?? { role: principal.user.role, country: principal.user.country, disabled: false };
    } else {
      return refuse('UNKNOWN_ACTOR', `The author "${change.actor}" is not a user of this server, and the change comes from another device. Enroll that device and sync it directly.`);
    }
    if (judged.disabled) return refuse('ROLE', 'The author of this change no longer has access to the server. Ask the secretariat to restore the account.');
    if (change.entity === 'user') return judgeUserRecord(judged, change, read);
    return judgeByRole(judged, change, read);
  };
}

const ok: AuthVerdict = { kind: 'ok' };
const refuse = (code: 'ROLE' | 'OUT_OF_SCOPE' | 'UNKNOWN_ACTOR', reason: string): AuthVerdict => ({ kind: 'rejected', code, reason });

const vettingEntities = new Set(['application', 'vetting_event', 'vetting_settings']);

function judgeByRole(who: Authority, change: Change, read: RecordReader): AuthVerdict {
  if (vettingEntities.has(change.entity)) return judgeVetting(who, change, read);
  if (reportEntities.has(change.entity)) return judgeReports(who, change, read);
  switch (who.role) {
    case 'admin':
    case 'curator':
      return ok;
    case 'reviewer':
      return refuse('ROLE', 'A reviewer cannot change the expert directory. Ask a curator to make this change.');
    case 'focal_point':
      if (change.entity === 'expert') return scopeOfExpert(who.country, change, read);
      if (change.entity === 'portfolio') return scopeOfPortfolio(who.country, change, read);
      return refuse('ROLE', `A national focal point cannot change ${change.entity} records. Ask a curator to make this change.`);
  }
}

const nameOf = (country: unknown) => (typeof country === 'string' && country in countryNames ? countryNames[country as CountryCode].en : 'no country');

function outOfScope(scope: CountryCode, held: unknown): AuthVerdict {
  return refuse(
    'OUT_OF_SCOPE',
    `This expert is from ${nameOf(held)}; a focal point of ${nameOf(scope)} can change only experts of ${nameOf(scope)}. Ask the secretariat to make this change.`,
  );
}

function scopeOfExpert(scope: CountryCode | null, change: Change, read: RecordReader): AuthVerdict {
  if (scope === null) return ok;
  const before = read.record('expert', change.id)?.country;
  if (before !== undefined && before !== scope) return outOfScope(scope, before);
  const after = Object.prototype.hasOwnProperty.call(change.fields, 'country') ? change.fields.country : before;
  if (after !== scope) return outOfScope(scope, after);
  return ok;
}

function scopeOfPortfolio(scope: CountryCode | null, change: Change, read: RecordReader): AuthVerdict {
  if (scope === null) return ok;
  // Both the expert the item belongs to now and the one it is moved to must be in scope.
  const experts = new Set([read.record('portfolio', change.id)?.expertId, change.fields.expertId].filter((e): e is string => typeof e === 'string'));
  if (experts.size === 0) return refuse('OUT_OF_SCOPE', 'This portfolio item names no expert this server knows, so its country cannot be checked. Sync the expert first.');
  for (const expertId of experts) {
    const country = read.record('expert', expertId)?.country;
    if (country !== scope) return outOfScope(scope, country);
  }
  return ok;
}
