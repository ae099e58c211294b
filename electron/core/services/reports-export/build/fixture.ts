import sharp from 'sharp';
import { caseStudyDefaults, type CaseStudyFields } from '../../../../../shared/model/reports/caseStudy';
import type { RatingValue } from '../../../../../shared/model/reports/characteristics';
import type { Figure } from '../../../../../shared/model/reports/figure';
import type { SectionValue } from '../../../../../shared/model/reports/sections';
import { storyDefaults, type StoryFields } from '../../../../../shared/model/reports/story';
import type { BuildSources, InterviewSource } from './common';

/**
 * A case study and a story that use every part a document shows (test and bench data, clearly
 * fictional): Vietnamese and Thai text, three figures, indicators, quotes cited to interviews,
 * a photo, every rating. Not demo data: that is the app's (issue 8 point 7).
 */

let counter = 0;
/** A fresh id of the record-id form (tests need stable, distinct ids, not time-ordered ones). */
export const fid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

export const section = (text: string): SectionValue => ({ text, rev: fid(), parents: [] });
const rated = <S extends string>(rating: RatingValue['rating'], evidence: string, sections: S[]): RatingValue<S> => ({ rating, evidence, sections });

export const VIETNAMESE_LINE = 'Bộ Nội vụ đã số hoá hồ sơ cán bộ, công chức ở tất cả các tỉnh.';
export const THAI_LINE = 'สำนักงาน ก.พ. ใช้ระบบสรรหาตามหลักคุณธรรมในทุกกระทรวง';
export const TAKEN_AT = Date.UTC(2026, 10, 29, 14, 2);

export const interviewA: InterviewSource = { id: fid(), name: 'Nguyễn Thị Hương', role: 'Director of Civil Servant Management', organisation: 'Ministry of Home Affairs, Viet Nam', heldAt: Date.UTC(2026, 2, 12, 3), consentToQuote: true, deletedAt: null };
export const interviewB: InterviewSource = { id: fid(), name: 'สมชาย ใจดี', role: 'Senior HR Officer', organisation: 'Office of the Civil Service Commission, Thailand', heldAt: null, consentToQuote: false, deletedAt: null };

export function figure(metric: Figure['metric'], rows: [string, string, number][], sectionName: string, chart: Figure['chart'] = 'bar'): Figure {
  return {
    id: fid(),
    metric,
    filters: metric === 'experts_by_country' ? {} : { countries: ['VN', 'TH'] },
    title: { experts_by_country: 'Experts by country', experts_by_expertise: 'Experts by expertise area', experts_by_language: 'Experts by language' }[metric],
    chart,
    takenAt: TAKEN_AT,
    total: rows.reduce((a, r) => a + r[2], 0),
    rows: rows.map(([key, label, count]) => ({ key, label, count })),
    section: sectionName,
  };
}

