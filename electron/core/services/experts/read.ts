import {
  expertDefaults,
  type Expert,
  type ExpertFields,
  type ExpertStatus,
  type PortfolioItem,
} from '../../../../shared/model/expert';
import { hlcWallMs } from '../../../../shared/sync/hlc';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import { decodeStamps } from '../../changes/stamps';
import type { FieldStamp } from '../../changes/types';

/**
 * Reads merged records back as domain objects. Fields a record lacks (a partial record that
 * arrived by sync before its creation did) take the defaults, so the UI never sees holes.
 */

export interface RawRecord {
  id: string;
  data: Record<string, unknown>;
  stamps: Record<string, FieldStamp>;
}

export interface ExpertRecord {
  fields: ExpertFields;
  status: ExpertStatus;
  statusReason: string;
  deleted: boolean;
  demo: boolean;
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
  stamps: Record<string, FieldStamp>;
}

/** Prepared once per connection: these run for every record the projection touches. */
const statements = perConnection((db) => ({
  record: db.prepare('SELECT data, stamps FROM records WHERE entity = ? AND id = ?'),
  portfolio: db.prepare("SELECT id, data FROM records WHERE entity = 'portfolio' AND json_extract(data, '$.expertId') = ?"),
}));

export function readRaw(db: Db, entity: string, id: string): RawRecord | null {
  const row = statements(db).record.get(entity, id) as { data: string; stamps: string } | undefined;
  return row ? { id, data: JSON.parse(row.data), stamps: decodeStamps(row.stamps) } : null;
}

/** True when the record carries the fields every expert must have. */
export function isCompleteExpert(data: Record<string, unknown>): boolean {
  return typeof data.givenName === 'string' && typeof data.country === 'string';
}

export function toExpertRecord(raw: RawRecord): ExpertRecord {
  const d = raw.data;
  let created = Infinity;
  let latest: FieldStamp | null = null;
  // Fields written together share one stamp object (see decodeStamps): visit each once.
  for (const stamp of new Set(Object.values(raw.stamps))) {
    created = Math.min(created, hlcWallMs(stamp[0]));
    if (!latest || stamp[0] > latest[0] || (stamp[0] === latest[0] && stamp[1] > latest[1])) latest = stamp;
  }
  const fields = expertFieldsOf(d);
  return {
    fields,
    status: d.status === 'archived' ? 'archived' : 'active',
    statusReason: typeof d.statusReason === 'string' ? d.statusReason : '',
    deleted: d.deletedAt != null,
    demo: d.demo === true,
    createdAt: Number.isFinite(created) ? created : 0,
    updatedAt: latest ? hlcWallMs(latest[0]) : 0,
    updatedBy: latest ? latest[2] : '',
    stamps: raw.stamps,
  };
}

/** Every expert field in the order of the defaults, and the value a record lacking it reads as. */
const fallback: Record<string, unknown> = { ...expertDefaults, givenName: '', country: 'ID' };
const expertKeys = Object.keys(fallback);

/**
 * The record's expert fields, each taken from the record where it has one, else the default.
 * (The same object as spreading the defaults and then the record's expert fields, built key by
 * key: the projection reads every expert of a first sync through here.)
 */
function expertFieldsOf(d: Record<string, unknown>): ExpertFields {
  const out: Record<string, unknown> = {};
  for (const k of expertKeys) out[k] = Object.hasOwn(d, k) ? d[k] : fallback[k];
  return out as ExpertFields;
}

/** A portfolio record as an item, or null when it is removed or incomplete (a partial sync). */
export function toPortfolioItem(id: string, d: Record<string, unknown>): PortfolioItem | null {
  if (d.deletedAt != null || typeof d.title !== 'string' || typeof d.expertId !== 'string') return null;
  return {
    id,
    expertId: d.expertId,
    kind: (d.kind as PortfolioItem['kind']) ?? 'project',
    title: d.title,
    year: typeof d.year === 'number' ? d.year : null,
    description: typeof d.description === 'string' ? d.description : '',
    link: typeof d.link === 'string' ? d.link : '',
  };
}

/** The live portfolio items of an expert, oldest first. */
export function readPortfolio(db: Db, expertId: string): PortfolioItem[] {
  const rows = statements(db).portfolio.all(expertId) as { id: string; data: string }[];
  // Sorted here, not in SQL: an ORDER BY id would make SQLite walk the primary key over
  // every portfolio row instead of using the by-expert index.
  rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  return rows.map((row) => toPortfolioItem(row.id, JSON.parse(row.data))).filter((item) => item !== null);
}

/** One live portfolio item whose expert is in the directory, or null. */
export function readPortfolioItem(db: Db, id: string): PortfolioItem | null {
  const raw = readRaw(db, 'portfolio', id);
  const item = raw && toPortfolioItem(id, raw.data);
  if (!item) return null;
  const owner = readRaw(db, 'expert', item.expertId);
  return owner && isCompleteExpert(owner.data) && owner.data.deletedAt == null ? item : null;
}

export function readExpert(db: Db, id: string): Expert | null {
  const raw = readRaw(db, 'expert', id);
  if (!raw || !isCompleteExpert(raw.data)) return null;
  const r = toExpertRecord(raw);
  if (r.deleted) return null;
  return {
    ...r.fields,
    id,
    status: r.status,
    statusReason: r.statusReason,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
    portfolio: readPortfolio(db, id),
    demo: r.demo,
  };
}
