import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { criteria, ratings } from '../../../../shared/model/reports/characteristics';
import { reportTexts } from '../reports-export/build/texts';
import { reportNodes } from './testing';

const nodes = reportNodes();
afterEach(() => nodes.cleanup());

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function world() {
  const n = nodes.node();
  n.as(n.user('Citra', 'curator'));
  const cs = await n.call('reports.create', { type: 'case_study', fields: { title: 'Open data', countries: ['PH'] } });
  const story = await n.call('reports.create', { type: 'story', fields: { title: 'A well', countries: ['KH'] } });
  return { n, cs: cs.id, story: story.id };
}

describe('reports.importRatings', () => {
  it('reads an evaluation sheet by key, field or name in English or Indonesian, in one change', async () => {
    const { n, cs } = await world();
    const sheet = [
      'Criterion,Rating,Evidence,Sections',
      'people,strong,"Citizens use the portal daily.","results, s_effectiveness"',
      'Inklusif,Mulai tampak,Only in English so far.,approach',
      'r_dynamic,EVIDENT,,',
      'Ease of implementation,not evident,"Hard to coordinate.",ease',
      ',,,',
    ].join('\n');
    const before = n.changeCount();
    const detail = await n.call('reports.importRatings', { id: cs, fileName: 'evaluation.csv', dataBase64: csv(sheet) });
    expect(n.changeCount()).toBe(before + 1);
    if (detail.type !== 'case_study') throw new Error('expected a case study');
    expect(detail.fields.r_people).toEqual({ rating: 'strong', evidence: 'Citizens use the portal daily.', sections: ['s_results', 's_effectiveness'] });
    expect(detail.fields.r_inclusive).toMatchObject({ rating: 'emerging', sections: ['s_approach'] });
    expect(detail.fields.r_dynamic).toEqual({ rating: 'evident', evidence: '', sections: [] });
    expect(detail.fields.r_ease?.rating).toBe('not_evident');
    expect(detail.fields.r_sustainable).toBeNull();
    // The same sheet again changes nothing.
    await n.call('reports.importRatings', { id: cs, fileName: 'evaluation.csv', dataBase64: csv(sheet) });
    expect(n.changeCount()).toBe(before + 1);
  });

  it('previews a sheet with dryRun: the report as the import would leave it, nothing written', async () => {
    const { n, cs } = await world();
    const before = n.changeCount();
    const preview = await n.call('reports.importRatings', { id: cs, fileName: 'e.csv', dataBase64: csv('criterion,rating,evidence\npeople,strong,Daily use.\n'), dryRun: true });
    expect(preview.fields).toMatchObject({ r_people: { rating: 'strong', evidence: 'Daily use.', sections: [] }, r_inclusive: null });
    expect(n.changeCount()).toBe(before);
    expect((await n.call('reports.get', { id: cs })).fields).toMatchObject({ r_people: null });
    // A dry run refuses what the import refuses.
    const refused = await n.refuse('reports.importRatings', { id: cs, fileName: 'e.csv', dataBase64: csv('criterion,rating\nhappiness,strong\n'), dryRun: true });
    expect(refused).toMatchObject({ code: 'UNKNOWN_CHARACTERISTIC', details: { name: 'happiness', row: 2 } });
  });

  it('reads an XLSX workbook too', async () => {
    const { n, story } = await world();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Evaluation');
    ws.addRows([
      ['Karakteristik', 'Penilaian', 'Bukti', 'Bagian'],
      ['Tangguh', 'Kuat', 'The well kept working in the dry season.', 'after'],
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const detail = await n.call('reports.importRatings', { id: story, fileName: 'penilaian.xlsx', dataBase64: bytes.toString('base64') });
    expect(detail.type === 'story' && detail.fields.r_resilient).toEqual({ rating: 'strong', evidence: 'The well kept working in the dry season.', sections: ['s_after'] });
  });

  it('refuses an unknown characteristic or rating with UNKNOWN_CHARACTERISTIC, naming it, and writes nothing', async () => {
    const { n, cs, story } = await world();
    const before = n.changeCount();
    const unknown = await n.refuse('reports.importRatings', { id: cs, fileName: 'e.csv', dataBase64: csv('criterion,rating\npeople,strong\nhappiness,strong\n') });
    expect(unknown).toMatchObject({ code: 'UNKNOWN_CHARACTERISTIC', details: { name: 'happiness', row: 3 } });
    expect(unknown.message).toContain('Row 3 names "happiness"');
    expect(unknown.message).toContain('Nothing was imported');
    const badRating = await n.refuse('reports.importRatings', { id: cs, fileName: 'e.csv', dataBase64: csv('criterion,rating\ninclusive,excellent\n') });
    expect(badRating).toMatchObject({ code: 'UNKNOWN_CHARACTERISTIC', details: { name: 'excellent', row: 2 } });
    // A story is not rated on the case-study dimensions.
    const dimension = await n.refuse('reports.importRatings', { id: story, fileName: 'e.csv', dataBase64: csv('criterion,rating\nreplicability,strong\n') });
    expect(dimension).toMatchObject({ code: 'UNKNOWN_CHARACTERISTIC' });
    expect(dimension.message).toContain('a story is not rated on it');
    const other = {
      columns: await n.refuse('reports.importRatings', { id: cs, fileName: 'e.csv', dataBase64: csv('name,score\npeople,strong\n') }),
      section: await n.refuse('reports.importRatings', { id: cs, fileName: 'e.csv', dataBase64: csv('criterion,rating,sections\npeople,strong,before\n') }),
      twice: await n.refuse('reports.importRatings', { id: cs, fileName: 'e.csv', dataBase64: csv('criterion,rating\npeople,strong\nPeople,emerging\n') }),
      hidden: await n.refuse('reports.importRatings', { id: cs, fileName: 'e.csv', dataBase64: csv('criterion,rating,evidence\npeople,strong,"evil\u202Etext"\n') }),
      empty: await n.refuse('reports.importRatings', { id: cs, fileName: 'e.csv', dataBase64: '' }),
      notFound: await n.refuse('reports.importRatings', { id: '01900000-0000-7000-8000-0000000000f9', fileName: 'e.csv', dataBase64: csv('criterion,rating\npeople,strong\n') }),
    };
    expect(Object.fromEntries(Object.entries(other).map(([k, e]) => [k, e.code]))).toEqual({
      columns: 'INVALID_INPUT',
      section: 'INVALID_INPUT',
      twice: 'INVALID_INPUT',
      hidden: 'INVALID_INPUT',
      empty: 'IMPORT_UNREADABLE',
      notFound: 'NOT_FOUND',
    });
    expect(n.changeCount()).toBe(before);
  });

  it('reads the names the exported documents print, in English and in Indonesian', async () => {
    // A curator fills the sheet from an exported document's evaluation table; its words must read back.
    const { n, cs } = await world();
    for (const lang of ['en', 'id'] as const) {
      const texts = reportTexts[lang];
      const rows = criteria.map((c, i) => `"${texts.criteria[c]}","${texts.ratings[ratings[i % ratings.length]!]}"`);
      const detail = await n.call('reports.importRatings', { id: cs, fileName: `${lang}.csv`, dataBase64: csv(['criterion,rating', ...rows].join('\n')) });
      const fields = detail.fields as unknown as Record<string, { rating: string } | null>;
      expect(criteria.map((c) => fields[`r_${c}`]?.rating)).toEqual(criteria.map((_, i) => ratings[i % ratings.length]));
    }
  });
});
