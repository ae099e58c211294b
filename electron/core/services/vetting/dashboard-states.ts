import type { ApplicationSummary } from '../../../../shared/contract/vetting';
import type { CountryCode } from '../../../../shared/model/countries';
import { displayName, type NameOrder } from '../../../../shared/model/expert';
import { applicationState } from '../../../../shared/model/vetting/compute';
import { eventFromRecord, type VettingEvent } from '../../../../shared/model/vetting/events';
import { buildGraph } from '../../../../shared/model/vetting/graph';
import type { ApplicationState, Stage } from '../../../../shared/model/vetting/state';
import { hlcWallMs } from '../../../../shared/sync/hlc';
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
  computed: Map<string, { state: ApplicationState; visits: StageVisit[]; lastAt: number }>;
  /** The applications' fields, and the last change-log row they reflect. */
  apps: Map<string, AppFields> | null;
  logRowid: number;
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

const emptyCache = (): Cache => ({ count: 0, maxRowid: 0, events: new Map(), computed: new Map(), apps: null, logRowid: 0 });

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


type AppFields = Omit<AppOverview, 'state' | 'visits' | 'updatedAt'> & { stampedAt: number };

const APP_COLUMNS = `id, data ->> '$.givenName' AS givenName, data ->> '$.familyName' AS familyName, data ->> '$.nameOrder' AS nameOrder,
  data ->> '$.country' AS country, data ->> '$.nominatingCountry' AS nominatingCountry, data ->> '$.applicantType' AS applicantType,
  data ->> '$.source' AS source, data ->> '$.deletedAt' AS deletedAt,
  (SELECT max(value ->> 0) FROM json_each(stamps, '$.s')) AS stamp`;

function appFields(row: Record<string, string | null>): AppFields | null {
  if (typeof row.givenName !== 'string' || typeof row.country !== 'string' || typeof row.nominatingCountry !== 'string' || row.deletedAt !== null) return null;
  const familyName = row.familyName ?? '';
  return {
    id: row.id!,
    name: displayName({ givenName: row.givenName, familyName, nameOrder: (row.nameOrder as NameOrder | null) ?? 'given-family' }),
    country: row.country as CountryCode,
    nominatingCountry: row.nominatingCountry as CountryCode,
    applicantType: row.applicantType as AppOverview['applicantType'],
    source: row.source as AppOverview['source'],
    givenName: row.givenName,
    familyName,
    stampedAt: row.stamp ? hlcWallMs(row.stamp) : 0,
  };
}

/**
 * The applications' fields these views need, kept like the events: every write, local or
 * received, adds rows to the change log, so the applications named by log rows after the last
 * one seen are read again (by SQLite's JSON functions, never whole records); a log that went
 * back (a restored file) reloads all.
 */
function refreshApps(db: Db, cache: Cache): void {
  const head = db.prepare('SELECT coalesce(max(rowid), 0) FROM changes').pluck().get() as number;
  if (cache.apps && head === cache.logRowid) return;
  const put = (row: Record<string, string | null>) => {
    const fields = appFields(row);
    if (fields) cache.apps!.set(row.id!, fields);
    else cache.apps!.delete(row.id!);
  };
  if (!cache.apps || head < cache.logRowid) {
    cache.apps = new Map();
    for (const row of db.prepare(`SELECT ${APP_COLUMNS} FROM records WHERE entity = 'application'`).all() as Record<string, string | null>[]) put(row);
  } else {
    const changed = db.prepare("SELECT DISTINCT id FROM changes WHERE rowid > ? AND entity = 'application'").pluck().all(cache.logRowid) as string[];
    const one = db.prepare(`SELECT ${APP_COLUMNS} FROM records WHERE entity = 'application' AND id = ?`);
    for (const id of changed) {
      const row = one.get(id) as Record<string, string | null> | undefined;
      if (row) put(row);
      else cache.apps.delete(id);
    }
  }
  cache.logRowid = head;
}

/** Every application that is not deleted, with its state, by id. */
export function allOverviews(db: Db): AppOverview[] {
  const cache = refreshEvents(db);
  refreshApps(db, cache);
  const out: AppOverview[] = [];
  for (const app of cache.apps!.values()) {
    let computed = cache.computed.get(app.id);
    if (!computed) {
      const events = [...(cache.events.get(app.id)?.values() ?? [])];
      const state = applicationState(events);
      computed = { state, visits: stageVisits(events, state), lastAt: events.reduce((m, e) => Math.max(m, e.at), 0) };
      cache.computed.set(app.id, computed);
    }
    const { stampedAt, ...fields } = app;
    out.push({ ...fields, updatedAt: Math.max(stampedAt, computed.lastAt), state: computed.state, visits: computed.visits });
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
