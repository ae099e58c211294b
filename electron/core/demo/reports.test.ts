import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quotesWithoutConsent, storyConsentProblem, storyForExport } from '../../../shared/model/reports/consent';
import { characteristics } from '../../../shared/model/reports/characteristics';
import { checkReceivedChange } from '../../../shared/sync/change';
import { openDatabase } from '../db/open';
import { DATABASE_FILE } from '../app';
import { testCores } from '../testing';
import { join } from 'node:path';

const { start, closeAll } = testCores();

/** The demo as a curator meets it: loaded by demo.load into a real core, read through the contract (outputs checked). */
async function load() {
  const c = start();
  await c.call('demo.load', { experts: 200, seed: 3 });
  const { items } = await c.call('reports.list', {});
  const get = async (title: string) => c.call('reports.get', { id: items.find((i) => i.title.startsWith(title))!.id });
  return { ...c, items, get };
}
// Loaded once (the directory, the vetting team, then the reports): the tests only read it.
let loaded: ReturnType<typeof load>;
beforeAll(() => {
  loaded = load();
});
afterAll(closeAll);
const demo = () => loaded;

describe('demo case studies and stories', () => {
  it('are three case studies and two stories, clearly fictional, in every status', async () => {
    const { items } = await demo();
    expect(items.filter((i) => i.type === 'case_study')).toHaveLength(3);
    expect(items.filter((i) => i.type === 'story')).toHaveLength(2);
    expect(items.every((i) => i.title.endsWith('(demo)') && i.demo)).toBe(true);
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['draft', 'in_review', 'approved']));
    // Rated on the five characteristics, the approved case study on all nine criteria.
    const approved = items.find((i) => i.type === 'case_study' && i.status === 'approved')!;
    expect(Object.values(approved.ratings).every((r) => r !== null)).toBe(true);
    expect(approved).toMatchObject({ complete: 10, totalSections: 10, concurrentSections: 0 });
    // The draft shows unfinished sections and one section with two concurrent versions.
    const draft = items.find((i) => i.type === 'case_study' && i.status === 'draft')!;
    expect(draft.complete).toBeLessThan(10);
    expect(draft.concurrentSections).toBe(1);
    expect(items.find((i) => i.status === 'in_review')!.openComments).toBe(2);
  });

  it('are stored as values every node accepts (the check a synced change passes)', async () => {
    const { dataDir } = await demo();
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    try {
      const rows = db.prepare("SELECT entity, id, data FROM records WHERE entity IN ('case_study', 'story', 'interview', 'report_comment')").all() as { entity: string; id: string; data: string }[];
      expect(rows.length).toBeGreaterThan(5 + 4);
      for (const r of rows) {
        const verdict = checkReceivedChange({ origin: 'b0b0b0b0b0b0b0b0', seq: 1, hlc: '001700000000000-000000', actor: 'demo', op: 'put', entity: r.entity, id: r.id, fields: JSON.parse(r.data) });
        expect([r.entity, verdict]).toEqual([r.entity, { kind: 'ok' }]);
      }
    } finally {
      db.close();
    }
  });

  it('show indicators, figures from the demo directory, photos, interviews and quotes in Thai and Vietnamese', async () => {
    const { get, call } = await demo();
    const cat = await get('Merit-based');
    if (cat.type !== 'case_study') throw new Error('expected a case study');
    expect(cat.fields.indicators).toHaveLength(3);
    expect(cat.fields.expertIds.length).toBeGreaterThan(0);
    const [figure] = cat.fields.figures;
    // Counted from the directory as loaded: the figure's total is the active demo experts.
    const active = (await call('experts.search', { filters: { status: ['active'], country: [], expertise: [], language: [] } })).total;
    expect(figure).toMatchObject({ metric: 'experts_by_country', total: active, section: 's_results' });
    expect(figure!.rows.reduce((n, r) => n + r.count, 0)).toBe(active);
    expect(cat.fields.photos[0]).toMatchObject({ credit: 'Illustration: A-EXPECS demo data' });
    expect(cat.comments.map((c) => c.resolved)).toEqual([true]);

    const academy = await get('A digital service-delivery');
    expect(academy.fields.quotes.map((q) => q.text).join(' ')).toMatch(/[\u0E00-\u0E7F]/);
    expect(academy.interviews.map((i) => i.consentToQuote).sort()).toEqual([false, true]);
    // Only quotes from consenting interviews: the case study exports.
    expect(quotesWithoutConsent(academy.fields.quotes, academy.interviews.map((i) => ({ ...i, deletedAt: null })))).toEqual([]);

    const dialogues = await get('Quarterly performance');
    expect(dialogues.fields.quotes[0]!.text).toContain('Đối thoại hằng quý');
    const lessons = dialogues.sections.find((s) => s.section === 's_lessons')!;
    expect(lessons.heads.map((h) => h.actorName).sort()).toEqual(['Minh Tran (demo)', 'Nguyen Thi Hoa (demo)']);
  });

  it('have an anonymised story with consent and a named one without, refused export', async () => {
    const { get } = await demo();
    const counter = await get('A coastal community');
    if (counter.type !== 'story') throw new Error('expected a story');
    expect(counter.fields).toMatchObject({ anonymised: true, beneficiaryKind: 'community', consent: { uses: ['mtr', 'print'], form: { mime: 'application/pdf' } } });
    expect(storyForExport(counter.fields)).toMatchObject({ beneficiaryName: '', photos: [] });
    expect(storyConsentProblem(counter.fields)).toBeNull();
    expect(Object.keys(counter.fields).filter((k) => k.startsWith('r_'))).toEqual(characteristics.map((c) => `r_${c}`));

    const wulan = await get('From typist to trainer');
    if (wulan.type !== 'story') throw new Error('expected a story');
    expect(wulan.fields.consent).toBeNull();
    expect(storyConsentProblem(wulan.fields)).toBe('no_consent');
  });
});
