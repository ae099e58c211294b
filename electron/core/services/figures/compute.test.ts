import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { FigureData } from '../../../../shared/contract/figures';
import { figureRows, figureSchema, OTHER_ROW_KEY, type FigureFilters, type FigureMetric } from '../../../../shared/model/reports/figure';
import { openDatabase, type Db } from '../../db/open';
import { testCores } from '../../testing';
import { searchFiltersOf } from './compute';

/**
 * figures.compute through the real core on a real SQLite file, its counts checked against an
 * independent count: every expert record's JSON read and filtered in plain TypeScript, without
 * the projection, the FTS index or the facet table.
 */

const cores = testCores();

interface Plain {
  country: string;
  languages: string[];
  expertise: string[];
  archived: boolean;
}

function plainExperts(db: Db): Plain[] {
  const rows = db.prepare("SELECT data FROM records WHERE entity = 'expert'").pluck().all() as string[];
  return rows
    .map((r) => JSON.parse(r) as Record<string, unknown>)
    .filter((d) => d.deletedAt == null)
    .map((d) => ({
      country: d.country as string,
      languages: ((d.languages as { code: string }[]) ?? []).map((l) => l.code),
      expertise: (d.expertise as string[]) ?? [],
      archived: d.status === 'archived',
    }));
}

/** Term ids spell their lineage ("hrm.recruitment" is under "hrm"), so an expert is under A when a term is A or starts with "A.". */
const under = (terms: string[], area: string) => terms.some((t) => t === area || t.startsWith(`${area}.`));
const topLevel = (terms: string[]) => [...new Set(terms.map((t) => t.split('.')[0]!))];

