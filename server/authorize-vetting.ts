import { countryNames, type CountryCode } from '../shared/model/countries';
import type { EventType } from '../shared/model/vetting/events';
import { canWriteEvent, focalPointEvents, inScope } from '../shared/model/vetting/roles';
import type { Change } from '../electron/core/changes/types';
import type { Authority, AuthVerdict, RecordReader } from './store';

/**
 * Vetting records on push, for the roles below curator (admins and curators may write them all):
 * - reviewer: their own review (review_submitted naming them) and notes, nothing else. Whether
 *   they are assigned is the state machine's rule (a review by someone not assigned is flagged
 *   invalid on every node); the server cannot see an application's events from one change.
 * - focal point: applications nominated by their country (before and after the change), and
 *   the applicant's own steps and notes on them (shared/model/vetting/roles.ts); never a
 *   screening, an assignment, a decision, a publication or the settings.
 * Called only for changes that passed the check by value (a vetting event is whole).
 */
export function judgeVetting(who: Authority, change: Change, read: RecordReader): AuthVerdict {
  if (who.role === 'admin' || who.role === 'curator') return ok;
  if (change.entity === 'vetting_settings') return refuse('ROLE', 'Only the secretariat changes the vetting settings. Ask a curator or an administrator.');
  if (change.entity === 'application') {
    if (who.role !== 'focal_point') return refuse('ROLE', 'A reviewer cannot change an application. Ask a curator to make this change.');
    return scopeOfApplication(who.country, read.record('application', change.id)?.nominatingCountry, change.fields);
  }
  // vetting_event
  const type = change.fields.type as EventType;
  const appId = change.fields.applicationId;
  const app = typeof appId === 'string' ? read.record('application', appId) : null;
  const actor = { id: change.actor, role: who.role, country: who.country };
  if (who.role === 'focal_point') {
    if (who.country !== null && !app) return refuse('OUT_OF_SCOPE', 'This step names an application this server does not know, so its country cannot be checked. Sync the application first.');
    if (!focalPointEvents.has(type)) {
      return refuse('ROLE', `A national focal point cannot record a "${type.replace('_', ' ')}" step: the secretariat screens, assigns, decides and publishes. Ask a curator.`);
    }
    return inScope(actor, { nominatingCountry: app?.nominatingCountry as string | undefined }) ? ok : outOfScope(who.country!, app?.nominatingCountry);
  }
  return canWriteEvent(actor, { type, payload: change.fields.payload }, { nominatingCountry: null })
    ? ok
    : refuse('ROLE', 'A reviewer can record only their own review and notes. Ask a curator to make this change.');
}

const ok: AuthVerdict = { kind: 'ok' };
const refuse = (code: 'ROLE' | 'OUT_OF_SCOPE', reason: string): AuthVerdict => ({ kind: 'rejected', code, reason });
const nameOf = (country: unknown) => (typeof country === 'string' && country in countryNames ? countryNames[country as CountryCode].en : 'no country');
const outOfScope = (scope: CountryCode, held: unknown) =>
  refuse('OUT_OF_SCOPE', `This application is nominated by ${nameOf(held)}; a focal point of ${nameOf(scope)} can act only on applications from ${nameOf(scope)}. Ask the secretariat.`);

function scopeOfApplication(scope: CountryCode | null, before: unknown, fields: Record<string, unknown>): AuthVerdict {
  if (scope === null) return ok;
  if (before !== undefined && before !== scope) return outOfScope(scope, before);
  const after = Object.prototype.hasOwnProperty.call(fields, 'nominatingCountry') ? fields.nominatingCountry : before;
  return after === scope ? ok : outOfScope(scope, after);
}
