import sharp from 'sharp';
import { caseStudyDefaults, caseStudyFieldsSchema, type CaseStudyFields } from '../../../../shared/model/reports/caseStudy';
import { interviewDefaults, interviewFieldsSchema } from '../../../../shared/model/reports/interview';
import { storyDefaults, storyFieldsSchema, type StoryFields } from '../../../../shared/model/reports/story';
import { displayName } from '../../../../shared/model/expert';
import type { Db } from '../../db/open';
import { readAttachment } from '../attachments';
import { readExpert, readRaw } from '../experts/read';
import type { TaxonomyIndex } from '../taxonomy';
import type { MtrItem } from './build/mtr';
import type { BuildSources, InterviewSource } from './build/common';

/**
 * Reads what an export needs: case studies and stories (merged fields, defaults for any not
 * received; a field whose value fails its schema reads as its default, as vetting's store
 * does), the interviews their quotes cite, the photos as JPEG (stored as WebP; documents take
 * PNG or JPEG), the experts' names and the expertise terms' labels.
 */

function fieldsOf<T extends object>(data: Record<string, unknown>, shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>, defaults: T): T {
  const fields = { ...defaults } as Record<string, unknown>;
  for (const [key, schema] of Object.entries(shape)) {
    if (!Object.hasOwn(data, key)) continue;
    const parsed = schema.safeParse(data[key]);
    if (parsed.success) fields[key] = parsed.data;
  }
  return fields as T;
}

/** The live case study or story with this id, or null (none, or removed). */
export function readReport(db: Db, id: string): MtrItem | null {
  const cs = readRaw(db, 'case_study', id);
  if (cs) {
    const record = fieldsOf<CaseStudyFields>(cs.data, caseStudyFieldsSchema.shape, caseStudyDefaults);
    return record.deletedAt == null ? { type: 'case_study', id, record } : null;
  }
  const st = readRaw(db, 'story', id);
  if (!st) return null;
  const record = fieldsOf<StoryFields>(st.data, storyFieldsSchema.shape, storyDefaults);
  return record.deletedAt == null ? { type: 'story', id, record } : null;
}

/** Every live case study and story, by title. */
export function readAllReports(db: Db): MtrItem[] {
  const ids = db.prepare("SELECT id FROM records WHERE entity IN ('case_study', 'story') ORDER BY id").pluck().all() as string[];
  return ids
    .map((id) => readReport(db, id))
    .filter((r): r is MtrItem => !!r)
    .sort((a, b) => a.record.title.localeCompare(b.record.title) || a.id.localeCompare(b.id));
}

/** The interviews named (a removed one is returned with its deletedAt: its quotes cannot show consent). */
export function readInterviews(db: Db, ids: Iterable<string>): InterviewSource[] {
  const out: InterviewSource[] = [];
  for (const id of new Set(ids)) {
    const raw = readRaw(db, 'interview', id);
    if (!raw) continue;
    const f = fieldsOf(raw.data, interviewFieldsSchema.shape, interviewDefaults);
    out.push({ id, name: f.name, role: f.role, organisation: f.organisation, heldAt: f.heldAt, consentToQuote: f.consentToQuote, deletedAt: f.deletedAt });
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
