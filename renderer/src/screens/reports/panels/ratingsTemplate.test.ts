import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../../shared/import/csv';
import { ratingsFromTable } from '../../../../../shared/model/reports';
import type { ReportRecord } from './model';
import { ratingsTemplateCsv, ratingsTemplateFile } from './ratingsTemplate';

const record = (type: 'case_study' | 'story', fields: Record<string, unknown>) => ({ type, fields: { title: 'Kẻ Sặt water: “clean” wells', ...fields } }) as unknown as ReportRecord;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('the ratings template sheet', () => {
  it('has one row per criterion of the type, and reads back through the importer as the ratings it holds', () => {
    const report = record('case_study', {
      r_people: { rating: 'strong', evidence: 'Village councils, "Hội đồng", chose the wells;\nthey meet monthly.', sections: ['s_results', 's_successFactors'] },
      r_ease: { rating: 'not_evident', evidence: '', sections: [] },
    });
    for (const locale of ['en', 'id'] as const) {
      const csv = ratingsTemplateCsv(report, locale);
      const table = readCsv(bytes(csv));
      expect(table.rows).toHaveLength(9);
      const read = ratingsFromTable('case_study', table);
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      expect(read.ratings.people).toEqual({ rating: 'strong', evidence: 'Village councils, "Hội đồng", chose the wells;\nthey meet monthly.', sections: ['s_results', 's_successFactors'] });
      expect(read.ratings.ease).toEqual({ rating: 'not_evident', evidence: '', sections: [] });
      // An unrated criterion stays unrated when the sheet comes back untouched.
      expect(read.ratings.inclusive).toEqual({ rating: null, evidence: '', sections: [] });
    }
    expect(ratingsTemplateCsv(report, 'id').split('\r\n')[0]).toBe('\uFEFFkriteria,penilaian,bukti,bagian');
    expect(ratingsTemplateCsv(report, 'id')).toContain('Melibatkan dan bermanfaat bagi masyarakat,Kuat');
  });

  it('holds a story’s five characteristics only, and is named after the record', () => {
    const report = record('story', {});
    const table = readCsv(bytes(ratingsTemplateCsv(report, 'en')));
    expect(table.rows.map((r) => r.cells[0])).toEqual(['Engages and benefits the people', 'Inclusive', 'Sustainable', 'Resilient', 'Dynamic']);
    const file = ratingsTemplateFile(report, 'en');
    expect(file).toMatchObject({ fileName: 'Ke-Sat-water-clean-wells-ratings.csv', mime: 'text/csv' });
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0)))).toBe(ratingsTemplateCsv(report, 'en'));
  });
});
