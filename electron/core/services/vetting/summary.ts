import type { ApplicationSummary } from '../../../../shared/contract/vetting';
import { displayName } from '../../../../shared/model/expert';
import type { ApplicationState } from '../../../../shared/model/vetting/state';
import { foldText } from '../../../../shared/text/fold';
import type { StoredApplication } from './store';

/** One application's row of the list, as the projection stores it and the list sends it. */
export interface SummaryRow {
  summary: ApplicationSummary;
  /** Folded name, other names, e-mail and agency: what a query looks into. */
  search: string;
  sortName: string;
  /** Reviewers assigned now (true) or who reviewed and were unassigned since (false). */
  reviewers: Map<string, boolean>;
}

/** What the list knows of an application: computed from its record and the state of its events only. */
export function summaryOf(app: StoredApplication, state: ApplicationState): SummaryRow {
  const f = app.fields;
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
    id: app.id,
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
    updatedAt: Math.max(app.updatedAt, lastEvent),
  };
  const search = foldText([f.givenName, f.familyName, ...f.otherNames, f.email, f.agency].join(' ')).replace(/\s+/g, ' ');
  return { summary, search, sortName: foldText(name), reviewers };
}
