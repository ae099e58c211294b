import type { ApplicationSummary } from '../../../../shared/contract/vetting';
import type { CountryCode } from '../../../../shared/model/countries';
import { displayName, type NameOrder } from '../../../../shared/model/expert';
import { applicationState } from '../../../../shared/model/vetting/compute';
import { eventFromRecord, type VettingEvent } from '../../../../shared/model/vetting/events';
import { buildGraph } from '../../../../shared/model/vetting/graph';
import type { ApplicationState, Stage } from '../../../../shared/model/vetting/state';
import { hlcWallMs } from '../../../../shared/sync/hlc';
import { decodeStamps } from '../../changes/stamps';
import type { Db } from '../../db/open';

/**
 * Every application's state at once, for the views over all of them (reviewer load, automatic
 * assignment, the conflict inbox, the dashboard). Computing thousands of states from their
 * events on every call would take seconds, so the states are kept per database and brought up
 * to date from the events stored since the last call (events are written once: a new event has
 * a rowid above every one already seen; anything else — a restored file — rebuilds all).
 * The audit (audit.ts) never trusts this cache: it reads and verifies the stored events.
 */

/** A stay in one stage: from when it entered it until it left (null: it is there now). */
export interface StageVisit {
  stage: Stage;
  from: number;
  to: number | null;
}

export interface AppOverview {
  id: string;
  name: string;
  country: CountryCode;
  nominatingCountry: CountryCode;
  applicantType: ApplicationSummary['applicantType'];
  source: ApplicationSummary['source'];
  expertise: string[];
  /** The application's fields the conflict-of-interest rules read. */
  agency: string;
  recommenderName: string;
  declaredConflicts: string[];
  givenName: string;
  familyName: string;
  updatedAt: number;
  state: ApplicationState;
  visits: StageVisit[];
}

interface Cache {
  count: number;
  maxRowid: number;
  events: Map<string, Map<string, VettingEvent>>;
  computed: Map<string, { state: ApplicationState; visits: StageVisit[] }>;
}

const caches = new WeakMap<Db, Cache>();

function refreshEvents(db: Db): Cache {
  const head = db.prepare("SELECT count(*) AS n, coalesce(max(rowid), 0) AS m FROM records WHERE entity = 'vetting_event'").get() as { n: number; m: number };
  let cache = caches.get(db);
  if (cache && cache.count === head.n && cache.maxRowid === head.m) return cache;
  if (!cache || head.m < cache.maxRowid || head.n < cache.count) cache = emptyCache();
  readSince(db, cache);
  // Rows under rowids already passed (a restored or vacuumed file): read everything again.
  if (cache.count !== head.n) readSince(db, (cache = emptyCache()));
  caches.set(db, cache);
  return cache;
}

const emptyCache = (): Cache => ({ count: 0, maxRowid: 0, events: new Map(), computed: new Map() });

function readSince(db: Db, cache: Cache): void {
  const rows = db.prepare("SELECT rowid AS r, id, data FROM records WHERE entity = 'vetting_event' AND rowid > ?").all(cache.maxRowid) as { r: number; id: string; data: string }[];
  for (const row of rows) {
    cache.maxRowid = Math.max(cache.maxRowid, row.r);
    const event = eventFromRecord(row.id, JSON.parse(row.data) as Record<string, unknown>);
    if (!event) continue;
    let of = cache.events.get(event.applicationId);
    if (!of) cache.events.set(event.applicationId, (of = new Map()));
    of.set(event.id, event);
    cache.computed.delete(event.applicationId);
  }
  cache.count += rows.length;
}

/** The stages an application went through, from its events in graph order. */
export function stageVisits(events: readonly VettingEvent[], state: ApplicationState): StageVisit[] {
  const order = buildGraph(events).order;
  const visits: StageVisit[] = [];
  for (let i = 1; i <= order.length; i++) {
    const s = i === order.length ? state : applicationState(order.slice(0, i));
    const last = visits[visits.length - 1];
    if (last?.stage === s.stage) continue;
    const at = s.stageSince ?? order[i - 1]!.at;
    if (last) last.to = at;
    visits.push({ stage: s.stage, from: at, to: null });
  }
  return visits;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Every application that is not deleted, with its state. */
export function allOverviews(db: Db): AppOverview[] {
  const cache = refreshEvents(db);
  const rows = db.prepare("SELECT id, data, stamps FROM records WHERE entity = 'application'").all() as { id: string; data: string; stamps: string }[];
  const out: AppOverview[] = [];
  for (const row of rows) {
    const d = JSON.parse(row.data) as Record<string, unknown>;
    if (typeof d.givenName !== 'string' || (d.deletedAt !== undefined && d.deletedAt !== null)) continue;
    if (typeof d.country !== 'string' || typeof d.nominatingCountry !== 'string') continue;
    let computed = cache.computed.get(row.id);
    if (!computed) {
      const events = [...(cache.events.get(row.id)?.values() ?? [])];
      const state = applicationState(events);
      computed = { state, visits: stageVisits(events, state) };
      cache.computed.set(row.id, computed);
    }
    let updatedAt = 0;
    for (const stamp of Object.values(decodeStamps(row.stamps))) updatedAt = Math.max(updatedAt, hlcWallMs(stamp[0]));
    for (const e of cache.events.get(row.id)?.values() ?? []) updatedAt = Math.max(updatedAt, e.at);
    out.push({
      id: row.id,
      name: displayName({ givenName: d.givenName, familyName: str(d.familyName), nameOrder: (d.nameOrder as NameOrder | undefined) ?? 'given-family' }),
      country: d.country as CountryCode,
      nominatingCountry: d.nominatingCountry as CountryCode,
      applicantType: d.applicantType as AppOverview['applicantType'],
      source: d.source as AppOverview['source'],
      expertise: strs(d.expertise),
      agency: str(d.agency),
      recommenderName: str(d.recommenderName),
      declaredConflicts: strs(d.declaredConflicts),
      givenName: d.givenName,
      familyName: str(d.familyName),
      updatedAt,
      ...computed,
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The list row of an application (applicationSummarySchema). */
export function summaryOf(o: AppOverview): ApplicationSummary {
  const reviewed = new Set(o.state.reviews.map((r) => r.reviewerId));
  return {
    id: o.id,
    displayName: o.name,
    country: o.country,
    nominatingCountry: o.nominatingCountry,
    applicantType: o.applicantType,
    source: o.source,
    stage: o.state.stage,
    stageSince: o.state.stageSince,
    submittedAt: o.state.submitted?.at ?? null,
    reviewerIds: o.state.assignments.map((a) => a.reviewerId),
    reviewsPending: o.state.assignments.filter((a) => !reviewed.has(a.reviewerId)).length,
    updatedAt: o.updatedAt,
  };
}
