import { ratingField, type Criterion } from '../../../shared/model/reports/characteristics';
import type { ChangeFunnel } from '../changes/funnel';
import type { Write } from '../changes/types';
import type { Db } from '../db/open';
import { computeFigure } from '../services/figures/compute';
import type { TaxonomyIndex } from '../services/taxonomy';
import { Rng } from './prng';
import { demoCases } from './reports-cases';
import { demoForm, demoPhoto } from './reports-photos';
import { demoInterviews, demoStories } from './reports-stories';
import type { DemoAuthor, DemoCase, DemoReportBase, DemoScene, DemoStory } from './reports-types';
import { demoId } from './vetting-people';

/**
 * Demo case studies, stories and interviews (development and demo builds only, through
 * demo.load, after the directory and the vetting team): every write through the funnel by the
 * demo user who made it, so history, authors and concurrent versions look as they would in
 * use. Figures are counted from the demo directory as loaded. Ids come from the seed.
 */

const DAY = 86_400_000;

export function reportsDemoPresent(db: Db): boolean {
  return db.prepare("SELECT 1 FROM records WHERE entity IN ('case_study', 'story') AND json_extract(data, '$.demo') = 1 LIMIT 1").get() !== undefined;
}

export interface ReportsDemoOptions {
  seed: number;
  now: number;
  taxonomy: TaxonomyIndex;
  /** Who writes when the demo team is not there (the vetting demo was not loaded). */
  actor: string;
}

export async function loadReportsDemo(db: Db, funnel: ChangeFunnel, o: ReportsDemoOptions): Promise<{ caseStudies: number; stories: number; interviews: number }> {
  const rng = new Rng((o.seed ^ 0x5e9047) >>> 0);
  const id = () => demoId(rng, o.now - 30 * DAY);
  const teamId = db.prepare("SELECT id FROM records WHERE entity = 'user' AND json_extract(data, '$.email') = ?").pluck();
  const who = (key: DemoAuthor) => (teamId.get(`${key}.demo@example.org`) as string | undefined) ?? o.actor;

  const quoteForm = await demoForm(db, 'Consent to be quoted (demo)', ['I agree to be quoted by name in A-EXPECS case studies for the ASCC Blueprint 2025 mid-term review.'], 'consent-to-quote-demo.pdf', o.now);
  const interviewIds = new Map<string, string>();
  for (const i of demoInterviews) {
    const iid = id();
    interviewIds.set(i.key, iid);
    const { key: _key, daysAgo, ...fields } = i;
    funnel.write(who('curator'), [{ entity: 'interview', id: iid, fields: { ...fields, heldAt: o.now - daysAgo * DAY, attachment: i.consentToQuote ? quoteForm : null, deletedAt: null, demo: true } }]);
  }
  const photos = new Map<DemoScene, string>();
  for (const r of [...demoCases, ...demoStories]) if (!photos.has(r.photo.scene)) photos.set(r.photo.scene, await demoPhoto(db, r.photo.scene, o.now));
  const storyForm = await demoForm(db, 'Consent to publish a story (demo)', ['The community agrees that its story is used in the mid-term review and in print, without names or photos.'], 'story-consent-demo.pdf', o.now);

  const expertsOf = db.prepare(
    "SELECT id FROM records WHERE entity = 'expert' AND json_extract(data, '$.demo') = 1 AND json_extract(data, '$.country') IN (SELECT value FROM json_each(?)) AND json_extract(data, '$.deletedAt') IS NULL ORDER BY id LIMIT ?",
  ).pluck();

  const common = (r: DemoReportBase) => ({
    title: r.title,
    countries: r.countries,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    expertIds: expertsOf.all(JSON.stringify(r.countries), r.experts) as string[],
    expertise: r.expertise.filter((t) => o.taxonomy.unknown([t]).length === 0),
    photos: [{ hash: photos.get(r.photo.scene)!, caption: r.photo.caption, credit: r.photo.credit, alt: r.photo.alt }],
    interviewIds: r.interviews.map((k) => interviewIds.get(k)!),
    quotes: r.quotes.map((q) => ({ id: id(), text: q.text, speaker: q.speaker, interviewId: q.interview ? interviewIds.get(q.interview)! : null, section: q.section })),
    ...Object.fromEntries(Object.entries(r.ratings).map(([c, [rating, evidence, sections]]) => [ratingField(c as Criterion), { rating, evidence, sections }])),
    status: r.status,
    deletedAt: null,
    demo: true,
  });
  const own = (r: DemoCase | DemoStory) =>
    r.type === 'case_study'
      ? {
          programme: r.programme,
          workPlanActivity: r.workPlanActivity,
          blueprintObjective: r.blueprintObjective,
          indicators: r.indicators,
          figures: [{ id: id(), ...computeFigure(db, o.taxonomy, { metric: r.figure.metric, filters: r.figure.filters, lang: 'en' }, o.now), title: r.figure.title, chart: r.figure.chart, section: r.figure.section }],
        }
      : {
          beneficiaryKind: r.beneficiaryKind,
          anonymised: r.anonymised,
          beneficiaryName: r.beneficiaryName,
          beneficiaryDescription: r.beneficiaryDescription,
          consent: r.consent && { consentedBy: r.consent.consentedBy, consentedAt: o.now - r.consent.daysAgo * DAY, uses: r.consent.uses, form: storyForm },
        };

  for (const r of [...demoCases, ...demoStories]) {
    const rid = id();
    const author = who(r.author);
    funnel.write(author, [{ entity: r.type, id: rid, fields: { ...common(r), ...own(r) } }]);
    const sections = Object.fromEntries(Object.entries(r.sections).map(([s, text]) => [s, { text, rev: id(), parents: [] }]));
    funnel.write(author, [{ entity: r.type, id: rid, fields: sections }]);
    if (r.concurrent) {
      // Two people edit the same version of a section, each unaware of the other: two heads.
      const base = { text: 'Lessons: to be written after the second quarter.', rev: id(), parents: [] };
      funnel.write(author, [{ entity: r.type, id: rid, fields: { [r.concurrent.section]: base } }]);
      for (const [by, text] of r.concurrent.versions) funnel.write(who(by), [{ entity: r.type, id: rid, fields: { [r.concurrent.section]: { text, rev: id(), parents: [base.rev] } } }]);
    }
    for (const c of r.comments) {
      const comment: Write = { entity: 'report_comment', id: id(), fields: { reportId: rid, section: c.section, text: c.text, resolved: false, deletedAt: null } };
      funnel.write(who(c.by), [comment]);
      if (c.resolved) funnel.write(who(r.author), [{ entity: 'report_comment', id: comment.id, fields: { resolved: true } }]);
    }
  }
  return { caseStudies: demoCases.length, stories: demoStories.length, interviews: demoInterviews.length };
}
