import sharp from 'sharp';
import { reportFiltersSchema, type ReportFilters } from '../../../../shared/contract/reports';
import { displayName } from '../../../../shared/model/expert';
import type { Db } from '../../db/open';
import { readAttachment } from '../attachments';
import { readExpert } from '../experts/read';
import { readInterview } from '../reports/interviews';
import { matchesFilters } from '../reports/list';
import { readAllReports, readReport as readStoredReport, type StoredReport } from '../reports/read';
import type { TaxonomyIndex } from '../taxonomy';
import type { MtrItem } from './build/mtr';
import type { BuildSources, InterviewSource } from './build/common';

/**
 * Reads what an export needs, through the reports' own readers (services/reports: merged
 * fields, defaults for any not received or unreadable, no partial record taken for a report)
 * so an export sees the records the screens show: case studies and stories, the interviews
 * their quotes cite, the photos as JPEG (stored as WebP; documents take PNG or JPEG), the
 * experts' names and the expertise terms' labels.
 */

const itemOf = (r: StoredReport): MtrItem => (r.type === 'case_study' ? { type: r.type, id: r.id, record: r.fields } : { type: r.type, id: r.id, record: r.fields });

/** The live case study or story with this id, or null (none, removed, or not yet a whole record). */
export function readReport(db: Db, id: string): MtrItem | null {
  const report = readStoredReport(db, id);
  return report && !report.removed ? itemOf(report) : null;
}

/**
 * The live reports the list shows for these filters (reports/list.ts, whose count the Compile
 * dialog shows before it asks for the compilation), by title.
 */
export function readMatchingReports(db: Db, filters: Partial<ReportFilters>): MtrItem[] {
  const f: ReportFilters = { ...reportFiltersSchema.parse(filters), removed: false };
  return readAllReports(db)
    .filter((r) => matchesFilters(r, f))
    .map(itemOf)
    .sort((a, b) => a.record.title.localeCompare(b.record.title) || a.id.localeCompare(b.id));
}

/**
 * The interviews named (reports/interviews.ts). A removed one is returned as removed — its
 * deletedAt set, to its last change: only whether it is set matters — so its quotes cannot show
 * consent; one not (yet) here at all cannot either (shared/model/reports/consent.ts).
 */
export function readInterviews(db: Db, ids: Iterable<string>): InterviewSource[] {
  const out: InterviewSource[] = [];
  for (const id of new Set(ids)) {
    const i = readInterview(db, id);
    if (i) out.push({ id, name: i.name, role: i.role, organisation: i.organisation, heldAt: i.heldAt, consentToQuote: i.consentToQuote, deletedAt: i.removed ? i.updatedAt : null });
  }
  return out;
}

/** The sources the documents of these reports need. */
export async function readSources(db: Db, items: readonly MtrItem[], taxonomy: TaxonomyIndex, interviews: readonly InterviewSource[]): Promise<BuildSources> {
  const photos = new Map<string, Uint8Array>();
  for (const item of items) {
    if (item.type === 'story' && item.record.anonymised) continue;
    for (const p of item.record.photos) {
      if (photos.has(p.hash)) continue;
      const stored = readAttachment(db, p.hash);
      if (stored) photos.set(p.hash, await sharp(stored.bytes).jpeg({ quality: 85 }).toBuffer());
    }
  }
  const names = new Map<string, string | null>();
  return {
    interviews: new Map(interviews.map((i) => [i.id, i])),
    photos,
    expertName(id) {
      if (!names.has(id)) {
        const e = readExpert(db, id);
        names.set(id, e ? displayName(e) : null);
      }
      return names.get(id)!;
    },
    termLabel: (id, lang) => taxonomy.lineage(id)[0]?.label[lang] ?? id,
  };
}
