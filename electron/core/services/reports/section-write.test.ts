import { afterEach, describe, expect, it } from 'vitest';
import { exchange, reportNodes, words } from './testing';

const nodes = reportNodes();
afterEach(() => nodes.cleanup());

async function twoCurators() {
  const a = nodes.node('a');
  const b = nodes.node('b');
  const ani = a.user('Ani', 'curator');
  const budi = a.user('Budi', 'curator');
  a.as(ani);
  const report = await a.call('reports.create', { type: 'case_study', fields: { title: 'One-stop public service centres', countries: ['ID'] } });
  const first = await a.call('reports.writeSection', { id: report.id, section: 's_context', text: 'The first draft.', base: null });
  exchange(a, b);
  b.as(budi);
  return { a, b, ani, budi, id: report.id, base: first.current!.rev };
}

describe('reports.writeSection', () => {
  it('chains autosaves on one head and counts words', async () => {
    const { a, id, base } = await twoCurators();
    const second = await a.call('reports.writeSection', { id, section: 's_context', text: words(31), base });
    expect(second).toMatchObject({ section: 's_context', heads: [], words: 31, complete: true });
    expect(second.current!.parents).toEqual([base]);
    const thai = await a.call('reports.writeSection', { id, section: 's_context', text: 'ภาษาไทยง่ายนิดเดียว', base: second.current!.rev });
    expect(thai.words).toBe(5);
    // Saving the same text again on the same head writes nothing.
    const before = a.changeCount();
    const same = await a.call('reports.writeSection', { id, section: 's_context', text: 'ภาษาไทยง่ายนิดเดียว', base: thai.current!.rev });
    expect(a.changeCount()).toBe(before);
    expect(same.current!.rev).toBe(thai.current!.rev);
    // Nor does a stale window saving, on an old base, the text the section already holds.
    await a.call('reports.writeSection', { id, section: 's_context', text: 'ภาษาไทยง่ายนิดเดียว', base });
    expect(a.changeCount()).toBe(before);
  });

  it('makes two heads from two offline edits of one section, and one head after a resolve, on both nodes', async () => {
    const { a, b, budi, id, base } = await twoCurators();
    // Offline: both edit the section from the same version; another section is edited on one side only.
    await a.call('reports.writeSection', { id, section: 's_context', text: 'Ani’s version of the context.', base });
    await b.call('reports.writeSection', { id, section: 's_context', text: 'Budi’s version of the context.', base });
    await b.call('reports.writeSection', { id, section: 's_lessons', text: 'Start small.', base: null });
    exchange(a, b);
    exchange(b, a);

    for (const n of [a, b]) {
      const detail = await n.call('reports.get', { id });
      const context = detail.sections.find((s) => s.section === 's_context')!;
      expect(context.heads.map((h) => h.value.text).sort()).toEqual(['Ani’s version of the context.', 'Budi’s version of the context.']);
      expect(context.heads.find((h) => h.value.text.startsWith('Budi'))).toMatchObject({ actor: budi, actorName: 'Budi' });
      // The other section merged cleanly.
      expect(detail.sections.find((s) => s.section === 's_lessons')).toMatchObject({ heads: [], current: { text: 'Start small.' } });
      expect((await n.call('reports.list', {})).items[0]).toMatchObject({ id, concurrentSections: 1 });
    }
    // Both nodes hold the same value now (last writer by clock), whichever it is.
    const current = async (n: typeof a) => (await n.call('reports.get', { id })).sections[0]!.current;
    expect(await current(a)).toEqual(await current(b));

    // Budi combines them: the new value names both heads, so the section is clean again.
    const combined = await b.call('reports.writeSection', { id, section: 's_context', text: 'Ani’s and Budi’s context, combined.', base, resolve: true });
    expect(combined.heads).toEqual([]);
    expect(combined.current!.parents).toHaveLength(2);
    exchange(b, a);
    for (const n of [a, b]) {
      expect(await current(n)).toMatchObject({ text: 'Ani’s and Budi’s context, combined.' });
      expect((await n.call('reports.get', { id })).sections[0]!.heads).toEqual([]);
      expect((await n.call('reports.list', {})).items[0]!.concurrentSections).toBe(0);
    }
  });

  it('a save on an old base on the same computer makes a second head, not an error', async () => {
    const { a, id, base } = await twoCurators();
    await a.call('reports.writeSection', { id, section: 's_context', text: 'Newer text.', base });
    const stale = await a.call('reports.writeSection', { id, section: 's_context', text: 'Edited in a second window.', base });
    expect(stale.heads).toHaveLength(2);
    // Keeping one version: the text of one head, resolving.
    const kept = await a.call('reports.writeSection', { id, section: 's_context', text: 'Newer text.', base: null, resolve: true });
    expect(kept).toMatchObject({ heads: [], current: { text: 'Newer text.' } });
  });

  it('refuses hostile input and writes nothing', async () => {
    const { a, id, base } = await twoCurators();
    const before = a.changeCount();
    const refusals = {
      unknownSection: await a.refuse('reports.writeSection', { id, section: 's_secret', text: 'x', base }),
      storySectionOfCaseStudy: await a.refuse('reports.writeSection', { id, section: 's_before', text: 'x', base }),
      tooLong: await a.refuse('reports.writeSection', { id, section: 's_context', text: 'x'.repeat(20_001), base }),
      hidden: await a.refuse('reports.writeSection', { id, section: 's_context', text: 'pay\u202Egnp.exe', base }),
      nul: await a.refuse('reports.writeSection', { id, section: 's_context', text: 'a\u0000b', base }),
      unknownBase: await a.refuse('reports.writeSection', { id, section: 's_context', text: 'x', base: '01900000-0000-7000-8000-0000000000ff' }),
      badId: await a.refuse('reports.writeSection', { id: 'x', section: 's_context', text: 'x', base }),
      missing: await a.refuse('reports.writeSection', { id: '01900000-0000-7000-8000-0000000000ee', section: 's_context', text: 'x', base }),
    };
    expect(Object.fromEntries(Object.entries(refusals).map(([k, e]) => [k, e.code]))).toEqual({
      unknownSection: 'INVALID_INPUT',
      storySectionOfCaseStudy: 'INVALID_INPUT',
      tooLong: 'INVALID_INPUT',
      hidden: 'INVALID_INPUT',
      nul: 'INVALID_INPUT',
      unknownBase: 'INVALID_INPUT',
      badId: 'INVALID_INPUT',
      missing: 'NOT_FOUND',
    });
    expect(refusals.storySectionOfCaseStudy.message).toContain('has no section "s_before"');
    expect(refusals.tooLong.message).toContain('at most 20,000 characters');
    expect(a.changeCount()).toBe(before);
  });
});
