import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract/result';
import { caseStudyFieldsSchema } from '../../../../../shared/model/reports/caseStudy';
import { figureSourceNote } from '../../../../../shared/model/reports/figure';
import { storyFieldsSchema } from '../../../../../shared/model/reports/story';
import { plainText, tocEntries, type Block, type DocumentModel, type Inline } from '../../../documents/model';
import { caseStudyDocument } from './caseStudy';
import { context, scrubber } from './common';
import { assertExportable } from './consent';
import { interviewA, interviewB, sampleCaseStudy, sampleSources, sampleStory, THAI_LINE, VIETNAMESE_LINE } from './fixture';
import { mtrDocument } from './mtr';
import { storyDocument } from './story';

/** Every piece of text a document holds, footnotes included, in order. */
function textOf(m: DocumentModel): string {
  const inline = (t: Inline) => (typeof t === 'string' ? t : t.map((r) => r.text + (r.footnote ? ` [${r.footnote}]` : '')).join(''));
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return inline(b.text);
      case 'table':
        return [...(b.header ?? []), ...b.rows.flat()].map(inline).join(' | ');
      case 'image':
        return `[image] ${b.caption ? inline(b.caption) : ''} ${b.credit ? inline(b.credit) : ''}`;
      case 'barChart':
        return `${inline(b.caption)} [${b.footnote}] ${b.rows.map((r) => `${r.label}=${r.value}`).join(' ')}`;
      case 'toc':
        return b.title;
      default:
        return '';
    }
  };
  return [m.title, ...(m.cover ? [...(m.cover.above ?? []), ...(m.cover.subtitle ?? []), ...(m.cover.below ?? [])].map(inline) : []), ...m.blocks.map(block)].join('\n');
}
const headings = (m: DocumentModel) => m.blocks.filter((b) => b.kind === 'heading').map((b) => plainText(b.text));

const src = await sampleSources();
const figureNames = { country: (c: string) => ({ ID: 'Indonesia', VN: 'Viet Nam', TH: 'Thailand', LA: 'Lao PDR' })[c] ?? c, term: (t: string) => t, language: (l: string) => l };

describe('a case study as a document', () => {
  const record = sampleCaseStudy();
  const model = caseStudyDocument(record, src, 'en');
  const text = textOf(model);

  it('is built from a valid record', () => {
    expect(caseStudyFieldsSchema.safeParse(record).success).toBe(true);
  });

  it('has the title, the particulars, and the written sections in order (empty ones left out)', () => {
    expect(model.title).toBe('Digital personnel records across Viet Nam and Thailand');
    expect(headings(model)).toEqual(['Context', 'Problem', 'Approach', 'Results', 'Effectiveness', 'Lessons learned', 'Sources', 'Photos', 'Judged against the Blueprint']);
    for (const wanted of ['Viet Nam, Thailand', 'ACCSM Work Plan 2016–2025', 'March 2024 – October 2025', 'Expert 04', 'an expert no longer in the directory', 'HR records; E-government', 'In review', VIETNAMESE_LINE, THAI_LINE]) {
      expect(text).toContain(wanted);
    }
  });

  it('shows the indicators and each figure with its source note as a footnote, numbered in order', () => {
    expect(text).toContain('Records digitised | % | 12 | 80 | 91.5');
    expect(text).toContain('Days to find a file | days | 14 | 2 | —');
    const charts = model.blocks.filter((b) => b.kind === 'barChart');
    expect(charts.map((c) => plainText(c.caption))).toEqual(['Figure 1. Experts by country', 'Figure 2. Experts by language']);
    expect(charts[0]!.footnote).toBe(figureSourceNote(record.figures[0]!, 'en', figureNames));
    expect(charts[0]!.footnote).toBe('Source: A-EXPECS directory, experts by country; filters: active experts only; taken 29 Nov 2026 14:02 UTC.');
    // Numbered in the order they appear (context, approach, results). A table figure: its caption carries the note.
    expect(text).toContain('Figure 3. Experts by expertise area [Source: A-EXPECS directory, experts by expertise area; filters: country Viet Nam or Thailand, active experts only; taken 29 Nov 2026 14:02 UTC.]');
  });

  it('cites a quote to its interview: who, role, organisation, when', () => {
    expect(text).toContain('“We stopped losing files the week the system went live.” — Nguyễn Thị Hương [Interview with Nguyễn Thị Hương, Director of Civil Servant Management, Ministry of Home Affairs, Viet Nam, 12 March 2026.]');
  });

  it('rates the five characteristics and the four dimensions with their evidence and sections', () => {
    for (const wanted of ['Engages and benefits the people | Strong | Civil servants get decisions on time.\nDraws on: Results', 'Inclusive | Evident', 'Sustainable | Emerging', 'Resilient | Evident | Records survived the 2025 floods.\nDraws on: Results, Lessons learned', 'Dynamic | Not evident | —', 'Effectiveness | Strong', 'Success | Evident', 'Ease of implementation | Emerging', 'Replicability | Not rated']) {
      expect(text).toContain(wanted);
    }
  });

  it('is written in Bahasa Indonesia when asked', () => {
    const id = caseStudyDocument(record, src, 'id');
    expect(headings(id)).toContain('Penilaian terhadap Cetak Biru');
    const t = textOf(id);
    expect(t).toContain('Melibatkan dan bermanfaat bagi masyarakat | Kuat');
    expect(t).toContain('Gambar 1. Experts by country');
    expect(t).toContain('Sumber: direktori A-EXPECS, pakar menurut negara; filter: hanya pakar aktif; diambil 29 Nov 2026 14.02 UTC.');
    expect(t).toContain('Maret 2024 – Oktober 2025');
    expect(t).toContain('91,5');
  });
});

