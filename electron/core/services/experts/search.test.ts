import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../../../shared/contract/methods';
import { AppError } from '../../../../shared/contract/result';
import { openCore, type Core } from '../../app';
import { openDatabase } from '../../db/open';
import { searchExperts } from './search';
import { planFor } from './search-plan';
import { TAG_MARK } from './tags';

const noFilters = { country: [], expertise: [], language: [], status: [] };

describe('planFor', () => {
  it('turns typed words into folded prefix terms, dropping one-letter words but the last', () => {
    const words = (q: string) => planFor(q, noFilters, 'relevance').words;
    expect(words('Nguyễn  Hằ')).toEqual(['nguyen', 'ha']);
    expect(words('e-government')).toEqual(['government']);
    expect(words('Maria D. Santos')).toEqual(['maria', 'santos']);
    expect(words('tan w')).toEqual(['tan', 'w']);
    expect(words(' " * OR NEAR( ')).toEqual(['or', 'near']);
  });
  it('ranks by nested sets: whole name words, name prefixes, then every text column', () => {
    expect(planFor('tr hu', { ...noFilters, country: ['VN'] }, 'relevance').sets).toEqual([
      { table: 'expert_name_fts', match: `("tr" "hu") AND tags : ("${TAG_MARK}cvn")` },
      { table: 'expert_name_fts', match: `("tr"* "hu"*) AND tags : ("${TAG_MARK}cvn")` },
      { table: 'expert_fts', match: `("tr"* "hu"*) AND tags : ("${TAG_MARK}cvn")` },
    ]);
    // A lone first letter: names only. No words: name order, and said so.
    expect(planFor('a', noFilters, 'relevance').sets.map((s) => s.table)).toEqual(['expert_name_fts', 'expert_name_fts']);
    expect(planFor('', noFilters, 'relevance')).toMatchObject({ sort: 'name', sets: [{ table: null, match: null }] });
    expect(planFor('santos', noFilters, 'updated')).toMatchObject({ sort: 'updated', order: 'updated', sets: [{ table: 'expert_fts', match: '"santos"*' }] });
  });
  it('cannot be used to inject FTS syntax', () => {
    const db = openDatabase(':memory:');
    for (const q of ['"', 'a OR', '*', 'NOT x', 'col:x', '^x', '(x']) {
      expect(() => searchExperts(db, { query: q, filters: noFilters, sort: 'relevance', cursor: null, offset: 0, limit: 5 })).not.toThrow();
    }
  });
});

describe('searchExperts cursors', () => {
  it('refuse a cursor from another sort or a forged one with a clear message', () => {
    const db = openDatabase(':memory:');
    const bad = Buffer.from(JSON.stringify({ s: 'updated', k: [1, 1] })).toString('base64url');
    for (const cursor of [bad, 'garbage', Buffer.from('{"s":"name","k":["a","x"]}').toString('base64url')]) {
      let error: unknown;
      try {
        searchExperts(db, { query: '', filters: noFilters, sort: 'name', cursor, offset: 0, limit: 5 });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/Search again/);
    }
  });
});

