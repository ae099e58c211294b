/**
 * The documents' figures (issue 8 point 9), over a directory of N experts (100,000; 10,000 with
 * --quick) written through the funnel with the search projection, as the app holds them:
 * - report.case_study_ms: one case study with three live figures — experts by country, by
 *   expertise area, by language, counted by figures.compute on a fresh connection
 *   (nothing cached) as a figure is taken — built and rendered as DOCX and as PDF (goal ≤ 1,000);
 * - report.case_study_figures_ms: of that, counting the three figures;
 * - report.case_study_warm_ms: the same again, fonts already parsed (a second export);
 * - report.mtr_50_ms: an MTR compilation of 50 case studies (cover, contents, summary of
 *   ratings, 150 figures), DOCX and PDF; report.mtr_50_pdf_ms and report.mtr_50_docx_ms apart
 *   (the DOCX lays the PDF out first for its contents' page numbers);
 * - report.mtr_50_pages: its pages.
 * Figures are reported, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { uuidv7 } from '../../shared/ids';
import { expertDefaults } from '../../shared/model/expert';
import type { Figure, FigureMetric } from '../../shared/model/reports/figure';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import type { Write } from '../../electron/core/changes/types';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { generateExperts } from '../../electron/core/demo/generate';
import { layoutPdf, renderDocument } from '../../electron/core/documents';
import { expertProjection } from '../../electron/core/services/experts/projection';
import { computeFigure } from '../../electron/core/services/figures/compute';
import { loadShippedTaxonomy } from '../../electron/core/services/taxonomy-resource';
import type { TaxonomyIndex } from '../../electron/core/services/taxonomy';
import { caseStudyDocument } from '../../electron/core/services/reports-export/build/caseStudy';
import { sampleCaseStudy, sampleSources } from '../../electron/core/services/reports-export/build/fixture';
import { mtrDocument } from '../../electron/core/services/reports-export/build/mtr';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

const ms = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

/** A directory of n experts through the funnel and the search projection; returns the database file. */
function directory(dir: string, n: number): string {
  const file = join(dir, 'curator.db');
  const db = openDatabase(file);
  const funnel = new ChangeFunnel(db, [expertProjection(db, loadShippedTaxonomy())]);
  let batch: Write[] = [];
  for (const { expert } of generateExperts(n, 8)) {
    batch.push({ entity: 'expert', id: uuidv7(), fields: { ...expertDefaults, ...expert, status: 'active', statusReason: '' } });
    if (batch.length === 1000) {
      funnel.write('bench', batch);
      batch = [];
    }
  }
  if (batch.length) funnel.write('bench', batch);
  db.close();
  return file;
}

/** The three figures, counted now from the directory as the app counts them (figures.compute), active experts. */
function takeFigures(db: Db, taxonomy: TaxonomyIndex): Figure[] {
  const sections = { experts_by_country: 's_context', experts_by_expertise: 's_results', experts_by_language: 's_approach' } as const;
  return (Object.keys(sections) as FigureMetric[]).map((metric) => ({
    id: uuidv7(),
    title: metric.replace(/_/g, ' '),
    chart: 'bar' as const,
    section: sections[metric],
    ...computeFigure(db, taxonomy, { metric, filters: {}, lang: 'en' }),
  }));
}

export async function runReportBench(quick: boolean, existing?: string): Promise<BenchFigure[]> {
  const n = quick ? 10_000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'curator-bench-report-'));
  try {
    const file = existing ?? directory(dir, n);
    const taxonomy = loadShippedTaxonomy();
    const src = await sampleSources();
    const out: BenchFigure[] = [];
    const put = (name: string, value: number, unit: string) => out.push({ name, value: Math.round(value * 100) / 100, unit });
    let figuresMs = 0;
    const caseStudy = async () => {
      // A fresh connection: the facets are counted, not read from the search cache.
      const db = openDatabase(file);
      try {
        const t = performance.now();
        const figures = takeFigures(db, taxonomy);
        figuresMs = performance.now() - t;
        const model = caseStudyDocument({ ...sampleCaseStudy(), figures }, src, 'en');
        await renderDocument(model, 'docx');
        await renderDocument(model, 'pdf');
      } finally {
        db.close();
      }
    };
    put('report.case_study_ms', await ms(caseStudy), `ms (3 figures over ${n.toLocaleString('en')} experts, DOCX + PDF)`);
    put('report.case_study_figures_ms', figuresMs, 'ms (of which: counting the three figures)');
    put('report.case_study_warm_ms', await ms(caseStudy), 'ms (a second export)');

    const db = openDatabase(file);
    const figures = takeFigures(db, taxonomy);
    db.close();
    const items = Array.from({ length: 50 }, (_, i) => ({ type: 'case_study' as const, id: uuidv7(), record: { ...sampleCaseStudy(), title: `Case study ${i + 1}: digital personnel records`, figures } }));
    const model = mtrDocument(items, src, 'en', Date.now());
    let pdf: Buffer = Buffer.alloc(0);
    const pdfMs = await ms(async () => {
      pdf = (await layoutPdf(model)).bytes;
    });
    const docxMs = await ms(() => renderDocument(model, 'docx'));
    // pdfkit writes the page tree's dictionary uncompressed: its /Count is the number of pages.
    const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);
    put('report.mtr_50_ms', pdfMs + docxMs, 'ms (50 case studies, DOCX + PDF)');
    put('report.mtr_50_pdf_ms', pdfMs, 'ms');
    put('report.mtr_50_docx_ms', docxMs, 'ms (with the PDF layout for its contents)');
    put('report.mtr_50_pages', pages, 'pages');
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