describe('a story as a document', () => {
  it('names the beneficiary, shows the photos and the consent when not anonymised', () => {
    const record = sampleStory(false);
    expect(storyFieldsSchema.safeParse(record).success).toBe(true);
    const m = storyDocument(record, src, 'en');
    const text = textOf(m);
    expect(m.title).toBe('Lan returns to her village school');
    expect(text).toContain('Lan (individual)');
    expect(text).toContain('“I was back in my classroom before the rains.” — Lan');
    expect(m.blocks.some((b) => b.kind === 'image')).toBe(true);
    expect(text).toContain('Consent to tell this story was given by Lan on 3 February 2026, for: the mid-term review and print publications.');
    expect(headings(m)).toEqual(['The beneficiary', 'Before', 'After', 'The change, in their own words', 'Photos', 'Judged against the Blueprint', 'Consent']);
  });

  it('never shows an anonymised beneficiary’s name or photos, wherever the name was written', () => {
    const m = storyDocument(sampleStory(true), src, 'en');
    const text = textOf(m);
    expect(text).not.toMatch(/\bLan\b/);
    expect(m.blocks.some((b) => b.kind === 'image')).toBe(false);
    expect(m.title).toBe('The beneficiary returns to her village school');
    expect(text).toContain('Before, the beneficiary waited eight months');
    expect(text).toContain('before the rains.” — The beneficiary');
    expect(text).toContain('Consent to tell this story, without the beneficiary’s name or photographs, was given on 3 February 2026');
  });

  it('scrubs whole words only (Latin) and any occurrence in unspaced scripts', () => {
    expect(scrubber('Lan', 'the beneficiary')('Lan planned it. lan agreed; Island')).toBe('The beneficiary planned it. The beneficiary agreed; Island');
    expect(scrubber('สมชาย', 'ผู้รับประโยชน์')('คุณสมชายกลับบ้าน')).toBe('คุณผู้รับประโยชน์กลับบ้าน');
  });
});

