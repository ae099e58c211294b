import { afterEach, describe, expect, it } from 'vitest';
import { sampleApplication, vettingNodes } from './testing-applications';

const world = vettingNodes();
afterEach(world.cleanup);

describe('applications: create, list, get, update', () => {
  it('a curator enters an application: submitted, listed with its stage, read back with its pre-check', async () => {
    const n = world.node();
    n.as(n.user('Ana Curator', 'curator'));
    const created = await n.call('applications.create', { fields: sampleApplication({ otherNames: ['Siti R.'] }) });
    expect(created.state.stage).toBe('submitted');
    expect(created.displayName).toBe('Siti Rahayu');
    expect(created.fields.source).toBe('curator');
    expect(created.events.map((e) => e.type)).toEqual(['submitted']);
    expect(created.people[created.events[0]!.by]).toBe('Ana Curator');
    // No recommendation letter attached yet: that criterion is for the curator to confirm.
    expect(created.precheck.summary).toBe('needs_check');
    expect(created.precheck.criteria.find((c) => c.criterion === 'recommendation')!.result).toBe('unknown');
    expect(created.precheck.criteria.find((c) => c.criterion === 'experience')!.result).toBe('met');
    expect(created.actions).toEqual(expect.arrayContaining(['screened', 'withdrawn', 'note']));
    expect(created.actions).not.toContain('decided');
    expect(created.chain.ok).toBe(true);
    expect(n.changed).toContain('application');

    const list = await n.call('applications.list', {});
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: created.id, displayName: 'Siti Rahayu', stage: 'submitted', country: 'ID', nominatingCountry: 'ID', reviewerIds: [], reviewsPending: 0 });
    expect(list.items[0]!.submittedAt).toBe(created.events[0]!.at);
    expect(list.stageCounts.find((c) => c.stage === 'submitted')!.count).toBe(1);

    const got = await n.call('applications.get', { id: created.id });
    expect(got).toEqual(created);

    const updated = await n.call('applications.update', { id: created.id, patch: { familyName: 'Rahayu-Putri', careerSummary: 'Changed.' } });
    expect(updated.displayName).toBe('Siti Rahayu-Putri');
    expect((await n.call('applications.list', { query: 'putri' })).items.map((i) => i.id)).toEqual([created.id]);
  });

  it('searches names, e-mail and agency folded (case, diacritics), and filters by stage and country with counts under the other filters', async () => {
    const n = world.node();
    n.as(n.user('Ana Curator', 'curator'));
    const a = await n.call('applications.create', { fields: sampleApplication({ givenName: 'Nguyễn Văn', familyName: 'Hùng', country: 'VN', nominatingCountry: 'VN', email: 'hung@moha.gov.vn', agency: 'Bộ Nội vụ' }) });
    const b = await n.call('applications.create', { fields: sampleApplication({ givenName: 'Somchai', familyName: 'Jaidee', country: 'TH', nominatingCountry: 'TH', email: 'somchai@ocsc.go.th', agency: 'OCSC' }) });
    const c = await n.call('applications.create', { fields: sampleApplication({ givenName: 'Hung', familyName: 'Tran', country: 'VN', nominatingCountry: 'VN', email: 'tran@example.vn' }) });
    await n.call('applications.act', { applicationId: c.id, type: 'withdrawn', payload: { reason: 'Changed jobs' } });

    const ids = async (input: Parameters<typeof n.call<'applications.list'>>[1]) => (await n.call('applications.list', input)).items.map((i) => i.id).sort();
    expect(await ids({ query: 'NGUYEN van' })).toEqual([a.id]);
    expect(await ids({ query: 'hung' })).toEqual([a.id, c.id].sort());
    expect(await ids({ query: 'noi vu' })).toEqual([a.id]);
    expect(await ids({ query: 'somchai@ocsc.go.th' })).toEqual([b.id]);
    expect(await ids({ query: 'nobody' })).toEqual([]);
    expect(await ids({ filters: { country: ['VN'], stage: [], reviewer: [] } })).toEqual([a.id, c.id].sort());

    const inVn = await n.call('applications.list', { filters: { country: ['VN'], stage: ['submitted'], reviewer: [] } });
    expect(inVn.items.map((i) => i.id)).toEqual([a.id]);
    expect(Object.fromEntries(inVn.stageCounts.filter((s) => s.count > 0).map((s) => [s.stage, s.count]))).toEqual({ submitted: 1, withdrawn: 1 });
    expect(inVn.total).toBe(1);

    const vn = await n.call('applications.list', { query: 'hung', filters: { country: ['VN'], stage: ['withdrawn'], reviewer: [] } });
    expect(vn.items.map((i) => i.id)).toEqual([c.id]);
    expect(vn.total).toBe(1);
    // The tabs count under the query and the country, whatever stage is chosen.
    expect(Object.fromEntries(vn.stageCounts.filter((s) => s.count > 0).map((s) => [s.stage, s.count]))).toEqual({ submitted: 1, withdrawn: 1 });

    const page = await n.call('applications.list', { limit: 2, offset: 0 });
    const next = await n.call('applications.list', { limit: 2, offset: 2 });
    expect(page.total).toBe(3);
    expect([...page.items, ...next.items].map((i) => i.id)).toEqual([c.id, b.id, a.id]);
  });

  it('refuses a kiosk source, an invalid field, a role that cannot edit, and edits once closed', async () => {
    const n = world.node();
    const curator = n.user('Ana Curator', 'curator');
    const reviewer = n.user('Rita Reviewer', 'reviewer');
    expect((await n.refuse('applications.create', { fields: sampleApplication() })).code).toBe('NOT_ALLOWED');
    n.as(curator);
    expect((await n.refuse('applications.create', { fields: sampleApplication({ source: 'kiosk' }) })).code).toBe('INVALID_INPUT');
    expect((await n.refuse('applications.create', { fields: sampleApplication({ email: 'not-an-email' }) })).code).toBe('INVALID_INPUT');
    const hash = 'a'.repeat(64);
    const missing = await n.refuse('applications.create', { fields: sampleApplication({ cv: { hash, name: 'cv.pdf', mime: 'application/pdf', bytes: 10 } }) });
    expect(missing.code).toBe('ATTACHMENT_INVALID');
    const app = await n.call('applications.create', { fields: sampleApplication() });

    n.as(reviewer);
    expect((await n.refuse('applications.create', { fields: sampleApplication() })).code).toBe('NOT_ALLOWED');
    // Not assigned: the reviewer cannot even see it.
    expect((await n.refuse('applications.update', { id: app.id, patch: { familyName: 'X' } })).code).toBe('NOT_FOUND');

    n.as(curator);
    expect((await n.refuse('applications.update', { id: app.id, patch: { source: 'import' } })).code).toBe('INVALID_INPUT');
    await n.call('applications.act', { applicationId: app.id, type: 'withdrawn', payload: { reason: 'Moved abroad' } });
    const closed = await n.refuse('applications.update', { id: app.id, patch: { familyName: 'Later' } });
    expect(closed.code).toBe('STEP_REFUSED');
    expect(closed.details).toEqual({ step: 'WRONG_STAGE' });
    expect((await n.refuse('applications.get', { id: '01900000-0000-7000-8000-000000000999' })).code).toBe('NOT_FOUND');
  });
});

