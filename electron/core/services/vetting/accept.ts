import { AppError } from '../../../../shared/contract/result';
import { canonicalJson } from '../../../../shared/canonical';
import { derivedId } from '../../../../shared/derived-id';
import {
  defaultVisibility,
  expertDefaults,
  MAX_PORTFOLIO_ITEMS,
  profileSections,
  type ExpertFields,
  type PortfolioItem,
  type PortfolioKind,
  type ProfileSection,
  type Visibility,
  type VisibilityLevel,
} from '../../../../shared/model/expert';
import type { Evidence } from '../../../../shared/model/vetting/application';
import { foldText } from '../../../../shared/text/fold';
import type { VettingEvent } from '../../../../shared/model/vetting/events';
import { buildGraph, type EventGraph } from '../../../../shared/model/vetting/graph';
import { transitionTypes } from '../../../../shared/model/vetting/state';
import type { Write } from '../../changes/types';
import type { Db } from '../../db/open';
import { isCompleteExpert, readPortfolio, readRaw } from '../experts/read';
import type { StoredApplication } from './store';

/**
 * What an accepted application writes to the directory: the expert it becomes (or the expert
 * a curator marked as the same person, updated), with the proposed profile copied field for
 * field (the application uses the expert's field names), the evidence as portfolio items,
 * and each profile section published only if the applicant consented to it. The decision and publication events name the expert,
 * which is how the expert links back to its application (and the audit trail to both).
 */

/** The proposed profile's fields, copied to the expert. Photo and visibility are the directory's. */
const profileFields = [
  'givenName', 'familyName', 'nameOrder', 'otherNames', 'honorific', 'gender', 'country', 'agency', 'position',
  'email', 'phone', 'languages', 'expertise', 'careerSummary', 'yearsExperience', 'education',
] as const satisfies readonly (keyof ExpertFields)[];

/**
 * The level a consented section is published at: the directory's default, except that contact
 * details, held by the secretariat by default, go to members (consent is to publish them) —
 * never to the public at large without a curator choosing so on the expert's page. A section
 * not consented to stays with the secretariat.
 */
function publishedLevel(section: ProfileSection): VisibilityLevel {
  return defaultVisibility[section] === 'secretariat' ? 'members' : defaultVisibility[section];
}

export function consentedVisibility(sections: readonly ProfileSection[]): Visibility {
  const consented = new Set(sections);
  return Object.fromEntries(profileSections.map((s) => [s, consented.has(s) ? publishedLevel(s) : 'secretariat'])) as Visibility;
}

const isEmpty = (v: unknown) => v === '' || v === null || (Array.isArray(v) && v.length === 0);

export interface AcceptPlan {
  expertId: string;
  created: boolean;
  sections: ProfileSection[];
  writes: Write[];
}

/**
 * The expert writes of an accept. The target is, in order: the expert marked "same person"
 * (matchedExpertId; refused if it is gone, rather than silently making a second record), the
 * expert an earlier accept of this application created, else one it updated (a conflict
 * resolved by accepting again must not make a twin), else a new expert. An update writes only
 * the fields the application fills and that differ, so a re-applicant's empty field does not
 * erase the directory's value; it restores an archived expert.
 *
 * A new expert's id, and its portfolio items', are derived from the decision point (below):
 * two curators accepting the same application offline write the same records, which the
 * funnel merges into one expert. Any other expert an accept of this application created (a
 * conflict between a "same person" accept and a new expert, or between accepts taken at
 * different points) leaves the directory archived, so one applicant stays one expert.
 */
export function planAccept(db: Db, app: StoredApplication, events: readonly VettingEvent[]): AcceptPlan {
  const f = app.fields;
  const sections = [...new Set(f.consentSections)];
  const visibility = consentedVisibility(sections);
  const live = (id: string) => {
    const raw = readRaw(db, 'expert', id);
    return raw && isCompleteExpert(raw.data) && raw.data.deletedAt == null ? raw : null;
  };
  if (f.matchedExpertId !== null && !live(f.matchedExpertId)) {
    throw new AppError('NOT_FOUND', 'The expert marked as the same person is no longer in the directory. Clear that mark (or mark another expert) on the application page, then decide again. Nothing was recorded.');
  }
  const graph = buildGraph(events);
  // The new decision follows every head, so every placed event is its ancestor.
  const point = decisionPoint(app.id, graph, () => true);
  const accepts = acceptsOf(app.id, graph);
  // An expert an earlier accept created may not be here yet (a sync cut short between the events
  // and the records written with them): it is still this application's expert, made again
  // under its id and with its portfolio ids, so it merges with the one on its way.
  const earlier = accepts.find((a) => a.created && (live(a.expertId) || !readRaw(db, 'expert', a.expertId))) ?? accepts.find((a) => live(a.expertId));
  const targetId = f.matchedExpertId ?? earlier?.expertId;
  const twins = (kept: string) =>
    archived(db, accepts.filter((a) => a.created && a.expertId !== kept).map((a) => a.expertId), `Another record of the same applicant stays in the directory: expert ${kept}, named when concurrent acceptances of the application were resolved.`);
  if (!targetId || !live(targetId)) {
    // Not live here means on its way: the target is then `earlier` (a marked expert is live, checked above).
    const [expertId, at] = targetId && earlier ? [earlier.expertId, earlier.point] : [createdExpertId(app.id, point), point];
    const fields: Record<string, unknown> = { ...expertDefaults, visibility, status: 'active', statusReason: '' };
    for (const k of profileFields) fields[k] = f[k];
    return { expertId, created: true, sections, writes: [{ entity: 'expert', id: expertId, fields }, ...portfolioFrom(f.evidence, expertId, [], app.id, at), ...twins(expertId)] };
  }
  const current = live(targetId)!.data;
  const changed: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (canonicalJson(v) !== canonicalJson(current[k] ?? (expertDefaults as Record<string, unknown>)[k])) changed[k] = v;
  };
  for (const k of profileFields) if (!isEmpty(f[k])) set(k, f[k]);
  set('visibility', visibility);
  if (current.status === 'archived') {
    changed.status = 'active';
    changed.statusReason = 'Accepted again through a new application.';
  }
  const writes: Write[] = Object.keys(changed).length ? [{ entity: 'expert', id: targetId, fields: changed }] : [];
  return { expertId: targetId, created: false, sections, writes: [...writes, ...portfolioFrom(f.evidence, targetId, readPortfolio(db, targetId), app.id, point), ...twins(targetId)] };
}