describe('what may be exported', () => {
  const interviews = [interviewA, interviewB];
  it('refuses a story without consent, naming it', () => {
    const story = { ...sampleStory(false), consent: null };
    const attempt = () => assertExportable([{ id: 's1', type: 'story', title: story.title, quotes: story.quotes, consent: story.consent }], interviews);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/The story “Lan returns to her village school” has no recorded consent/);
  });

  it('refuses a quote whose interview has no consent to be quoted, naming the quote', () => {
    const record = sampleCaseStudy();
    const quotes = [...record.quotes, { ...record.quotes[0]!, id: '00000000-0000-4000-8000-999999999999', speaker: 'สมชาย ใจดี', interviewId: interviewB.id }];
    try {
      assertExportable([{ id: 'c1', type: 'case_study', title: record.title, quotes }], interviews);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('NO_CONSENT');
      expect((e as AppError).message).toContain('(สมชาย ใจดี)');
      expect((e as AppError).details).toEqual({ report: 'c1', quotes: [{ id: '00000000-0000-4000-8000-999999999999', speaker: 'สมชาย ใจดี' }] });
    }
  });

  it('lets through quotes with consent and a story with consent', () => {
    const story = sampleStory(false);
    expect(() => assertExportable([{ id: 'c1', type: 'case_study', title: 'x', quotes: sampleCaseStudy().quotes }, { id: 's1', type: 'story', title: story.title, quotes: story.quotes, consent: story.consent }], interviews)).not.toThrow();
  });
});

describe('an MTR compilation', () => {
  const items = [
    { type: 'case_study' as const, id: 'c1', record: sampleCaseStudy() },
    { type: 'story' as const, id: 's1', record: sampleStory(true) },
    { type: 'case_study' as const, id: 'c2', record: { ...sampleCaseStudy(), title: 'Second case' } },
  ];
  const m = mtrDocument(items, src, 'en', Date.UTC(2026, 10, 29));

  it('has a cover, contents, the summary of ratings, then each document on a new page', () => {
    expect(m.cover?.subtitle?.[1]).toBe('2 case studies and 1 human-interest story');
    expect(m.blocks[0]).toMatchObject({ kind: 'toc', depth: 2 });
    const summary = m.blocks.find((b) => b.kind === 'table')!;
    expect(summary.kind === 'table' && summary.header?.map(plainText)).toEqual(['Document', 'People', 'Inclusive', 'Sustainable', 'Resilient', 'Dynamic']);
    expect(summary.kind === 'table' && summary.rows.map((r) => r.map(plainText))).toEqual([
      ['Digital personnel records across Viet Nam and Thailand\nCase study', 'Strong', 'Evident', 'Emerging', 'Evident', 'Not evident'],
      ['The beneficiary returns to her village school\nStory', 'Strong', 'Not rated', 'Not rated', 'Not rated', 'Not rated'],
      ['Second case\nCase study', 'Strong', 'Evident', 'Emerging', 'Evident', 'Not evident'],
    ]);
    const docs = m.blocks.filter((b) => b.kind === 'heading' && b.level === 1 && b.newPage);
    expect(docs.map((b) => b.kind === 'heading' && plainText(b.text))).toEqual(['Summary of ratings', 'Digital personnel records across Viet Nam and Thailand', 'The beneficiary returns to her village school', 'Second case']);
    // Each document's parts are one level down, so the contents list documents and their sections.
    expect(tocEntries(m).filter((e) => e.level === 2).map((e) => e.text)).toContain('Lessons learned');
  });

  it('numbers figures through the whole file', () => {
    const captions = m.blocks.filter((b) => b.kind === 'barChart').map((b) => b.kind === 'barChart' && plainText(b.caption));
    expect(captions).toEqual(['Figure 1. Experts by country', 'Figure 2. Experts by language', 'Figure 4. Experts by country', 'Figure 5. Experts by language']);
  });

  it('is written in Bahasa Indonesia when asked', () => {
    const id = mtrDocument(items, src, 'id', Date.UTC(2026, 10, 29));
    expect(id.title).toBe('Studi kasus dan kisah inspiratif');
    expect(textOf(id)).toContain('Sekretariat ACCSM, Jakarta, 29 November 2026');
    expect(context('id', src).t.mtr.contents).toBe('Daftar isi');
  });
});
