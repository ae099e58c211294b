import { countryNames, type CountryCode } from '../shared/model/countries';
import { canSetStatus, canWriteInterview, canWriteReport, type ReportActor } from '../shared/model/reports/roles';
import type { Change } from '../electron/core/changes/types';
import type { Authority, AuthVerdict, RecordReader } from './store';

/**
 * Case studies, stories, interviews and review comments on push, for the roles below curator
 * (admins and curators may write them all), by the same predicates the app uses
 * (shared/model/reports/roles.ts):
 * - focal point: case studies and stories listing their country, before and after the change,
 *   never approved by them; interviews;
 * - reviewer: no report or interview writes;
 * - everyone: new review comments, and on an existing comment only whether it is resolved (the
 *   app never rewrites a comment's text or report, so no one may).
 * Called only for changes that passed the check by value.
 */
export const reportEntities: ReadonlySet<string> = new Set(['case_study', 'story', 'interview', 'report_comment']);

export function judgeReports(who: Authority, change: Change, read: RecordReader): AuthVerdict {
  if (who.role === 'admin' || who.role === 'curator') return ok;
  const actor: ReportActor = { id: change.actor, role: who.role, country: who.country };
  if (change.entity === 'report_comment') {
    const held = read.record('report_comment', change.id);
    if (!held || Object.keys(change.fields).every((f) => f === 'resolved')) return ok;
    return refuse('ROLE', 'Only the secretariat changes a review comment after it is written. Add a new comment instead.');
  }
  if (change.entity === 'interview') {
    return canWriteInterview(actor) ? ok : refuse('ROLE', 'A reviewer cannot record or change interviews. Ask a curator or a focal point.');
  }
  if (who.role === 'reviewer') return refuse('ROLE', 'A reviewer reads and comments on case studies and stories but cannot change them. Add a comment instead.');
  const before = read.record(change.entity, change.id);
  const countriesBefore = Array.isArray(before?.countries) ? (before.countries as string[]) : null;
  const countriesAfter = Object.hasOwn(change.fields, 'countries') ? (change.fields.countries as string[]) : (countriesBefore ?? []);
  for (const countries of [countriesBefore, countriesAfter]) {
    if (countries !== null && !canWriteReport(actor, { countries })) return outOfScope(who.country, countries);
  }
  if (change.fields.status === 'approved' && !canSetStatus(actor, { countries: countriesAfter }, 'approved')) {
    return refuse('ROLE', 'Only the secretariat approves a case study or story. Send it to review instead.');
  }
  return ok;
}

const ok: AuthVerdict = { kind: 'ok' };
const refuse = (code: 'ROLE' | 'OUT_OF_SCOPE', reason: string): AuthVerdict => ({ kind: 'rejected', code, reason });
const nameOf = (country: unknown) => (typeof country === 'string' && country in countryNames ? countryNames[country as CountryCode].en : 'no country');
const outOfScope = (scope: CountryCode | null, held: readonly string[]) =>
  refuse(
    'OUT_OF_SCOPE',
    `This record is about ${held.length ? held.map(nameOf).join(', ') : 'no country'}; a focal point of ${nameOf(scope)} can change only the case studies and stories of ${nameOf(scope)}. Ask the secretariat.`,
  );
