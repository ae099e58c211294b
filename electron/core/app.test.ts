import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract/methods';
import { testCores } from './testing';

const { start, closeAll } = testCores();
afterEach(closeAll);

const hang = { givenName: 'Thị Thu Hằng', familyName: 'Nguyễn', nameOrder: 'family-given' as const, country: 'VN' as const, agency: 'Ministry of Home Affairs', email: 'hang@moha.example.gov.vn' };

describe('core over dispatch', () => {
  it('creates an expert with a portfolio and finds them without diacritics', async () => {
    const { call } = start();
    const created = await call('experts.create', {
      expert: { ...hang, expertise: ['hrm.recruitment'], languages: [{ code: 'vi', proficiency: 'native' }] },
      portfolio: [{ kind: 'publication', title: 'Merit-based recruitment in Viet Nam', year: 2021, description: '', link: '' }],
    });
    expect(created.portfolio).toHaveLength(1);
    expect(created.status).toBe('active');
    expect(created.updatedBy).toBe('ana');

    for (const q of ['nguyen hang', 'Nguyễn', 'ngu', 'merit recruit', 'home affairs', 'tuyen', 'rekrutmen']) {
      const found = await call('experts.search', { query: q });
      expect.soft(found.items.map((i) => i.id), q).toEqual(q === 'tuyen' ? [] : [created.id]);
    }
    const page = await call('experts.search', { query: 'nguyen hang' });
    expect(page.items[0]!.displayName).toBe('Nguyễn Thị Thu Hằng');
    expect(page.total).toBe(1);
  });

  it('pages with keyset cursors through every sort without repeats or gaps', async () => {
    const { call } = start();
    const names = ['Anh', 'Budi', 'Chai', 'Dara', 'Ei', 'Farah', 'Gus', 'Hana', 'Ines', 'Joko', 'Kiet'];
    for (const [i, n] of names.entries()) await call('experts.create', { expert: { givenName: n, familyName: 'Santos', country: i % 2 ? 'PH' : 'ID' } });
    for (const sort of ['name', 'updated', 'relevance'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Output<'experts.search'> = await call('experts.search', { query: sort === 'relevance' ? 'santos' : '', sort, limit: 3, cursor });
        seen.push(...page.items.map((i) => i.displayName));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(names.length);
      if (sort === 'name') expect(seen).toEqual(names.map((n) => `${n} Santos`));
      if (sort === 'updated') expect(seen).toEqual(names.map((n) => `${n} Santos`).reverse());
    }
  });

  it('filters by facets and counts each facet without its own filter', async () => {
    const { call } = start();
    await call('experts.create', { expert: { givenName: 'Somchai', familyName: 'Wongsawat', country: 'TH', expertise: ['hrm.recruitment'], languages: [{ code: 'th', proficiency: 'native' }] } });
    await call('experts.create', { expert: { givenName: 'Siti', familyName: 'Rahayu', country: 'ID', expertise: ['hrm'], languages: [{ code: 'en', proficiency: 'fluent' }] } });
    const byBroadTerm = await call('experts.search', { filters: { expertise: ['hrm'] } });
    expect(byBroadTerm.total).toBe(2);
    const th = await call('experts.search', { filters: { country: ['TH'] } });
    expect(th.items.map((i) => i.displayName)).toEqual(['Somchai Wongsawat']);
    const facets = await call('experts.facets', { filters: { country: ['TH'] } });
    expect(facets.country).toEqual([
      { value: 'ID', count: 1 },
      { value: 'TH', count: 1 },
    ]);
    expect(facets.language).toEqual([{ value: 'th', count: 1 }]);
    expect(facets.expertise.find((f) => f.value === 'hrm')).toEqual({ value: 'hrm', count: 1 });
  });

  it('edits a field and keeps the old value in its history', async () => {
    const { call } = start();
    const e = await call('experts.create', { expert: hang });
    await call('experts.update', { id: e.id, patch: { agency: 'National Academy of Public Administration', position: e.position } });
    const history = await call('experts.history', { id: e.id });
    const agency = history.fields.find((f) => f.field === 'agency')!;
    expect(agency.entries.map((x) => [x.value, x.current, x.actor])).toEqual([
      ['National Academy of Public Administration', true, 'ana'],
      ['Ministry of Home Affairs', false, 'ana'],
    ]);
    // An unchanged field is not written again.
    expect(history.fields.find((f) => f.field === 'position')!.entries).toHaveLength(1);
    expect((await call('experts.search', { query: 'academy' })).total).toBe(1);
    expect((await call('experts.search', { query: 'ministry' })).total).toBe(0);
  });

  it('adds, edits and removes portfolio items, re-indexes their titles, and keeps their history', async () => {
    const { call, refuse } = start();
    const e = await call('experts.create', { expert: hang });
    const item = await call('portfolio.add', { expertId: e.id, item: { kind: 'training', title: 'Competency assessment workshop', year: 2022, description: '', link: '' } });
    expect((await call('experts.search', { query: 'workshop' })).total).toBe(1);
    const edited = await call('portfolio.update', { id: item.id, patch: { title: 'Competency assessment clinic' } });
    expect(edited.title).toBe('Competency assessment clinic');
    expect((await call('experts.search', { query: 'workshop' })).total).toBe(0);
    expect((await call('experts.search', { query: 'clinic' })).total).toBe(1);
    const history = await call('experts.history', { id: e.id });
    const title = history.fields.find((f) => f.entity === 'portfolio' && f.field === 'title')!;
    expect(title.entries.map((x) => x.value)).toEqual(['Competency assessment clinic', 'Competency assessment workshop']);
    await call('portfolio.remove', { id: item.id });
    expect((await call('experts.get', { id: e.id })).portfolio).toEqual([]);
    expect((await call('experts.search', { query: 'clinic' })).total).toBe(0);
    expect((await refuse('portfolio.update', { id: item.id, patch: { title: 'Again' } })).code).toBe('NOT_FOUND');
    expect((await refuse('portfolio.add', { expertId: '01900000-0000-7000-8000-000000000009', item: { kind: 'award', title: 'x', year: null, description: '', link: '' } })).code).toBe('NOT_FOUND');
    expect((await refuse('experts.get', { id: '01900000-0000-7000-8000-000000000009' })).code).toBe('NOT_FOUND');
  });

  it('archives and restores with a reason', async () => {
    const { call, refuse } = start();
    const e = await call('experts.create', { expert: hang });
    expect((await refuse('experts.archive', { id: e.id, reason: '' })).code).toBe('INVALID_INPUT');
    const archived = await call('experts.archive', { id: e.id, reason: 'Retired from the civil service' });
    expect([archived.status, archived.statusReason]).toEqual(['archived', 'Retired from the civil service']);
    expect((await refuse('experts.archive', { id: e.id, reason: 'again' })).code).toBe('CONFLICT');
    expect((await call('experts.search', { filters: { status: ['archived'] } })).total).toBe(1);
    const restored = await call('experts.restore', { id: e.id, reason: 'Returned as adviser' });
    expect(restored.status).toBe('active');
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const { call, refuse } = start();
    const bad = [
      ['experts.create', { expert: { ...hang, email: 'not-an-email' } }, 'INVALID_INPUT', ['expert', 'email']],
      ['experts.create', { expert: { ...hang, country: 'XX' } }, 'INVALID_INPUT', ['expert', 'country']],
      ['experts.create', { expert: 'x' }, 'INVALID_INPUT', ['expert']],
      ['experts.create', { expert: { ...hang, expertise: ['astrology'] } }, 'UNKNOWN_TERM', ['expertise']],
      ['experts.nuke', {}, 'UNKNOWN_METHOD', null],
    ] as const;
    for (const [method, input, code, path] of bad) {
      const error = await refuse(method, input);
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(10);
      if (path) expect(error.issues?.[0]?.path).toEqual(path);
    }
    expect((await refuse('experts.create', { expert: { ...hang, email: 'x@' } })).message).toMatch(/email.*Enter an email address/);
    expect((await call('app.info', {})).expertCount).toBe(0);
    expect((await call('experts.search', {})).total).toBe(0);
  });

  it('loads demo data once: a second request while loading is refused as busy, one after it as not empty', async () => {
    const { core, call } = start();
    const progress: number[] = [];
    core.on('progress', (p) => progress.push(p.done));
    const [first, second] = await Promise.all([core.dispatch('demo.load', { experts: 30 }), core.dispatch('demo.load', { experts: 30 })]);
    expect(first).toEqual({ ok: true, value: { created: 30 } });
    expect(second.ok ? null : second.error.code).toBe('BUSY');
    expect(progress.at(-1)).toBe(30);
    const again = await core.dispatch('demo.load', { experts: 5 });
    expect(again.ok ? null : again.error.code).toBe('NOT_EMPTY');
    expect((await call('app.info', {})).expertCount).toBe(30);
  });

  it('keeps committed work across a restart', async () => {
    const first = start();
    const e = await first.call('experts.create', { expert: hang });
    first.core.close();
    const again = start(first.dataDir);
    expect((await again.call('experts.get', { id: e.id })).givenName).toBe('Thị Thu Hằng');
    const info = await again.call('app.info', {});
    expect(info.nodeId).toBe(first.core.nodeId);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.version).not.toBe('0.0.0');
  });
});

