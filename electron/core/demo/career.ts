import type { CountryCode } from '../../../shared/model/countries';
import { atAgency, type Agency } from './agencies';
import { countryInSentence, countryProfiles, universitiesAbroad, universitiesAbroadFor } from './country-profiles';
import type { Rng } from './prng';
import { lowerFirst } from './text';

/** Position, education and career summary, consistent with each other and with the expertise. */

export const REFERENCE_YEAR = 2026; // fixed, so output does not depend on the clock

/** Unit names of a ministry by top-level domain ("Human Resource Management Division"). */
const unitArea: Record<string, string> = {
  hrm: 'Human Resource Management', competency: 'Competency Development', performance: 'Performance Management',
  leadership: 'Leadership Development', digital: 'Digital Transformation', 'service-delivery': 'Public Service Delivery',
  integrity: 'Integrity and Compliance', reform: 'Civil Service Reform', learning: 'Training and Development',
  policy: 'Policy Planning', pfm: 'Finance and Budget', 'org-design': 'Organisational Development',
  regulatory: 'Regulatory Reform', gender: 'Gender and Inclusion', knowledge: 'Knowledge Management', mne: 'Monitoring and Evaluation',
};
const discipline: Record<string, string> = {
  hrm: 'Human Resource Management', policy: 'Public Policy', pfm: 'Public Finance', mne: 'Development Evaluation',
  digital: 'Information Systems', integrity: 'Governance', leadership: 'Leadership Studies', learning: 'Adult Education', gender: 'Gender Studies',
};
const academicRanks = ['Professor', 'Associate Professor', 'Senior Lecturer', 'Lecturer', 'Research Fellow'] as const;
const academyRanks = ['Director', 'Deputy Director', 'Programme Director', 'Senior Lecturer', 'Senior Trainer', 'Lecturer', 'Researcher'] as const;

export interface Position {
  /** "Deputy Director": used in sentences. */
  rank: string;
  /** "Deputy Director, Human Resource Management Division": the record's position. */
  title: string;
  /** 0 = most senior rank of the list, 1 = most junior. */
  seniority: number;
  professor: boolean;
}

/** More years, more senior: the rank index follows experience with some noise. */
function rankBy<T>(rng: Rng, ranks: readonly T[], years: number): { rank: T; seniority: number } {
  const target = (1 - Math.min(years, 35) / 35) * (ranks.length - 1);
  const index = Math.max(0, Math.min(ranks.length - 1, Math.round(target + (rng.next() - 0.5) * 3)));
  return { rank: ranks[index] as T, seniority: ranks.length > 1 ? index / (ranks.length - 1) : 0 };
}

export function position(rng: Rng, country: CountryCode, agency: Agency, domain: string, years: number): Position {
  const area = unitArea[domain] ?? 'Public Administration';
  if (agency.kind === 'university') {
    const { rank, seniority } = rankBy(rng, academicRanks, years);
    const field = discipline[domain] ?? 'Public Administration';
    const professor = rank === 'Professor' || rank === 'Associate Professor';
    return { rank, title: professor ? `${rank} of ${field}` : `${rank} in ${field}`, seniority, professor };
  }
  if (agency.kind === 'academy') {
    const { rank, seniority } = rankBy(rng, academyRanks, years);
    return { rank, title: `${rank}, Centre for ${area}`, seniority, professor: false };
  }
  const { rank, seniority } = rankBy(rng, countryProfiles[country].ranks, years);
  // The most senior ranks lead a whole agency or ministry, not a unit.
  const title = seniority === 0 ? rank : `${rank}, ${countryProfiles[country].unit(area)}`;
  return { rank, title, seniority, professor: false };
}

// ---- Education
export interface EducationEntry {
  qualification: string;
  institution: string;
  year: number | null;
}

const bachelorBy: Record<string, readonly string[]> = {
  digital: ['Bachelor of Computer Science', 'Bachelor of Engineering (Electrical)', 'Bachelor of Information Technology'],
  pfm: ['Bachelor of Accounting', 'Bachelor of Economics', 'Bachelor of Business Administration'],
  integrity: ['Bachelor of Laws', 'Bachelor of Accounting'],
  regulatory: ['Bachelor of Laws', 'Bachelor of Economics'],
  hrm: ['Bachelor of Science in Psychology', 'Bachelor of Public Administration', 'Bachelor of Business Administration'],
  competency: ['Bachelor of Science in Psychology', 'Bachelor of Education'],
  learning: ['Bachelor of Education', 'Bachelor of Arts in English', 'Bachelor of Science in Psychology'],
  'org-design': ['Bachelor of Engineering (Industrial)', 'Bachelor of Public Administration'],
};
const bachelorDefault = ['Bachelor of Public Administration', 'Bachelor of Arts in Political Science', 'Bachelor of Economics', 'Bachelor of Social Science', 'Bachelor of Laws', 'Bachelor of Arts in Sociology'];
const masters = ['Master of Public Administration', 'Master of Public Policy', 'Master of Human Resource Management', 'Master of Business Administration', 'Master of Laws', 'Master of Science in Information Systems', 'Master of Development Studies', 'Master of Arts in Economics', 'Master of Education', 'Master of Public Management'];
const mastersBy: Record<string, string> = {
  hrm: 'Master of Human Resource Management', digital: 'Master of Science in Information Systems', pfm: 'Master of Public Finance',
  learning: 'Master of Education', regulatory: 'Master of Laws', mne: 'Master of Development Evaluation', gender: 'Master of Gender and Development',
};
const doctorates = ['PhD in Public Administration', 'PhD in Public Policy', 'PhD in Management', 'PhD in Economics', 'PhD in Education', 'PhD in Political Science', 'Doctor of Public Administration'];