export function sampleCaseStudy(photoHash = 'a'.repeat(64)): CaseStudyFields {
  return {
    ...caseStudyDefaults,
    title: 'Digital personnel records across Viet Nam and Thailand',
    countries: ['VN', 'TH'],
    programme: 'ACCSM Work Plan 2016–2025: e-government in the civil service',
    workPlanActivity: 'Regional workshop on digital HR records (activity 3.2)',
    blueprintObjective: 'B.1 A responsive, effective and accountable civil service',
    periodStart: '2024-03',
    periodEnd: '2025-10',
    expertIds: [fid(), fid()],
    expertise: ['hrm.records', 'egov'],
    status: 'in_review',
    s_context: section(`Two ministries kept paper files for every civil servant.\n\n${VIETNAMESE_LINE}`),
    s_problem: section('Files were slow to find, and promotions waited for them.'),
    s_approach: section(`Experts from the pool advised both agencies on the records system.\n\n${THAI_LINE}`),
    s_results: section('Records are found in minutes; promotions are decided on time.'),
    s_effectiveness: section('The agencies met their targets a year early.'),
    s_lessons: section('Start with the records people ask for most.'),
    s_sources: section('Interviews with both agencies; the directory of A-EXPECS.'),
    indicators: [
      { name: 'Records digitised', unit: '%', baseline: 12, target: 80, actual: 91.5 },
      { name: 'Days to find a file', unit: 'days', baseline: 14, target: 2, actual: null },
    ],
    quotes: [{ id: fid(), text: 'We stopped losing files the week the system went live.', speaker: 'Nguyễn Thị Hương', interviewId: interviewA.id, section: 's_results' }],
    interviewIds: [interviewA.id],
    photos: [{ hash: photoHash, caption: 'Records room of the ministry after the move', credit: 'ACCSM Secretariat', alt: 'Shelves of boxed files in a records room' }],
    figures: [
      figure('experts_by_country', [['ID', 'Indonesia', 1234], ['VN', 'Viet Nam', 987], ['TH', 'Thailand', 410], ['LA', 'Lao PDR', 0]], 's_context'),
      figure('experts_by_expertise', [['hrm.records', 'HR records', 120], ['egov', 'E-government', 75]], 's_results', 'table'),
      figure('experts_by_language', [['vi', 'Vietnamese', 300], ['th', 'Thai', 280]], 's_approach'),
    ],
    r_people: rated('strong', 'Civil servants get decisions on time.', ['s_results']),
    r_inclusive: rated('evident', 'Provincial offices took part.', ['s_approach']),
    r_sustainable: rated('emerging', 'The budget is secured for two years.', []),
    r_resilient: rated('evident', 'Records survived the 2025 floods.', ['s_results', 's_lessons']),
    r_dynamic: rated('not_evident', '', []),
    r_effectiveness: rated('strong', 'Targets met early.', ['s_effectiveness']),
    r_success: rated('evident', 'Both agencies adopted it.', []),
    r_ease: rated('emerging', 'Scanning took longer than planned.', []),
    r_replicability: null,
  };
}

export function sampleStory(anonymised: boolean): StoryFields {
  return {
    ...storyDefaults,
    title: 'Lan returns to her village school',
    countries: ['VN'],
    periodStart: '2025-01',
    periodEnd: null,
    beneficiaryKind: 'individual',
    anonymised,
    beneficiaryName: 'Lan',
    beneficiaryDescription: 'Lan is a teacher in a mountain district.',
    s_before: section('Before, Lan waited eight months for her transfer papers.'),
    s_after: section('After the reform, her papers came in two weeks.'),
    s_change: section('Her pupils had a teacher from the first day of term.'),
    quotes: [{ id: fid(), text: 'I was back in my classroom before the rains.', speaker: 'Lan', interviewId: null, section: 's_change' }],
    photos: [{ hash: 'b'.repeat(64), caption: 'Lan with her class', credit: 'District office', alt: 'A teacher and pupils' }],
    consent: { consentedBy: 'Lan', consentedAt: Date.UTC(2026, 1, 3), uses: ['mtr', 'print'], form: { hash: 'c'.repeat(64), name: 'consent.pdf', mime: 'application/pdf', bytes: 1000 } },
    r_people: rated('strong', 'Lan’s pupils were taught from day one.', ['s_change']),
  };
}

/** Sources for the samples: both interviews, a photo per hash, experts and terms named. */
export async function sampleSources(): Promise<BuildSources> {
  const photo = await sharp({ create: { width: 480, height: 300, channels: 3, background: '#7a9a6a' } }).jpeg().toBuffer();
  const labels: Record<string, { en: string; id: string }> = { 'hrm.records': { en: 'HR records', id: 'Arsip SDM' }, egov: { en: 'E-government', id: 'E-government' } };
  return {
    interviews: new Map([interviewA, interviewB].map((i) => [i.id, i])),
    photos: new Map([
      ['a'.repeat(64), photo],
      ['b'.repeat(64), photo],
    ]),
    expertName: (id) => (id.endsWith('3') ? null : `Expert ${id.slice(-2)}`),
    termLabel: (id, lang) => labels[id]?.[lang] ?? id,
  };
}
