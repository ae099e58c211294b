import { afterEach, describe, expect, it } from 'vitest';
import { reportNodes } from './testing';

const nodes = reportNodes();
afterEach(() => nodes.cleanup());

function world() {
  const n = nodes.node();
  const curator = n.user('Citra Curator', 'curator');
  const fpTH = n.user('Somchai Focal', 'focal_point', 'TH');
  const reviewer = n.user('Rina Reviewer', 'reviewer');
  n.as(curator);
  return { n, curator, fpTH, reviewer };
}

describe('reports.create / get / update', () => {
  it('creates a case study through the funnel and reads it back whole', async () => {
    const { n, curator } = world();
    const expert = n.expert({ givenName: 'Nguyễn', familyName: 'Văn An', country: 'VN' });
    const before = n.changeCount();
    const created = await n.call('reports.create', {
      type: 'case_study',
      fields: { title: 'Merit-based recruitment in Viet Nam', countries: ['VN'], programme: 'ACCSM Work Plan 2021–2025', periodStart: '2022-01', periodEnd: '2024-06', expertIds: [expert] },
    });
    expect(n.changeCount()).toBe(before + 1);
    expect(created).toMatchObject({ type: 'case_study', removed: false, updatedBy: curator, permissions: { write: true, approve: true, comment: true } });
    expect(created.fields).toMatchObject({ title: 'Merit-based recruitment in Viet Nam', status: 'draft', s_context: null, r_people: null, deletedAt: null, demo: false });
    expect(created.sections).toHaveLength(10);
    expect(n.changed).toContain('case_study');
    const got = await n.call('reports.get', { id: created.id });
    expect(got.fields).toEqual(created.fields);
  });

  it('writes only the fields that differ, ratings included', async () => {
    const { n } = world();
    const r = await n.call('reports.create', { type: 'story', fields: { title: 'A village clinic', countries: ['ID'] } });
    const before = n.changeCount();
    await n.call('reports.update', { id: r.id, type: 'story', patch: { title: 'A village clinic' } });
    expect(n.changeCount()).toBe(before);
    const rated = await n.call('reports.update', {
      id: r.id,
      type: 'story',
      patch: { title: 'A village clinic', r_people: { rating: 'strong', evidence: 'Villagers run it.', sections: ['s_after'] }, anonymised: true },
    });
    expect(n.changeCount()).toBe(before + 1);
    const fields = JSON.parse(n.db.prepare('SELECT fields FROM changes ORDER BY rowid DESC LIMIT 1').pluck().get() as string);
    expect(Object.keys(fields).sort()).toEqual(['anonymised', 'r_people']);
    expect(rated.type === 'story' && rated.fields.r_people?.rating).toBe('strong');
  });

  it('refuses hostile and broken input, writing nothing', async () => {
    const { n } = world();
    const r = await n.call('reports.create', { type: 'case_study', fields: { title: 'Open government data', countries: ['PH'] } });
    const before = n.changeCount();
    const cases: [string, () => Promise<{ code: string }>][] = [
      ['bad id', () => n.refuse('reports.get', { id: 'not-an-id' })],
      ['unknown id', () => n.refuse('reports.update', { id: '01900000-0000-7000-8000-000000000abc', type: 'case_study', patch: { title: 'x' } })],
      ['wrong type', () => n.refuse('reports.update', { id: r.id, type: 'story', patch: { title: 'x' } })],
      ['hidden characters', () => n.refuse('reports.update', { id: r.id, type: 'case_study', patch: { title: 'Open\u202Egov' } })],
      ['no title', () => n.refuse('reports.create', { type: 'case_study', fields: { title: '   ' } })],
      ['unknown rating', () => n.refuse('reports.update', { id: r.id, type: 'case_study', patch: { r_happiness: { rating: 'strong', evidence: '', sections: [] } } as never })],
      ['rating off the scale', () => n.refuse('reports.update', { id: r.id, type: 'case_study', patch: { r_people: { rating: 'excellent', evidence: '', sections: [] } } as never })],
      ['a story section in a case-study rating', () => n.refuse('reports.update', { id: r.id, type: 'case_study', patch: { r_people: { rating: 'strong', evidence: '', sections: ['s_before'] } } as never })],
      ['period backwards', () => n.refuse('reports.update', { id: r.id, type: 'case_study', patch: { periodStart: '2024-05', periodEnd: '2023-01' } })],
      ['bad month', () => n.refuse('reports.update', { id: r.id, type: 'case_study', patch: { periodStart: '2024-13' } })],
      ['unknown expert', () => n.refuse('reports.update', { id: r.id, type: 'case_study', patch: { expertIds: ['01900000-0000-7000-8000-000000000def'] } })],
      ['unknown term', () => n.refuse('reports.update', { id: r.id, type: 'case_study', patch: { expertise: ['no.such.term'] } })],
      ['unstored photo', () => n.refuse('reports.update', { id: r.id, type: 'case_study', patch: { photos: [{ hash: 'a'.repeat(64), caption: 'c', credit: 'c', alt: 'a' }] } })],
      ['unknown interview', () => n.refuse('reports.update', { id: r.id, type: 'case_study', patch: { interviewIds: ['01900000-0000-7000-8000-000000000fed'] } })],
    ];
    const codes: Record<string, string> = {};
    for (const [name, attempt] of cases) codes[name] = (await attempt()).code;
    expect(codes).toEqual({
      'bad id': 'INVALID_INPUT',
      'unknown id': 'NOT_FOUND',
      'wrong type': 'NOT_FOUND',
      'hidden characters': 'INVALID_INPUT',
      'no title': 'INVALID_INPUT',
      'unknown rating': 'INVALID_INPUT',
      'rating off the scale': 'INVALID_INPUT',
      'a story section in a case-study rating': 'INVALID_INPUT',
      'period backwards': 'INVALID_INPUT',
      'bad month': 'INVALID_INPUT',
      'unknown expert': 'INVALID_INPUT',
      'unknown term': 'UNKNOWN_TERM',
      'unstored photo': 'INVALID_INPUT',
      'unknown interview': 'INVALID_INPUT',
    });
    expect(n.changeCount()).toBe(before);
  });
});

