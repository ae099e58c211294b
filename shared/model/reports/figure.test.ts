import { describe, expect, it } from 'vitest';
import { countryNames, type CountryCode } from '../countries';
import {
  figureRows,
  figureSchema,
  figureSourceNote,
  figureTakenAt,
  MAX_FIGURE_ROWS,
  OTHER_ROW_KEY,
  relabelFigureRows,
  type Figure,
  type FigureNames,
} from './figure';

const names = (lang: 'en' | 'id'): FigureNames => ({
  country: (c) => countryNames[c as CountryCode][lang],
  term: (t) => ({ 'hrm.recruitment': { en: 'Recruitment and selection', id: 'Rekrutmen dan seleksi' } })[t]?.[lang] ?? t,
  language: (l) => ({ th: { en: 'Thai', id: 'Thai' }, vi: { en: 'Vietnamese', id: 'Vietnam' } })[l]?.[lang] ?? l,
});

// 29 Nov 2026 14:02:31 UTC
const takenAt = Date.UTC(2026, 10, 29, 14, 2, 31);
const figure: Figure = {
  id: '0192f3a4-5b6c-7d8e-9f01-23456789abcd',
  metric: 'experts_by_country',
  filters: {},
  title: 'Experts by country',
  chart: 'bar',
  takenAt,
  total: 12,
  rows: [
    { key: 'TH', label: 'Thailand', count: 7 },
    { key: 'VN', label: 'Viet Nam', count: 5 },
  ],
  section: 's_results',
};

describe('figure schema', () => {
  it('accepts a figure and its filters', () => {
    const f = { ...figure, filters: { countries: ['TH', 'VN'], expertise: ['hrm.recruitment'], languages: ['th', 'fil'], includeArchived: true } };
    expect(figureSchema.parse(f)).toEqual(f);
  });

  it.each([
    ['a title over 200 characters', { title: 'x'.repeat(201) }],
    ['a hidden character in the title', { title: 'Experts\u202e by country' }],
    ['an unknown metric', { metric: 'experts_by_colour' }],
    ['a country outside ASEAN', { filters: { countries: ['US'] } }],
    ['a country twice', { filters: { countries: ['TH', 'TH'] } }],
    ['a term id of the wrong form', { filters: { expertise: ['HRM Recruitment'] } }],
    ['an unknown language code', { filters: { languages: ['xx'] } }],
    ['a negative count', { rows: [{ key: 'TH', label: 'Thailand', count: -1 }] }],
    ['a row twice', { rows: [{ key: 'TH', label: 'Thailand', count: 1 }, { key: 'TH', label: 'Thailand', count: 1 }] }],
    ['41 named rows', { rows: Array.from({ length: 41 }, (_, i) => ({ key: `k${i}`, label: `K${i}`, count: 1 })) }],
    ['an "other" row before the last', { rows: [{ key: OTHER_ROW_KEY, label: 'Other', count: 1 }, { key: 'TH', label: 'Thailand', count: 1 }] }],
    ['a section that is not one', { section: 'results' }],
    ['a chart kind that does not exist', { chart: 'pie' }],
  ])('refuses %s', (_, change) => {
    expect(figureSchema.safeParse({ ...figure, ...change }).success).toBe(false);
  });

  it('accepts 40 named rows and an "other" row', () => {
    const rows = [...Array.from({ length: MAX_FIGURE_ROWS }, (_, i) => ({ key: `k${i}`, label: `K${i}`, count: 2 })), { key: OTHER_ROW_KEY, label: 'Other', count: 3 }];
    expect(figureSchema.safeParse({ ...figure, rows }).success).toBe(true);
  });
});

describe('figureRows', () => {
  it('orders by count then label, and drops zero counts', () => {
    const rows = figureRows(
      [
        { key: 'b', label: 'Beta', count: 2 },
        { key: 'a', label: 'Alpha', count: 2 },
        { key: 'c', label: 'Gamma', count: 9 },
        { key: 'z', label: 'Zero', count: 0 },
      ],
      'Other',
    );
    expect(rows.map((r) => r.key)).toEqual(['c', 'a', 'b']);
  });

  it('keeps the largest 40 and sums the rest as "other"', () => {
    const counts = Array.from({ length: 45 }, (_, i) => ({ key: `k${i}`, label: `K${String(i).padStart(2, '0')}`, count: 100 - i }));
    const rows = figureRows(counts, 'Lainnya');
    expect(rows).toHaveLength(41);
    expect(rows[39]!.key).toBe('k39');
    expect(rows[40]).toEqual({ key: OTHER_ROW_KEY, label: 'Lainnya', count: 60 + 59 + 58 + 57 + 56 });
    expect(figureSchema.safeParse({ ...figure, rows }).success).toBe(true);
  });
});

describe('figureSourceNote', () => {
  it('says what it counts, that only active experts count, and when it was taken (EN)', () => {
    expect(figureSourceNote(figure, 'en', names('en'))).toBe(
      'Source: A-EXPECS directory, experts by country; filters: active experts only; taken 29 Nov 2026 14:02 UTC.',
    );
  });

  it('names every filter in words, in Bahasa Indonesia', () => {
    const f = { ...figure, metric: 'experts_by_expertise' as const, filters: { countries: ['TH', 'VN', 'LA'] as CountryCode[], expertise: ['hrm.recruitment'], languages: ['vi'], includeArchived: true } };
    expect(figureSourceNote(f, 'id', names('id'))).toBe(
      'Sumber: direktori A-EXPECS, pakar menurut bidang keahlian; filter: negara Thailand, Vietnam atau Laos, bidang keahlian Rekrutmen dan seleksi, bahasa Vietnam, termasuk pakar yang diarsipkan; diambil 29 Nov 2026 14.02 UTC.',
    );
    expect(figureSourceNote(f, 'en', names('en'))).toContain('filters: country Thailand, Viet Nam or Lao PDR, expertise area Recruitment and selection, language Vietnamese, archived experts included;');
  });

  it('writes the time in UTC whatever the machine zone, with Indonesian month names', () => {
    expect(figureTakenAt(Date.UTC(2027, 4, 3, 0, 5), 'id')).toBe('3 Mei 2027 00.05 UTC');
    expect(figureTakenAt(Date.UTC(2027, 11, 31, 23, 59), 'en')).toBe('31 Dec 2027 23:59 UTC');
  });
});

describe('relabelFigureRows', () => {
  it('names the rows in the document language, the "other" row too', () => {
    const f = { ...figure, rows: [...figure.rows, { key: OTHER_ROW_KEY, label: 'Other', count: 1 }] };
    expect(relabelFigureRows(f, 'id', names('id')).map((r) => r.label)).toEqual(['Thailand', 'Vietnam', 'Lainnya']);
  });
});