describe('ranking', () => {
  let cores: Core[] = [];
  afterEach(() => {
    cores.forEach((c) => c.close());
    cores = [];
  });
  const start = () => {
    const core = openCore({ dataDir: mkdtempSync(join(tmpdir(), 'curator-rank-')), mode: 'test', actor: 'ana' });
    cores.push(core);
    const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
      const r = await core.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as Output<M>;
    };
    const add = (expert: Input<'experts.create'>['expert'], portfolio: Input<'experts.create'>['portfolio'] = []) => call('experts.create', { expert, portfolio });
    return { call, add };
  };

  it('puts whole-word name matches first, then typed-prefix name matches, then other fields, each by name', async () => {
    const { call, add } = start();
    // Created in an order that name order and insertion order both get wrong.
    await add({ givenName: 'Zara', familyName: 'Aquino', country: 'PH', agency: 'Office of Transformation' });
    await add({ givenName: 'Bảo', familyName: 'Trần', nameOrder: 'family-given', country: 'VN' });
    await add({ givenName: 'Anh', familyName: 'Trang', country: 'VN' });
    await add({ givenName: 'Ahmad', familyName: 'Ismail', country: 'MY', position: 'Transport Planner' });
    await add({ givenName: 'An', familyName: 'Trần', nameOrder: 'family-given', country: 'VN' });
    await add({ givenName: 'Wei', familyName: 'Tran-Lim', country: 'SG' });
    const page = await call('experts.search', { query: 'tran' });
    expect(page.sort).toBe('relevance');
    expect(page.items.map((i) => i.displayName)).toEqual([
      // Whole word, by name (folded, so "Trần An" before "Trần Bảo"; "Tran" of Tran-Lim is a whole word too).
      'Trần An', 'Trần Bảo', 'Wei Tran-Lim',
      'Anh Trang',
      'Ahmad Ismail', 'Zara Aquino',
    ]);
    expect(page.items.map((i) => i.match)).toEqual([null, null, null, null, { field: 'position', text: 'Transport Planner' }, { field: 'agency', text: 'Office of Transformation' }]);
    expect(page.total).toBe(6);
  });

  it('ranks a family name above the same word as an honorific, and a lone letter searches names only', async () => {
    const { call, add } = start();
    await add({ honorific: 'Tan Sri', givenName: 'Abdul Hamid', familyName: 'bin Ahmad', nameOrder: 'given-only', country: 'MY' });
    await add({ givenName: 'Wei Ming', familyName: 'Tan', country: 'SG' });
    expect((await call('experts.search', { query: 'tan' })).items.map((i) => i.displayName)).toEqual(['Wei Ming Tan', 'Abdul Hamid']);
    await add({ givenName: 'Siti', familyName: 'Aminah', country: 'ID', agency: 'Tax Office' });
    const t = await call('experts.search', { query: 't' });
    expect(t.items.map((i) => i.displayName)).toEqual(['Wei Ming Tan']);
    expect(t.total).toBe(1);
  });

  it('finds a native-script spelling from its first letter, as the curator starts typing it', async () => {
    const { call, add } = start();
    await add({ givenName: 'Somchai', familyName: 'Jaidee', country: 'TH', otherNames: ['สมชาย ใจดี'], agency: 'สำนักงาน ก.พ.' });
    await add({ givenName: 'Sokha', familyName: 'Chan', nameOrder: 'family-given', country: 'KH', otherNames: ['ចាន់ សុខា'] });
    await add({ givenName: 'Siti', familyName: 'Aminah', country: 'ID', agency: 'Tax Office' });
    for (const [letter, name] of [['ส', 'Somchai Jaidee'], ['ใ', 'Somchai Jaidee'], ['ស', 'Chan Sokha'], ['ច', 'Chan Sokha']] as const) {
      const page = await call('experts.search', { query: letter });
      expect(page.items.map((i) => i.displayName), letter).toEqual([name]);
      expect(page.total, letter).toBe(1);
      const facets = await call('experts.facets', { query: letter });
      expect(facets.country.reduce((n, c) => n + c.count, 0), letter).toBe(1);
    }
    // Found through a word inside an unbroken run of another spelling: the row says where.
    await add({ givenName: 'Anan', familyName: 'Charoensombat', country: 'TH', otherNames: ['อนันต์ เจริญสมบัติ'] });
    const inner = await call('experts.search', { query: 'สมบัติ' });
    expect(inner.items.map((i) => [i.displayName, i.match])).toEqual([['Anan Charoensombat', { field: 'otherNames', text: 'อนันต์ เจริญสมบัติ' }]]);
    // The agency's ส does not count: a first letter looks at names and their spellings only.
    expect((await call('experts.search', { query: 'ก' })).total).toBe(0);
    expect(planFor('ส', noFilters, 'relevance').sets.map((s) => s.table)).toEqual(['expert_name_fts', 'expert_name_fts', 'expert_fts']);
  });

  it('says where a row matched when not in its name: other spelling, agency, position, expertise, portfolio', async () => {
    const { call, add } = start();
    await add({ givenName: 'Thị Thu Hằng', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN', otherNames: ['Hang Nguyen Thi', 'Jenny Nguyen'] });
    await add({ givenName: 'Maria', familyName: 'Reyes', country: 'PH', agency: 'Civil Service Commission', position: 'Director IV' });
    await add({ givenName: 'Budi', familyName: 'Santoso', country: 'ID', position: 'Senior Auditor', expertise: ['hrm.recruitment'] });
    await add({ givenName: 'Jose', familyName: 'Cruz', country: 'PH' }, [{ kind: 'award', title: 'Dangal ng Bayan Award', year: 2019, description: '', link: '' }]);
    const matchFor = async (query: string) => (await call('experts.search', { query })).items.map((i) => [i.displayName, i.match]);
    expect(await matchFor('jenny')).toEqual([['Nguyễn Thị Thu Hằng', { field: 'otherNames', text: 'Jenny Nguyen' }]]);
    expect(await matchFor('commission')).toEqual([['Maria Reyes', { field: 'agency', text: 'Civil Service Commission' }]]);
    expect(await matchFor('auditor')).toEqual([['Budi Santoso', { field: 'position', text: 'Senior Auditor' }]]);
    // Found through the Indonesian label of a broader term; shown by the English label.
    expect(await matchFor('manajemen sumber')).toEqual([['Budi Santoso', { field: 'expertise', text: 'Human resource management' }]]);
    expect(await matchFor('recruit')).toEqual([['Budi Santoso', { field: 'expertise', text: 'Recruitment and selection' }]]);
    expect(await matchFor('dangal bayan')).toEqual([['Jose Cruz', { field: 'portfolio', text: 'Dangal ng Bayan Award' }]]);
    // Words split between the name and another field: the field that holds the rest.
    expect(await matchFor('maria director')).toEqual([['Maria Reyes', { field: 'position', text: 'Director IV' }]]);
    // By name or by update, a name match still says nothing and another match still says where.
    const byName = await call('experts.search', { query: 'santoso', sort: 'name' });
    expect(byName.items[0]!.match).toBeNull();
    expect((await call('experts.search', { query: 'auditor', sort: 'updated' })).items[0]!.match).toEqual({ field: 'position', text: 'Senior Auditor' });
  });

  it('drops what it kept for a query when the experts change', async () => {
    const { call, add } = start();
    await add({ givenName: 'Anh', familyName: 'Tran', country: 'VN' });
    expect((await call('experts.search', { query: 'tran' })).total).toBe(1);
    expect((await call('experts.facets', { query: 'tran' })).country).toEqual([{ value: 'VN', count: 1 }]);
    const made = await add({ givenName: 'Chai', familyName: 'Tran', country: 'TH' });
    const again = await call('experts.search', { query: 'tran', offset: 1 });
    expect(again.items.map((i) => i.displayName)).toEqual(['Chai Tran']);
    expect((await call('experts.facets', { query: 'tran' })).country).toEqual([{ value: 'TH', count: 1 }, { value: 'VN', count: 1 }]);
    await call('experts.update', { id: made.id, patch: { familyName: 'Sok' } });
    expect((await call('experts.search', { query: 'tran' })).items.map((i) => i.displayName)).toEqual(['Anh Tran']);
    expect((await call('experts.facets', { query: 'tran' })).country).toEqual([{ value: 'VN', count: 1 }]);
  });
});