describe('roles', () => {
  it('lets a focal point write only their own country, and never approve', async () => {
    const { n, fpTH } = world();
    const vn = await n.call('reports.create', { type: 'case_study', fields: { title: 'E-government in Viet Nam', countries: ['VN'] } });
    n.as(fpTH);
    expect((await n.refuse('reports.create', { type: 'story', fields: { title: 'Not mine', countries: ['VN'] } })).code).toBe('NOT_ALLOWED');
    const before = n.changeCount();
    expect((await n.refuse('reports.update', { id: vn.id, type: 'case_study', patch: { title: 'Hijacked' } })).code).toBe('NOT_ALLOWED');
    expect((await n.refuse('reports.writeSection', { id: vn.id, section: 's_context', text: 'x', base: null })).code).toBe('NOT_ALLOWED');
    expect((await n.refuse('reports.remove', { id: vn.id })).code).toBe('NOT_ALLOWED');
    expect(n.changeCount()).toBe(before);
    expect((await n.call('reports.get', { id: vn.id })).permissions).toEqual({ write: false, approve: false, comment: true });

    const th = await n.call('reports.create', { type: 'story', fields: { title: 'A Thai village', countries: ['TH'] } });
    expect(th.permissions).toEqual({ write: true, approve: false, comment: true });
    // Moving it out of their country is refused too.
    expect((await n.refuse('reports.update', { id: th.id, type: 'story', patch: { countries: ['VN'] } })).code).toBe('NOT_ALLOWED');
    await n.call('reports.update', { id: th.id, type: 'story', patch: { countries: ['TH', 'LA'] } });
    expect((await n.call('reports.setStatus', { id: th.id, status: 'in_review' })).fields.status).toBe('in_review');
    const approve = await n.refuse('reports.setStatus', { id: th.id, status: 'approved' });
    expect(approve).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(approve.message).toContain('secretariat approves');
  });

  it('lets a reviewer read and comment, not write', async () => {
    const { n, reviewer } = world();
    const r = await n.call('reports.create', { type: 'case_study', fields: { title: 'Civil service academy', countries: ['KH'] } });
    n.as(reviewer);
    expect((await n.refuse('reports.update', { id: r.id, type: 'case_study', patch: { title: 'x' } })).message).toContain('reviewer');
    expect((await n.refuse('reports.setStatus', { id: r.id, status: 'approved' })).code).toBe('NOT_ALLOWED');
    const c = await n.call('comments.add', { reportId: r.id, section: 's_results', text: 'Which indicators?' });
    expect(c).toMatchObject({ authorId: reviewer, authorName: 'Rina Reviewer', resolved: false });
  });

  it('asks for a profile before any write', async () => {
    const n = nodes.node();
    expect((await n.refuse('reports.create', { type: 'story', fields: { title: 'Anyone' } })).code).toBe('NOT_ALLOWED');
  });
});

describe('status, removal', () => {
  it('records a status change and its comment in one batch, and removes and restores', async () => {
    const { n } = world();
    const r = await n.call('reports.create', { type: 'case_study', fields: { title: 'Shared services', countries: ['MY'] } });
    const reviewed = await n.call('reports.setStatus', { id: r.id, status: 'in_review', comment: 'Ready for the secretariat.' });
    expect(reviewed.fields.status).toBe('in_review');
    expect(reviewed.comments.map((c) => c.text)).toEqual(['Ready for the secretariat.']);
    const last = n.db.prepare('SELECT entity, actor FROM changes ORDER BY rowid DESC LIMIT 2').all();
    expect(last).toEqual(expect.arrayContaining([expect.objectContaining({ entity: 'case_study' }), expect.objectContaining({ entity: 'report_comment' })]));

    await n.call('reports.remove', { id: r.id });
    expect((await n.call('reports.list', {})).items.map((i) => i.id)).not.toContain(r.id);
    expect((await n.call('reports.list', { removed: true })).items.map((i) => i.id)).toEqual([r.id]);
    expect((await n.refuse('reports.writeSection', { id: r.id, section: 's_context', text: 'x', base: null })).message).toContain('Restore it first');
    const restored = await n.call('reports.restore', { id: r.id });
    expect(restored.removed).toBe(false);
    expect((await n.call('reports.list', {})).items.map((i) => i.id)).toEqual([r.id]);
  });
});
