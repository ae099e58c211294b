import { afterEach, describe, expect, it } from 'vitest';
import { exchange, reportNodes, words } from './testing';

const nodes = reportNodes();
afterEach(() => nodes.cleanup());

async function library() {
  const n = nodes.node();
  n.as(n.user('Citra', 'curator'));
  const rating = (r: 'not_evident' | 'emerging' | 'evident' | 'strong') => ({ rating: r, evidence: '', sections: [] });
  const vn = await n.call('reports.create', {
    type: 'case_study',
    fields: { title: 'Merit-based recruitment', countries: ['VN'], programme: 'Nguyễn Văn An’s reform', periodStart: '2021-01', periodEnd: '2022-12', r_people: rating('strong'), r_ease: rating('emerging') },
  });
  const th = await n.call('reports.create', { type: 'story', fields: { title: 'A clinic run by villagers', countries: ['TH'], periodStart: '2024-03', periodEnd: null, r_people: rating('evident') } });
  const ph = await n.call('reports.create', { type: 'case_study', fields: { title: 'Open data portal', countries: ['PH', 'ID'], periodStart: null, periodEnd: '2019-06' } });
  await n.call('reports.writeSection', { id: ph.id, section: 's_context', text: `${words(30)} digital transformation`, base: null });
  await n.call('reports.setStatus', { id: th.id, status: 'in_review' });
  return { n, vn: vn.id, th: th.id, ph: ph.id };
}

const ids = async (n: Awaited<ReturnType<typeof library>>['n'], filters: Parameters<typeof n.call<'reports.list'>>[1]) => (await n.call('reports.list', filters)).items.map((i) => i.id).sort();

describe('reports.list', () => {
  it('summarises each report with ratings, completeness, words and consent', async () => {
    const { n, vn, th, ph } = await library();
    const { items, total } = await n.call('reports.list', {});
    expect(total).toBe(3);
    // Most recently changed first.
    expect(items[0]!.id).toBe(th);
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId[vn]!.ratings).toEqual({ people: 'strong', inclusive: null, sustainable: null, resilient: null, dynamic: null, effectiveness: null, success: null, ease: 'emerging', replicability: null });
    expect(Object.keys(byId[th]!.ratings)).toEqual(['people', 'inclusive', 'sustainable', 'resilient', 'dynamic']);
    expect(byId[ph]).toMatchObject({ complete: 1, totalSections: 10, words: 32, concurrentSections: 0, consent: true, openComments: 0 });
    expect(byId[th]).toMatchObject({ status: 'in_review', consent: false, totalSections: 4 });
  });

  it('filters by type, country, status, period overlap, text and minimum rating', async () => {
    const { n, vn, th, ph } = await library();
    expect(await ids(n, { type: ['story'] })).toEqual([th]);
    expect(await ids(n, { countries: ['ID', 'VN'] })).toEqual([vn, ph].sort());
    expect(await ids(n, { status: ['in_review'] })).toEqual([th]);
    expect(await ids(n, { periodFrom: '2022-06', periodTo: '2023-01' })).toEqual([vn]);
    // An open end meets everything on that side.
    expect(await ids(n, { periodFrom: '2030-01' })).toEqual([th]);
    expect(await ids(n, { periodTo: '2019-01' })).toEqual([ph]);
    expect(await ids(n, { query: 'nguyen van' })).toEqual([vn]);
    expect(await ids(n, { query: 'DIGITAL transformation' })).toEqual([ph]);
    expect(await ids(n, { query: 'thailand' })).toEqual([th]);
    expect(await ids(n, { rating: { criterion: 'people', min: 'evident' } })).toEqual([vn, th].sort());
    expect(await ids(n, { rating: { criterion: 'people', min: 'strong' } })).toEqual([vn]);
    expect(await ids(n, { rating: { criterion: 'ease', min: 'not_evident' } })).toEqual([vn]);
    expect(await ids(n, { type: ['case_study'], countries: ['PH'], query: 'portal' })).toEqual([ph]);
    expect((await n.refuse('reports.list', { rating: { criterion: 'happiness' as never, min: 'strong' } })).code).toBe('INVALID_INPUT');
  });

  it('counts sections with concurrent versions and open comments', async () => {
    const { n, vn, th } = await library();
    const other = nodes.node('other');
    exchange(n, other);
    other.as((n.db.prepare("SELECT id FROM records WHERE entity = 'user'").pluck().get() as string));
    await n.call('reports.writeSection', { id: vn, section: 's_results', text: 'Here.', base: null });
    await other.call('reports.writeSection', { id: vn, section: 's_results', text: 'There.', base: null });
    exchange(other, n);
    await n.call('comments.add', { reportId: th, section: 's_before', text: 'Who took the photo?' });
    const done = await n.call('comments.add', { reportId: th, section: null, text: 'Check the consent.' });
    await n.call('comments.resolve', { id: done.id });
    const items = (await n.call('reports.list', {})).items;
    expect(items.find((i) => i.id === vn)).toMatchObject({ concurrentSections: 1 });
    expect(items.find((i) => i.id === th)).toMatchObject({ openComments: 1 });
  });

  it('reads a field it cannot read (written by a newer app) as its default, and skips a record with no title yet', async () => {
    const { n, vn } = await library();
    const interview = await n.call('interviews.create', { fields: { name: 'Dr Maria Santos', consentToQuote: true } });
    const setData = n.db.prepare('UPDATE records SET data = json_set(data, ?, json(?)) WHERE id = ?');
    setData.run('$.status', '"archived"', vn);
    setData.run('$.countries', '["VN","XX"]', vn);
    setData.run('$.consentToQuote', '"maybe"', interview.id);
    // A partial record from sync: some fields, no title yet.
    n.db.prepare("INSERT INTO records (entity, id, data, stamps) SELECT entity, '01900000-0000-7000-8000-0000000000aa', json_remove(data, '$.title'), stamps FROM records WHERE id = ?").run(vn);
    const { items } = await n.call('reports.list', {});
    expect(items).toHaveLength(3);
    expect(items.find((i) => i.id === vn)).toMatchObject({ status: 'draft', countries: [], title: 'Merit-based recruitment' });
    expect((await n.call('interviews.get', { id: interview.id })).consentToQuote).toBe(false);
  });
});
