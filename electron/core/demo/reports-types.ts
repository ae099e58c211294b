import type { CountryCode } from '../../../shared/model/countries';
import type { Criterion, Rating } from '../../../shared/model/reports/characteristics';
import type { FigureChartKind, FigureFilters, FigureMetric } from '../../../shared/model/reports/figure';
import type { Indicator } from '../../../shared/model/reports/caseStudy';
import type { ReportStatus } from '../../../shared/model/reports/parts';
import type { BeneficiaryKind, ConsentUse } from '../../../shared/model/reports/story';

/**
 * The shape of the demo case studies and stories (reports-cases.ts, reports-stories.ts): plain
 * data that reports.ts writes through the funnel. People are the demo team's keys
 * (demo/vetting-people.ts); interviews are named by key too.
 */

export type DemoAuthor = 'curator' | 'curator2' | 'somsak' | 'maria' | 'nattapong' | 'hoa';

export interface DemoInterview {
  key: string;
  name: string;
  role: string;
  organisation: string;
  sectoralBody: string;
  daysAgo: number;
  notes: string;
  transcript: string;
  consentToQuote: boolean;
}

export interface DemoQuote {
  text: string;
  speaker: string;
  interview: string | null;
  section: string;
}

/** A scene the demo photo is drawn from (reports-photos.ts): a fictional illustration, never a real person. */
export type DemoScene = 'office' | 'classroom' | 'village' | 'coast';

export interface DemoReportBase {
  key: string;
  title: string;
  countries: CountryCode[];
  periodStart: string | null;
  periodEnd: string | null;
  status: ReportStatus;
  author: DemoAuthor;
  expertise: string[];
  /** How many demo experts of the report's countries it names (from the demo directory). */
  experts: number;
  sections: Record<string, string>;
  /** A section two people edited at once from the same version: both versions stay until a curator resolves them. */
  concurrent?: { section: string; versions: [DemoAuthor, string][] };
  ratings: Partial<Record<Criterion, [Rating, string, string[]]>>;
  interviews: string[];
  quotes: DemoQuote[];
  photo: { scene: DemoScene; caption: string; credit: string; alt: string };
  comments: { by: DemoAuthor; section: string | null; text: string; resolved: boolean }[];
}

export interface DemoCase extends DemoReportBase {
  type: 'case_study';
  programme: string;
  workPlanActivity: string;
  blueprintObjective: string;
  indicators: Indicator[];
  figure: { metric: FigureMetric; filters: FigureFilters; title: string; chart: FigureChartKind; section: string };
}

export interface DemoStory extends DemoReportBase {
  type: 'story';
  beneficiaryKind: BeneficiaryKind;
  anonymised: boolean;
  beneficiaryName: string;
  beneficiaryDescription: string;
  consent: { consentedBy: string; daysAgo: number; uses: ConsentUse[] } | null;
}