/**
 * Where an accept is taken: the application and every transition (screening, decision,
 * publication, withdrawal) among the events it follows (`seen`). Two accepts taken offline
 * from the same state share it — also when one side added a note, an assignment or a review
 * first, which do not change what is being decided — so they name the same new expert. An
 * accept after any other decision (a superseded accept, a return, a resolution) has a point of
 * its own, hence an expert id of its own: a later accept never lands on a record deleted before.
 */
export function decisionPoint(applicationId: string, graph: EventGraph, seen: (eventId: string) => boolean): string[] {
  return [applicationId, ...graph.order.filter((e) => transitionTypes.has(e.type) && seen(e.id)).map((e) => e.id).sort()];
}

/** The expert an accept creates at a decision point; it sorts with its application (derived-id.ts). */
export const createdExpertId = (applicationId: string, point: readonly string[]): string => derivedId(applicationId, ['expert', ...point]);

/**
 * Every accept of the application, in the graph's order, with the expert it named and whether
 * it created that expert: an expert whose id is the one derived from that accept's own decision
 * point was made by it; any other (the one marked "same person") was in the directory before.
 */
function acceptsOf(applicationId: string, graph: EventGraph): { expertId: string; created: boolean; point: string[] }[] {
  return graph.order.flatMap((e) => {
    if (e.type !== 'decided' || e.payload.outcome !== 'accept' || !e.payload.expertId) return [];
    const ancestors = graph.ancestors.get(e.id)!;
    const point = decisionPoint(applicationId, graph, (id) => ancestors.has(id));
    return [{ expertId: e.payload.expertId, created: e.payload.expertId === createdExpertId(applicationId, point), point }];
  });
}

/**
 * Archives each of these experts still active in the directory (never deletes: nothing typed is
 * lost). One not here yet (or only in part) is archived too: the status, stamped after the
 * accept that created it, wins over that accept's when its record arrives, so it never shows up
 * as an orphan.
 */
function archived(db: Db, ids: readonly string[], reason: string): Write[] {
  const out: Write[] = [];
  for (const id of [...new Set(ids)].sort()) {
    const raw = readRaw(db, 'expert', id);
    if (raw && (raw.data.deletedAt != null || raw.data.status === 'archived')) continue;
    out.push({ entity: 'expert', id, fields: { status: 'archived', statusReason: reason } });
  }
  return out;
}

/** How each kind of evidence enters the portfolio: a validated event involvement is speaking (a resource person's role). */
const portfolioKindOf = { publication: 'publication', certificate: 'certificate', event: 'speaking' } as const satisfies Record<Evidence['kind'], PortfolioKind>;
const itemKey = (kind: string, title: string) => `${kind}\u0000${foldText(title.trim())}`;

/**
 * The applicant's evidence as portfolio items of the expert (published only if the applicant
 * consented to the portfolio section: visibility), leaving out what the expert's portfolio
 * already holds (same kind and title, folded) and what would pass the portfolio's limit. Each
 * item's id is derived from the expert, the item's kind and title and the decision point, so
 * two laptops accepting from the same state add one item, not two.
 */
function portfolioFrom(evidence: readonly Evidence[], expertId: string, existing: readonly PortfolioItem[], applicationId: string, point: readonly string[]): Write[] {
  const held = new Set(existing.map((p) => itemKey(p.kind, p.title)));
  const room = MAX_PORTFOLIO_ITEMS - existing.length;
  const latestYear = new Date().getUTCFullYear() + 1;
  const out: Write[] = [];
  for (const e of evidence) {
    const kind = portfolioKindOf[e.kind];
    const key = itemKey(kind, e.title);
    if (held.has(key) || out.length >= room) continue;
    held.add(key);
    const year = e.year != null && e.year <= latestYear ? e.year : null;
    out.push({ entity: 'portfolio', id: derivedId(applicationId, ['portfolio', expertId, key, ...point]), fields: { kind, title: e.title, year, description: e.detail ?? '', link: '', expertId } });
  }
  return out;
}

/**
 * Experts an accept created that a later decision overturned: when concurrent decisions
 * conflicted (one laptop accepted and published, another rejected) and the curator resolves
 * it with a reject, a return or a withdrawal, the expert the superseded accept created leaves
 * the directory (archived, with the reason; never deleted, so nothing typed is lost). An
 * expert the accept only updated (the one marked "same person") was in the directory before
 * and stays.
 */
export function overturnedExperts(db: Db, app: StoredApplication, events: readonly VettingEvent[], at: string): Write[] {
  const created = acceptsOf(app.id, buildGraph(events)).filter((a) => a.created && a.expertId !== app.fields.matchedExpertId);
  return archived(db, created.map((a) => a.expertId), `The application's acceptance was overturned: ${at}`);
}