describe('applications: what each role sees', () => {
  it('a focal point sees and enters only their own country\'s applications', async () => {
    const n = world.node();
    const curator = n.user('Ana Curator', 'curator');
    const focal = n.user('Thanh Focal', 'focal_point', { country: 'TH' });
    n.as(curator);
    const th = await n.call('applications.create', { fields: sampleApplication({ givenName: 'Somchai', country: 'TH', nominatingCountry: 'TH' }) });
    const id = await n.call('applications.create', { fields: sampleApplication() });

    n.as(focal);
    const list = await n.call('applications.list', {});
    expect(list.items.map((i) => i.id)).toEqual([th.id]);
    expect(list.total).toBe(1);
    expect(list.stageCounts.reduce((s, c) => s + c.count, 0)).toBe(1);
    expect((await n.refuse('applications.get', { id: id.id })).code).toBe('NOT_FOUND');
    expect((await n.refuse('applications.create', { fields: sampleApplication() })).code).toBe('NOT_ALLOWED');
    const own = await n.call('applications.create', { fields: sampleApplication({ givenName: 'Malee', country: 'TH', nominatingCountry: 'TH' }) });
    expect(own.actions.sort()).toEqual(['note', 'withdrawn']);
    // Moving it out of their scope is not theirs to do.
    expect((await n.refuse('applications.update', { id: own.id, patch: { nominatingCountry: 'VN' } })).code).toBe('NOT_ALLOWED');
    expect((await n.call('applications.update', { id: own.id, patch: { position: 'Director' } })).fields.position).toBe('Director');
    expect((await n.refuse('applications.act', { applicationId: own.id, type: 'screened', payload: { criteria: [], outcome: 'info_requested', what: 'CV' } })).code).toBe('NOT_ALLOWED');
  });

  it('a reviewer sees only the applications assigned to them, and others\' reviews only after submitting theirs', async () => {
    const n = world.node();
    const curator = n.user('Ana Curator', 'curator');
    const rita = n.user('Rita Reviewer', 'reviewer');
    const omar = n.user('Omar Reviewer', 'reviewer');
    n.as(curator);
    const one = await n.call('applications.create', { fields: sampleApplication() });
    await n.call('applications.create', { fields: sampleApplication({ givenName: 'Other' }) });
    await n.call('applications.act', { applicationId: one.id, type: 'screened', payload: { criteria: [], outcome: 'eligible' } });
    await n.call('applications.act', { applicationId: one.id, type: 'assigned', payload: { reviewerId: rita } });
    await n.call('applications.act', { applicationId: one.id, type: 'assigned', payload: { reviewerId: omar } });

    n.as(rita);
    expect((await n.call('applications.list', {})).items.map((i) => i.id)).toEqual([one.id]);
    expect((await n.call('applications.list', { mine: true })).items.map((i) => i.id)).toEqual([one.id]);
    let seen = await n.call('applications.get', { id: one.id });
    expect(seen.actions.sort()).toEqual(['note', 'review_submitted']);
    expect(seen.duplicates).toEqual([]);
    // Assigned, she sees it, but the application's record is not hers to edit.
    expect((await n.refuse('applications.update', { id: one.id, patch: { position: 'Director' } })).code).toBe('NOT_ALLOWED');

    n.as(omar);
    await n.call('applications.act', { applicationId: one.id, type: 'review_submitted', payload: { reviewerId: omar, scores: { expertise: 4, experience: 4, contribution: 3, communication: 3 }, comments: 'Solid', recommendation: 'accept' } });
    expect((await n.call('applications.get', { id: one.id })).state.reviews).toHaveLength(1);

    n.as(rita);
    seen = await n.call('applications.get', { id: one.id });
    expect(seen.state.reviews).toEqual([]);
    expect(seen.events.some((e) => e.type === 'review_submitted')).toBe(false);
    const after = await n.call('applications.act', { applicationId: one.id, type: 'review_submitted', payload: { reviewerId: rita, scores: { expertise: 3, experience: 3, contribution: 3, communication: 3 }, comments: 'Fine', recommendation: 'accept' } });
    expect(after.state.reviews.map((r) => r.reviewerId).sort()).toEqual([rita, omar].sort());
    expect(after.events.filter((e) => e.type === 'review_submitted')).toHaveLength(2);
    // Her review is in: no longer waiting on her, but still hers to see.
    expect((await n.call('applications.list', { mine: true })).items[0]!.reviewsPending).toBe(0);

    n.as(curator);
    expect((await n.call('applications.list', { filters: { stage: [], country: [], reviewer: [omar] } })).items.map((i) => i.id)).toEqual([one.id]);
    expect((await n.call('applications.list', { mine: true })).items).toEqual([]);
  });
});