export interface Education {
  entries: EducationEntry[];
  phd: boolean;
  engineer: boolean;
  lawyer: boolean;
  /** The first degree was earned before the mid-1990s (for titles such as Indonesia's Drs.). */
  earlyGraduate: boolean;
}

export function education(rng: Rng, country: CountryCode, agency: Agency, domain: string, years: number, professor: boolean): Education {
  const home = countryProfiles[country].universities;
  const abroad = [...universitiesAbroad, ...(universitiesAbroadFor[country] ?? [])];
  const school = (abroadShare: number) => (rng.chance(abroadShare) ? rng.pick(abroad) : rng.pick(home));
  const start = REFERENCE_YEAR - years;
  const bachelorYear = Math.max(1960, start - rng.int(0, 2));
  const bachelor = rng.pick(bachelorBy[domain] ?? bachelorDefault);
  const entries: EducationEntry[] = [{ qualification: bachelor, institution: school(0.12), year: bachelorYear }];
  const phdShare = professor ? 1 : agency.kind === 'university' ? 0.6 : agency.kind === 'academy' ? 0.35 : 0.15;
  const mastersShare = phdShare === 1 ? 1 : 0.7;
  let year = bachelorYear;
  let phd = false;
  if (rng.chance(mastersShare) && year + 3 <= REFERENCE_YEAR) {
    year = Math.min(REFERENCE_YEAR, year + rng.int(3, 12));
    const qualification = rng.chance(0.5) ? (mastersBy[domain] ?? rng.pick(masters)) : rng.pick(masters);
    entries.unshift({ qualification, institution: school(0.55), year });
    if (rng.chance(phdShare) && year + 3 <= REFERENCE_YEAR) {
      year = Math.min(REFERENCE_YEAR, year + rng.int(3, 8));
      entries.unshift({ qualification: rng.pick(doctorates), institution: school(0.6), year });
      phd = true;
    }
  }
  for (const e of entries) if (rng.chance(0.04)) e.year = null; // some CVs leave out years
  return {
    entries,
    phd,
    engineer: bachelor.includes('Engineering'),
    lawyer: bachelor === 'Bachelor of Laws',
    earlyGraduate: bachelorYear < 1995,
  };
}

// ---- Career summary
export interface SummaryInput {
  country: CountryCode;
  agency: Agency;
  rank: string;
  years: number | null;
  /** English labels of the expert's terms, most important first. */
  areas: readonly string[];
  /** English label of the main term's top-level domain. */
  domainLabel: string;
}

const an = (word: string) => (/^[AEIOU]/.test(word) ? 'an' : 'a');

export function careerSummary(rng: Rng, s: SummaryInput): string {
  const a1 = lowerFirst(s.areas[0] ?? 'public administration');
  // With a single term, the second subject is its wider domain ("policy analysis").
  const a2 = lowerFirst(s.areas[1] ?? s.domainLabel);
  const at = atAgency(s.agency);
  const where = countryInSentence[s.country];
  const yrs = s.years === null ? 'many years' : `${s.years} years`;
  const regions = countryProfiles[s.country].regions;
  const n = rng.int(3, 12);
  const academic = s.agency.kind === 'university';
  const first = academic
    ? rng.pick([
        `${s.rank} at ${at}, who has taught and researched ${a1} for ${yrs}.`,
        `Academic with ${yrs} of research on ${a1} and ${a2} in ${where} and the wider ASEAN region.`,
      ])
    : rng.pick([
        `${s.rank} at ${at} with ${yrs} of experience in ${a1}${a2 !== a1 ? ` and ${a2}` : ''}.`,
        `Has worked for ${yrs} in the public service of ${where}, most recently as ${an(s.rank)} ${s.rank} at ${at}.`,
        `Civil servant with ${yrs} in ${where}, specialising in ${a1}.`,
        `${s.rank} at ${at}, working on ${a1} since ${s.years === null ? 'the early years of the reform' : REFERENCE_YEAR - Math.min(s.years, 30)}.`,
      ]);
  const second = rng.pick([
    `Led the design of national guidance on ${a2} and advised ${n} ministries on putting it into practice.`,
    `Has trained more than ${n * 50} officials in ${a1} and contributes to ACCSM activities on ${a2}.`,
    `Co-authored national guidelines on ${a2} and represents ${where} in regional exchanges on the subject.`,
    `Known for practical work on ${a1}, including pilots in ${n} ${regions}.`,
    `Regular resource person for ASEAN workshops on ${a2}.`,
    '',
  ]);
  return second ? `${first} ${second}` : first;
}
