/**
 * A focal points' sheet of `count` applicants for the import bench: the demo generator's
 * realistic people of all 11 member states (diacritics, native-script other names, honorifics,
 * phones, languages, expertise), written as a CSV with the English headers a template uses.
 */
import Papa from 'papaparse';
import { generateExperts } from '../../electron/core/demo/generate';
import type { ExpertFields } from '../../shared/model/expert';

const HEADERS = ['Given name', 'Family name', 'Name order', 'Other names', 'Honorific', 'Gender', 'Country', 'Agency', 'Position', 'E-mail', 'Phone', 'Languages', 'Expertise', 'Career summary', 'Years of experience', 'Applicant type', 'Recommender', 'Recommender organisation', 'Recommender body type'];
const TYPES = ['academic', 'practitioner', 'both'] as const;

export function applicantSheet(count: number, seed: number): { csv: string; rows: string[][] } {
  const rows: string[][] = [];
  let i = 0;
  for (const { expert } of generateExperts(count, seed)) {
    // The generator fills every field (makeExpert); its type is the looser create shape.
    const e = expert as ExpertFields;
    rows.push([
      e.givenName,
      e.familyName,
      e.nameOrder,
      e.otherNames.join('; '),
      e.honorific,
      e.gender ?? '',
      e.country,
      e.agency,
      e.position,
      e.email,
      e.phone,
      e.languages.map((l) => `${l.code} (${l.proficiency})`).join('; '),
      e.expertise.join('; '),
      e.careerSummary,
      e.yearsExperience === null ? '' : String(e.yearsExperience),
      TYPES[i % 3]!,
      i % 4 === 0 ? '' : `Head of ${e.agency}`.slice(0, 200),
      i % 4 === 0 ? '' : e.agency,
      i % 4 === 0 ? '' : 'government',
    ]);
    i++;
  }
  return { csv: Papa.unparse([HEADERS, ...rows], { newline: '\r\n' }), rows };
}
