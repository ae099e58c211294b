import { cellText, type ImportTable } from '../../import/table';
import { hasHiddenCharacters } from '../../text/hygiene';
import { characteristics, criterionNames, dimensions, MAX_EVIDENCE_CHARS, ratingNames, ratings, type Criterion, type Rating, type RatingValue } from './characteristics';
import { sectionsOf, type ReportType, type SectionField } from './sections';

/**
 * An evaluation sheet (CSV or XLSX, one row per characteristic or dimension: criterion, rating,
 * evidence, sections) read into a report's ratings. Names are matched loosely — the key
 * ("people"), the field ("r_people") or the name in English or Bahasa Indonesia, in any case
 * and with or without accents — but never guessed: a characteristic or rating that does not
 * exist is UNKNOWN_CHARACTERISTIC, naming it and its row, and nothing is imported. Pure, so the
 * screens can check a sheet before it is sent.
 */

export interface RatingsImportProblem {
  code: 'UNKNOWN_CHARACTERISTIC' | 'INVALID_INPUT';
  row: number;
  /** The name as the sheet wrote it, for UNKNOWN_CHARACTERISTIC. */
  name?: string;
  message: string;
}

export type RatingsImport = { ok: true; ratings: Partial<Record<Criterion, RatingValue<SectionField>>> } | { ok: false; problems: RatingsImportProblem[] };

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s_\-–]+/g, ' ')
    .trim();

const lookup = <K extends string>(keys: readonly K[], names: Record<K, { en: string; id: string }>, prefix = '') => {
  const map = new Map<string, K>();
  for (const k of keys) for (const name of [k, `${prefix}${k}`, names[k].en, names[k].id]) map.set(fold(name), k);
  return map;
};
const criterionByName = lookup([...characteristics, ...dimensions], criterionNames, 'r_');
const ratingByName = lookup(ratings, ratingNames);

const headerNames: Record<'criterion' | 'rating' | 'evidence' | 'sections', string[]> = {
  criterion: ['criterion', 'characteristic', 'dimension', 'kriteria', 'karakteristik', 'dimensi'],
  rating: ['rating', 'penilaian', 'nilai'],
  evidence: ['evidence', 'bukti'],
  sections: ['sections', 'section', 'bagian'],
};

export function ratingsFromTable(type: ReportType, table: ImportTable): RatingsImport {
  const column = (k: keyof typeof headerNames) => table.headers.findIndex((h) => headerNames[k].includes(fold(h)));
  const at = { criterion: column('criterion'), rating: column('rating'), evidence: column('evidence'), sections: column('sections') };
  if (at.criterion < 0 || at.rating < 0) {
    return { ok: false, problems: [{ code: 'INVALID_INPUT', row: table.headerRow, message: 'The sheet needs a "criterion" column and a "rating" column in its first row (and may have "evidence" and "sections").' }] };
  }
  const allowed = new Set<Criterion>(type === 'case_study' ? [...characteristics, ...dimensions] : characteristics);
  const sections = new Map(sectionsOf[type].map((s) => [s.slice(2).toLowerCase(), s] as const));
  for (const s of sectionsOf[type]) sections.set(s.toLowerCase(), s);
  const problems: RatingsImportProblem[] = [];
  const out: Partial<Record<Criterion, RatingValue<SectionField>>> = {};
  for (const row of table.rows) {
    const name = cellText(row.cells[at.criterion]).trim();
    const ratingText = cellText(row.cells[at.rating]).trim();
    const evidence = at.evidence >= 0 ? cellText(row.cells[at.evidence]) : '';
    const sectionText = at.sections >= 0 ? cellText(row.cells[at.sections]) : '';
    if (!name && !ratingText && !evidence.trim() && !sectionText.trim()) continue;
    const criterion = criterionByName.get(fold(name));
    if (!criterion || !allowed.has(criterion)) {
      const why = criterion ? `a ${type === 'story' ? 'story' : 'case study'} is not rated on it` : 'there is no such characteristic';
      problems.push({ code: 'UNKNOWN_CHARACTERISTIC', row: row.number, name, message: `Row ${row.number} names "${name || '(empty)'}": ${why}.` });
      continue;
    }
    let rating: Rating | null = null;
    if (ratingText) {
      const found = ratingByName.get(fold(ratingText));
      if (!found) {
        problems.push({ code: 'UNKNOWN_CHARACTERISTIC', row: row.number, name: ratingText, message: `Row ${row.number} rates "${name}" as "${ratingText}", which is not a rating.` });
        continue;
      }
      rating = found;
    }
    if (out[criterion]) problems.push({ code: 'INVALID_INPUT', row: row.number, message: `Row ${row.number} rates "${name}" again; keep one row per characteristic.` });
    if (evidence.length > MAX_EVIDENCE_CHARS) problems.push({ code: 'INVALID_INPUT', row: row.number, message: `Row ${row.number}: the evidence has more than ${MAX_EVIDENCE_CHARS} characters.` });
    if (hasHiddenCharacters(evidence, true)) problems.push({ code: 'INVALID_INPUT', row: row.number, message: `Row ${row.number}: the evidence contains a control character or a hidden text-direction mark.` });
    const named = sectionText.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    const unknown = named.filter((s) => !sections.has(s.toLowerCase()));
    if (unknown.length) problems.push({ code: 'INVALID_INPUT', row: row.number, message: `Row ${row.number} points at sections this record does not have: ${unknown.join(', ')}.` });
    out[criterion] = { rating, evidence, sections: [...new Set(named.map((s) => sections.get(s.toLowerCase())).filter((s): s is SectionField => !!s))] };
  }
  if (problems.length) return { ok: false, problems };
  if (Object.keys(out).length === 0) return { ok: false, problems: [{ code: 'INVALID_INPUT', row: table.headerRow, message: 'The sheet rates nothing: add one row per characteristic.' }] };
  return { ok: true, ratings: out };
}
