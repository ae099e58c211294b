import type { CountryCode } from '../../../shared/model/countries';
import type { PortfolioFields, PortfolioKind } from '../../../shared/model/expert';
import { atAgency, type Agency } from './agencies';
import { REFERENCE_YEAR } from './career';
import { countryInSentence, countryProfiles } from './country-profiles';
import type { Rng } from './prng';
import { lowerFirst, slug } from './text';

/** Portfolio items built from templates around the expert's own expertise and country. */

export interface PortfolioInput {
  country: CountryCode;
  agency: Agency;
  /** English labels of the expert's terms. */
  areas: readonly string[];
  /** Top-level domain ids of the expert's terms, for fitting certificates. */
  domains: readonly string[];
  careerStart: number;
}

const cities = ['Jakarta', 'Bangkok', 'Ha Noi', 'Kuala Lumpur', 'Manila', 'Singapore', 'Phnom Penh', 'Vientiane', 'Nay Pyi Taw', 'Bandar Seri Begawan', 'Dili', 'Putrajaya', 'Yogyakarta', 'Da Nang', 'Cebu'];

const certificates: readonly (readonly [string, readonly string[]])[] = [
  ['Project Management Professional (PMP)', ['digital', 'reform', 'service-delivery', 'mne']],
  ['Certified Internal Auditor (CIA)', ['pfm', 'integrity']],
  ['Prosci Certified Change Practitioner', ['reform', 'org-design', 'leadership']],
  ['ISO 37001 Anti-Bribery Management Systems Lead Auditor', ['integrity']],
  ['Certified Assessor for Assessment Centres', ['competency', 'hrm']],
  ['PRINCE2 Practitioner', ['digital', 'reform']],
  ['Certified Information Systems Security Professional (CISSP)', ['digital']],
  ['Lean Six Sigma Green Belt', ['service-delivery', 'org-design', 'performance']],
  ['ICF Associate Certified Coach', ['leadership', 'learning']],
  ['Certified Government Financial Manager', ['pfm']],
  ['Certificate in Monitoring and Evaluation', ['mne', 'policy']],
  ['Certified Fraud Examiner (CFE)', ['integrity', 'pfm']],
  ['Senior Certified Professional in Human Resources', ['hrm', 'performance', 'competency']],
  ['Certified Training Professional', ['learning', 'knowledge']],
  ['Gender Analysis Practitioner Certificate', ['gender']],
  ['Certificate in Regulatory Impact Analysis', ['regulatory', 'policy']],
];

const awardsBy: Partial<Record<CountryCode, readonly string[]>> = {
  ID: ['Satyalancana Karya Satya (20 years of service)', 'Public service innovation award, Top 45'],
  MY: ['Excellent Service Award (Anugerah Perkhidmatan Cemerlang)', 'Public Sector Innovation Award'],
  PH: ['Dangal ng Bayan Award', 'CSC Pag-asa Award'],
  SG: ['Public Administration Medal (Bronze)', 'Public Service Transformation Award'],
  VN: ['Certificate of Merit from the Prime Minister', 'Labour Medal, Third Class'],
  TH: ['Outstanding Civil Servant Award, Office of the Civil Service Commission', 'Public Sector Excellence Award'],
  BN: ['Meritorious Service Medal (PJK)', 'Civil Service Excellence Award'],
  KH: ['Certificate of Appreciation from the Royal Government', 'Outstanding Civil Servant Award'],
  LA: ['Medal of Labour, Third Class', 'Certificate of Merit from the Prime Minister'],
  MM: ['Outstanding Performance in Public Service Award', 'Certificate of Honour, Union Civil Service Board'],
  TL: ['Medal of Merit, Civil Service Commission', 'Outstanding Public Servant Award'],
};

