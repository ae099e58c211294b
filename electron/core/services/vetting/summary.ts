import type { ApplicationSummary } from '../../../../shared/contract/vetting';
import { countryCodes } from '../../../../shared/model/countries';
import { displayName, nameOrders } from '../../../../shared/model/expert';
import { applicantTypes, applicationSources, type ApplicationFields } from '../../../../shared/model/vetting/application';
import type { ApplicationState } from '../../../../shared/model/vetting/state';
import { foldText } from '../../../../shared/text/fold';
import { indexText } from '../../../../shared/text/index-text';
import { hlcWallMs } from '../../../../shared/sync/hlc';
import type { StoredRecord } from '../../changes/types';

/** The fields of an application the list shows and searches. */
export type ListFields = Pick<ApplicationFields, 'givenName' | 'familyName' | 'nameOrder' | 'otherNames' | 'email' | 'agency' | 'country' | 'nominatingCountry' | 'applicantType' | 'source'>;

const countries: ReadonlySet<string> = new Set(countryCodes);
const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
const oneOf = <T extends string>(v: unknown, values: readonly T[], fallback: T): T => (values.includes(v as T) ? (v as T) : fallback);

/**
 * The list's fields of a stored application record, or null when it has none to list (deleted,
 * or not complete: a partial record that arrived before its creation). Read without the full
 * schema parse of store.ts's readApplication: the projection runs for every application a
 * sync or an import writes, and stored values were checked by value on their way in; a value
 * this version cannot read (a newer app's) takes the same default readApplication gives it.
 */
export function listFieldsOf(data: Record<string, unknown>): ListFields | null {
  if (data.deletedAt != null || typeof data.givenName !== 'string' || !countries.has(data.country as string) || !countries.has(data.nominatingCountry as string)) return null;
  return {
    givenName: data.givenName,
    familyName: str(data.familyName),
    nameOrder: oneOf(data.nameOrder, nameOrders, 'given-family'),
    otherNames: Array.isArray(data.otherNames) ? data.otherNames.filter((x): x is string => typeof x === 'string') : [],
    email: str(data.email),
    agency: str(data.agency),
    country: data.country as ListFields['country'],
    nominatingCountry: data.nominatingCountry as ListFields['nominatingCountry'],
    applicantType: oneOf(data.applicantType, applicantTypes, 'practitioner'),
    source: oneOf(data.source, applicationSources, 'curator'),
  };
}

/** When the record was last written (the newest stamp of its fields). */
export function recordUpdatedAt(record: StoredRecord): number {
  // Clock stamps are fixed-width text that sorts as they do (shared/sync/hlc.ts): the greatest is read once.
  let newest = '';
  for (const field in record.stamps) {
    const hlc = record.stamps[field]![0];
    if (hlc > newest) newest = hlc;
  }
  return newest ? hlcWallMs(newest) : 0;
}

/** One application's row of the list, as the projection stores it and the list sends it. */
export interface SummaryRow {
  summary: ApplicationSummary;
  /** Name, other names, e-mail and agency as the search index holds them (folded; native scripts with their romanised words). */
  search: string;
  sortName: string;
  /** Reviewers assigned now (true) or who reviewed and were unassigned since (false). */
  reviewers: Map<string, boolean>;
}

/** What the list knows of an application: computed from its record and the state of its events only. */
export function summaryOf(id: string, f: ListFields, updatedAt: number, state: ApplicationState): SummaryRow {
  const name = displayName(f);
  const reviewed = new Set(state.reviews.map((r) => r.reviewerId));
  const assigned = state.assignments.map((a) => a.reviewerId);
  const reviewers = new Map<string, boolean>();
  for (const r of reviewed) reviewers.set(r, false);
  for (const r of assigned) reviewers.set(r, true);
  let lastEvent = 0;
  for (const e of [state.submitted, state.screening, state.decision, state.publication, state.withdrawal, ...state.assignments, ...state.reviews, ...state.answers, ...state.notes]) {
    if (e && e.at > lastEvent) lastEvent = e.at;
  }
  const summary: ApplicationSummary = {
    id,
    displayName: name,
    country: f.country,
    nominatingCountry: f.nominatingCountry,
    applicantType: f.applicantType,
    source: f.source,
    stage: state.stage,
    stageSince: state.stageSince,
    submittedAt: state.submitted?.at ?? null,
    reviewerIds: assigned,
    reviewsPending: assigned.filter((r) => !reviewed.has(r)).length,
    updatedAt: Math.max(updatedAt, lastEvent),
  };
  const search = [searchText([f.givenName, f.familyName, ...f.otherNames].join(' ')), fold(`${f.email} ${f.agency}`)].join(' ');
  return { summary, search, sortName: fold(name), reviewers };
}

/**
 * foldText and indexText of text in ASCII alone are its lower case (no marks to remove, no
 * native script to add words for: fold.ts, index-text.ts), so such text — every e-mail, most
 * agencies, many names — skips their normalisations and regular expressions; the projection
 * computes these for every application a sync or an import writes. Tested against both.
 */
// Control characters included: they are ASCII too, and foldText keeps them as they are.
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
export const fold = (text: string): string => (ASCII.test(text) ? text.toLowerCase() : foldText(text));
export const searchText = (text: string): string => (ASCII.test(text) ? text.toLowerCase() : indexText(text));