describe('search plans', () => {
  it('give the same rows by cursor walk and by position, for every sort, with and without a query', async () => {
    const { core, dataDir } = start();
    const names = ['Anh', 'Budi', 'Chai', 'Dara', 'Ei', 'Farah', 'Gus', 'Hana', 'Ines', 'Joko', 'Kiet', 'Lan'];
    for (const [i, n] of names.entries()) {
      // Santos as a name, a longer name starting with it, and (for the last ones) only as agency.
      const familyName = i < 6 ? 'Santos' : i < 9 ? 'Santoso' : 'Reyes';
      const r = await core.dispatch('experts.create', { expert: { givenName: n, familyName, country: i % 3 ? 'PH' : 'TH', agency: `Santos Institute ${i}` } });
      expect(r.ok).toBe(true);
    }
    const { searchExperts } = await import('./services/experts/search');
    const { openDatabase } = await import('./db/open');
    const db = openDatabase(join(dataDir, 'curator.db'));
    const none = { country: [], expertise: [], language: [], status: [] };
    const walk = (input: Omit<Parameters<typeof searchExperts>[1], 'cursor' | 'offset' | 'limit'>) => {
      const seen: string[] = [];
      const sorts = new Set<string>();
      let cursor: string | null = null;
      do {
        const page = searchExperts(db, { ...input, cursor, offset: 0, limit: 5 });
        seen.push(...page.items.map((i) => i.id));
        sorts.add(page.sort);
        cursor = page.nextCursor;
      } while (cursor);
      return { seen, sorts: [...sorts] };
    };
    for (const query of ['santos', 'sant', '', 'institute']) {
      for (const filters of [none, { ...none, country: ['PH' as const] }]) {
        for (const sort of ['relevance', 'name', 'updated'] as const) {
          const walked = walk({ query, filters, sort });
          const at = (offset: number) => searchExperts(db, { query, filters, sort, cursor: null, offset, limit: 5 });
          const first = at(0);
          expect(new Set(walked.seen).size, `${query} ${sort}`).toBe(first.total);
          expect([0, 5, 10].flatMap((o) => at(o).items.map((i) => i.id)), `${query} ${sort}`).toEqual(walked.seen);
          expect(walked.sorts).toEqual([query === '' && sort === 'relevance' ? 'name' : sort]);
          expect(at(first.total - 1)).toMatchObject({ offset: first.total - 1, nextCursor: null });
          expect(at(40).items).toEqual([]);
        }
      }
    }
    db.close();
  });

  it('keeps a cursor’s place when rows before it are added', async () => {
    const { call } = start();
    for (const n of ['Anh', 'Chai', 'Dara', 'Farah']) await call('experts.create', { expert: { givenName: n, familyName: 'Tran', country: 'VN' } });
    const first = await call('experts.search', { query: 'tran', limit: 2 });
    expect(first.items.map((i) => i.displayName)).toEqual(['Anh Tran', 'Chai Tran']);
    await call('experts.create', { expert: { givenName: 'Binh', familyName: 'Tran', country: 'VN' } });
    const next = await call('experts.search', { query: 'tran', limit: 2, cursor: first.nextCursor });
    expect(next.items.map((i) => i.displayName)).toEqual(['Dara Tran', 'Farah Tran']);
    expect(next.offset).toBe(3);
  });

  it('counts facets the same way for few and many matches, and refreshes them after a write', async () => {
    const { call, dataDir } = start();
    for (const [n, c] of [['Anh', 'VN'], ['Bao', 'VN'], ['Chai', 'TH']] as const) await call('experts.create', { expert: { givenName: n, familyName: 'Tran', country: c } });
    const before = await call('experts.facets', {});
    expect(before.country).toEqual([{ value: 'VN', count: 2 }, { value: 'TH', count: 1 }]);
    await call('experts.create', { expert: { givenName: 'Dara', country: 'KH' } });
    const after = await call('experts.facets', {});
    expect(after.country).toContainEqual({ value: 'KH', count: 1 });
    const withQuery = await call('experts.facets', { query: 'tran', filters: { country: ['TH'] } });
    expect(withQuery.country).toEqual([{ value: 'VN', count: 2 }, { value: 'TH', count: 1 }]);
    expect(withQuery.status).toEqual([{ value: 'active', count: 1 }]);
    // The scan plan (many matches) counts the same as the walk plan (few).
    const { facetCounts } = await import('./services/experts/search');
    const { openDatabase } = await import('./db/open');
    const db = openDatabase(join(dataDir, 'curator.db'));
    const input = { query: 'tran', filters: { country: ['TH' as const], expertise: [], language: [], status: [] } };
    expect(facetCounts(db, input, 0)).toEqual(facetCounts(db, input, 1000));
    expect(facetCounts(db, input, 0).country).toEqual(withQuery.country);
    db.close();
  });
});