function title(rng: Rng, kind: PortfolioKind, p: PortfolioInput, topic: string, year: number): string {
  const Topic = topic;
  const t = lowerFirst(topic);
  const where = countryInSentence[p.country];
  const Where = where.charAt(0).toUpperCase() + where.slice(1);
  const n = rng.int(3, 15);
  switch (kind) {
    case 'publication':
      return rng.pick([
        `${Topic} in ${where}: lessons from ${n} agencies`,
        `Rethinking ${t} in ASEAN civil services`,
        `A practitioner's guide to ${t}`,
        `${Topic} and the future of public administration in ${where}`,
        `What works in ${t}: evidence from ${where}`,
        `${Topic} after the pandemic: a review of ASEAN practice`,
      ]);
    case 'project':
      return rng.pick([
        `National roadmap for ${t}, ${year}–${year + 4}`,
        `Pilot of ${t} in ${n} ${countryProfiles[p.country].regions}`,
        `Review of ${t} at ${atAgency(p.agency)}`,
        `Design of a national framework for ${t}`,
        `ASEAN peer review on ${t}`,
      ]);
    case 'training':
      return rng.pick([`Training of trainers on ${t}`, `${Topic} for senior officials`, `Regional workshop on ${t}, ${rng.pick(cities)}`, `E-learning course: ${t}`]);
    case 'speaking':
      return rng.pick([
        `Keynote on ${t}, ACCSM Conference, ${rng.pick(cities)}`,
        `Panel speaker: ${t} in the ASEAN Community`,
        `Speaker, regional seminar on ${t}, ${rng.pick(cities)}`,
        `${Where} country presentation on ${t}`,
      ]);
    case 'award':
      return rng.chance(0.6) ? rng.pick(awardsBy[p.country] ?? ['Outstanding Civil Servant Award']) : `Team award for ${t}`;
    case 'certificate': {
      const fitting = certificates.filter(([, domains]) => domains.some((d) => p.domains.includes(d)));
      return rng.pick(fitting.length ? fitting : certificates)[0];
    }
  }
}

function description(rng: Rng, kind: PortfolioKind, p: PortfolioInput, year: number): string {
  const n = rng.int(3, 12);
  switch (kind) {
    case 'publication':
      return rng.pick([
        'Peer-reviewed journal article.',
        'Chapter in an edited volume on public administration in Southeast Asia.',
        'Policy brief for senior officials.',
        `Working paper, written with colleagues from ${n > 10 ? 10 : n} ASEAN member states.`,
        'Handbook for practitioners, published by the employing agency.',
      ]);
    case 'project':
      return rng.pick([
        `Led a team of ${n} officers; the results were adopted in ${Math.min(REFERENCE_YEAR, year + 1)}.`,
        `Technical lead, working with development partners and ${n} line ministries.`,
        `Coordinated ${n} agencies and reported to the steering committee.`,
      ]);
    case 'training':
      return rng.pick([`Delivered to ${n * 20} officials from ${n} ministries.`, `Designed and delivered a ${rng.int(2, 5)}-day course, repeated ${n} times.`]);
    case 'speaking':
      return rng.pick([`Spoke to about ${n * 30} officials from ASEAN member states.`, 'Invited by the host agency; slides available on request.']);
    case 'award':
      return rng.pick([`Awarded for work at ${atAgency(p.agency)}.`, `Conferred in ${year}.`]);
    case 'certificate':
      return year <= REFERENCE_YEAR - 3 && rng.chance(0.5) ? `Certified in ${year}; renewed since.` : 'Professional certification.';
  }
}

export function portfolioFor(rng: Rng, p: PortfolioInput): PortfolioFields[] {
  const count = rng.weighted([[0, 10], [1, 20], [2, 25], [3, 20], [4, 15], [5, 10]] as const);
  const academic = p.agency.kind !== 'gov';
  const kinds: readonly (readonly [PortfolioKind, number])[] = [
    ['publication', academic ? 35 : 12],
    ['project', academic ? 12 : 30],
    ['training', 20],
    ['speaking', 15],
    ['award', 8],
    ['certificate', 12],
  ];
  const items: PortfolioFields[] = [];
  const first = Math.max(1995, p.careerStart);
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(kinds);
    const year = rng.int(first, REFERENCE_YEAR);
    const topic = rng.pick(p.areas);
    const t = title(rng, kind, p, topic, year);
    const link = rng.chance(0.45) ? `https://example.org/${kind}/${slug(t)}-${rng.int(100, 9999)}` : '';
    items.push({ kind, title: t, year, description: description(rng, kind, p, year), link });
  }
  return items.sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
}