function independent(experts: Plain[], metric: FigureMetric, f: FigureFilters): { total: number; counts: Map<string, number> } {
  const chosen = experts.filter(
    (e) =>
      (f.includeArchived || !e.archived) &&
      (!f.countries?.length || f.countries.includes(e.country as never)) &&
      (!f.languages?.length || e.languages.some((l) => f.languages!.includes(l))) &&
      (!f.expertise?.length || f.expertise.some((a) => under(e.expertise, a))),
  );
  const counts = new Map<string, number>();
  for (const e of chosen) {
    const values =
      metric === 'experts_by_country'
        ? [e.country]
        : metric === 'experts_by_language'
          ? f.languages?.length
            ? e.languages.filter((l) => f.languages!.includes(l))
            : [...new Set(e.languages)]
          : f.expertise?.length
            ? f.expertise.filter((a) => under(e.expertise, a))
            : topLevel(e.expertise);
    for (const v of metric === 'experts_by_country' && f.countries?.length ? values.filter((c) => f.countries!.includes(c as never)) : values) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return { total: chosen.length, counts };
}

const asMap = (figure: FigureData) => new Map(figure.rows.filter((r) => r.key !== OTHER_ROW_KEY).map((r) => [r.key, r.count]));

describe('figures.compute', () => {
  let env: ReturnType<typeof cores.start>;
  let db: Db;
  beforeAll(async () => {
    env = cores.start();
    db = openDatabase(join(env.dataDir, 'curator.db'));
  });
  afterAll(() => {
    db.close();
    cores.closeAll();
  });

  it('gives total 0 and no rows on an empty directory', async () => {
    for (const metric of ['experts_by_country', 'experts_by_expertise', 'experts_by_language'] as const) {
      const figure = await env.call('figures.compute', { metric });
      expect(figure).toMatchObject({ metric, total: 0, rows: [] });
    }
  });

  it('counts what the data holds, with and without archived experts, for every metric and filter', async () => {
    await env.call('demo.load', { experts: 400, seed: 11 });
    // Archive a spread of experts so that "active only" differs from "all".
    const ids = db.prepare("SELECT id FROM records WHERE entity = 'expert' ORDER BY id LIMIT 25").pluck().all() as string[];
    for (const id of ids) await env.call('experts.archive', { id, reason: 'Left the civil service' });
    const experts = plainExperts(db);
    expect(experts.filter((e) => e.archived)).toHaveLength(25);

    const filters: FigureFilters[] = [
      {},
      { includeArchived: true },
      { countries: ['TH', 'VN'] },
      { countries: ['ID'], languages: ['en'] },
      { expertise: ['hrm', 'digital.e-services'] },
      { expertise: ['hrm'], countries: ['PH', 'MY', 'SG'], includeArchived: true },
      { languages: ['th', 'vi', 'km'] },
    ];
    for (const metric of ['experts_by_country', 'experts_by_expertise', 'experts_by_language'] as const) {
      for (const f of filters) {
        const figure = await env.call('figures.compute', { metric, filters: f });
        const want = independent(experts, metric, f);
        expect(figure.total, `${metric} ${JSON.stringify(f)} total`).toBe(want.total);
        const wanted = figureRows([...want.counts].map(([key, count]) => ({ key, label: key, count })), '').filter((r) => r.key !== OTHER_ROW_KEY);
        expect(asMap(figure), `${metric} ${JSON.stringify(f)} rows`).toEqual(new Map(wanted.map((r) => [r.key, r.count])));
        expect(figure.total).toBeGreaterThan(0);
        expect(figure.filters).toEqual(f);
        // The figure counts what the directory lists for the same filters (its search's total,
        // another path than the facet counts the figure is read from).
        const listed = await env.call('experts.search', { filters: { ...searchFiltersOf(f), status: f.includeArchived ? [] : ['active'] }, limit: 1 });
        expect(figure.total, `${metric} ${JSON.stringify(f)} listed`).toBe(listed.total);
      }
    }
  });

  it('labels rows in the language asked, and its answer makes a valid Figure', async () => {
    const en = await env.call('figures.compute', { metric: 'experts_by_country', filters: { countries: ['VN', 'LA'] }, lang: 'en' });
    const id = await env.call('figures.compute', { metric: 'experts_by_country', filters: { countries: ['VN', 'LA'] }, lang: 'id' });
    expect(new Set(en.rows.map((r) => r.label))).toEqual(new Set(['Viet Nam', 'Lao PDR']));
    expect(new Set(id.rows.map((r) => r.label))).toEqual(new Set(['Vietnam', 'Laos']));
    const area = await env.call('figures.compute', { metric: 'experts_by_expertise', filters: { expertise: ['hrm.recruitment'] }, lang: 'id' });
    expect(area.rows.map((r) => r.label)).toEqual(['Rekrutmen dan seleksi']);
    const figure = { ...en, id: '0192f3a4-5b6c-7d8e-9f01-23456789abcd', title: 'Experts', chart: 'bar', section: 's_results' };
    expect(figureSchema.safeParse(figure).success).toBe(true);
  });

  it('counts the directory as it is now: a new expert shows in the next computation', async () => {
    const before = await env.call('figures.compute', { metric: 'experts_by_country', filters: { countries: ['TL'] } });
    const maria = await env.call('experts.create', {
      expert: { givenName: 'Maria', familyName: 'Soares', country: 'TL', email: 'maria.soares@example.tl', languages: [{ code: 'tet', proficiency: 'native' }], expertise: ['hrm.recruitment'] },
    });
    const after = await env.call('figures.compute', { metric: 'experts_by_country', filters: { countries: ['TL'] } });
    expect(after.total).toBe(before.total + 1);
    expect(after.rows).toEqual([{ key: 'TL', label: 'Timor-Leste', count: before.total + 1 }]);
    expect(after.takenAt).toBeGreaterThanOrEqual(before.takenAt);
    // Archived after the counts were kept: left out of the active count, still in the count with the archived.
    await env.call('experts.archive', { id: maria.id, reason: 'Left the civil service' });
    expect((await env.call('figures.compute', { metric: 'experts_by_country', filters: { countries: ['TL'] } })).total).toBe(before.total);
    const all = await env.call('figures.compute', { metric: 'experts_by_language', filters: { countries: ['TL'], includeArchived: true } });
    expect(all.rows.find((r) => r.key === 'tet')?.count).toBeGreaterThanOrEqual(1);
  });

  it('refuses unknown areas, countries and languages with a clear error', async () => {
    const term = await env.refuse('figures.compute', { metric: 'experts_by_country', filters: { expertise: ['hrm', 'astrology'] } });
    expect(term.code).toBe('UNKNOWN_TERM');
    expect(term.message).toContain('astrology');
    for (const filters of [{ countries: ['US'] }, { languages: ['xx'] }, { expertise: ['hrm" OR "x'] }, { countries: 'TH' }, { languages: Array(21).fill('en') }]) {
      expect((await env.refuse('figures.compute', { metric: 'experts_by_country', filters })).code, JSON.stringify(filters)).toBe('INVALID_INPUT');
    }
    expect((await env.refuse('figures.compute', { metric: 'experts_by_mood' })).code).toBe('INVALID_INPUT');
  });

  it('finds no one for a filter nobody matches, without failing', async () => {
    const figure = await env.call('figures.compute', { metric: 'experts_by_language', filters: { languages: ['zu'] } });
    expect(figure).toMatchObject({ total: 0, rows: [] });
  });
});
