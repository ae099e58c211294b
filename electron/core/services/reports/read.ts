import { caseStudyDefaults, caseStudyFieldsSchema, type CaseStudyFields } from '../../../../shared/model/reports/caseStudy';
import { reportTypes, type ReportType } from '../../../../shared/model/reports/sections';
import { storyDefaults, storyFieldsSchema, type StoryFields } from '../../../../shared/model/reports/story';
import { hlcWallMs } from '../../../../shared/sync/hlc';
import { decodeStamps } from '../../changes/stamps';
import type { FieldStamp } from '../../changes/types';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';

/**
 * Reads case studies and stories back from the generic records table: the merged fields, with
 * the default for any field the record lacks or holds a value this version cannot read (written
 * by a newer app). Writes go through the change funnel only.
 */

interface Common {
  id: string;
  stamps: Record<string, FieldStamp>;
  createdAt: number;
  updatedAt: number;
  /** Who wrote the latest change (a user id). */
  updatedBy: string;
  removed: boolean;
}
export type StoredReport = Common & ({ type: 'case_study'; fields: CaseStudyFields } | { type: 'story'; fields: StoryFields });

const schemas = { case_study: caseStudyFieldsSchema.shape, story: storyFieldsSchema.shape } as const;
const defaults = { case_study: caseStudyDefaults, story: storyDefaults } as const;

const statements = perConnection((db) => ({
  one: db.prepare("SELECT entity, data, stamps FROM records WHERE entity IN ('case_study', 'story') AND id = ?"),
  all: db.prepare("SELECT entity, id, data, stamps FROM records WHERE entity IN ('case_study', 'story')"),
}));

interface Row {
  entity: string;
  id: string;
  data: string;
  stamps: string;
}

/** A record's fields: each stored value that passes its field's schema, else that field's default. */
export function fieldsOf<T extends object>(data: Record<string, unknown>, shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>, defaults: T): T {
  const fields: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, schema] of Object.entries(shape)) {
    if (!Object.hasOwn(data, key)) continue;
    const parsed = schema.safeParse(data[key]);
    if (parsed.success) fields[key] = parsed.data;
  }
  return fields as T;
}

/** The report from its stored row, or null when it is not a report (no title yet: a partial record from sync). */
export function reportFromRow(row: Row): StoredReport | null {
  if (!(reportTypes as readonly string[]).includes(row.entity)) return null;
  const type = row.entity as ReportType;
  const data = JSON.parse(row.data) as Record<string, unknown>;
  if (typeof data.title !== 'string') return null;
  const fields = fieldsOf<Record<string, unknown>>(data, schemas[type], defaults[type]);
  const stamps = decodeStamps(row.stamps);
  let created = Infinity;
  let latest: FieldStamp | null = null;
  for (const stamp of new Set(Object.values(stamps))) {
    created = Math.min(created, hlcWallMs(stamp[0]));
    if (!latest || stamp[0] > latest[0] || (stamp[0] === latest[0] && stamp[1] > latest[1])) latest = stamp;
  }
  const common: Common = {
    id: row.id,
    stamps,
    createdAt: Number.isFinite(created) ? created : 0,
    updatedAt: latest ? hlcWallMs(latest[0]) : 0,
    updatedBy: latest ? latest[2] : '',
    removed: fields.deletedAt != null,
  };
  return type === 'case_study' ? { ...common, type, fields: fields as CaseStudyFields } : { ...common, type, fields: fields as StoryFields };
}

/** The case study or story with this id, removed ones included (see `removed`), or null. */
export function readReport(db: Db, id: string): StoredReport | null {
  const row = statements(db).one.get(id) as Omit<Row, 'id'> | undefined;
  return row ? reportFromRow({ ...row, id }) : null;
}

/** Every case study and story, removed ones included, in no particular order: one query. */
export function readAllReports(db: Db): StoredReport[] {
  const out: StoredReport[] = [];
  for (const row of statements(db).all.iterate() as IterableIterator<Row>) {
    const report = reportFromRow(row);
    if (report) out.push(report);
  }
  return out;
}
