import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../../../shared/contract/vetting';
import { readExpert } from '../experts/read';
import { conflictInbox } from './conflicts';
import { eligibleScreening, exchange, fullScores, sampleApplication, vettingNodes, type VettingNode } from './testing-applications';

/**
 * Two laptops, each with its own data file, accept the same application offline, then sync
 * (what a push and a pull carry). One applicant must stay one expert: both accepts write the
 * same expert, the two decisions are one conflict shown on both, and once a curator resolves
 * it both laptops hold the same records and no second expert for the applicant.
 */
const world = vettingNodes();
afterEach(world.cleanup);

/** Laptops a and b holding the same application, screened, assigned and reviewed (accept), with two curators. */
async function reviewedOnBoth(over: Record<string, unknown> = {}) {
  const a = world.node('a');
  const b = world.node('b');
  const ana = a.user('Ana Curator', 'curator');
  const ben = a.user('Ben Curator', 'curator');
  const rita = a.user('Rita Reviewer', 'reviewer', { country: 'MY' });
  a.as(ana);
  const { id } = await a.call('applications.create', { fields: sampleApplication(over) });
  await a.call('applications.act', { applicationId: id, type: 'screened', payload: eligibleScreening });
  await a.call('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: rita } });
  a.as(rita);
  await a.call('applications.act', { applicationId: id, type: 'review_submitted', payload: { reviewerId: rita, scores: fullScores, comments: 'Strong', recommendation: 'accept' } });
  a.as(ana);
  exchange(a, b);
  b.as(ben);
  return { a, b, id, ana, ben };
}

const accept = (n: VettingNode, id: string, reason = 'Strong record') => n.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'accept', reason } });
const sync = (a: VettingNode, b: VettingNode) => {
  exchange(a, b);
  exchange(b, a);
};

/** Every expert any accept of the application named, with whether it is in the directory (live) and its status. */
function experts(n: VettingNode, d: ApplicationDetail) {
  const ids = [...new Set(d.events.flatMap((e) => (e.type === 'decided' && e.payload.outcome === 'accept' && e.payload.expertId ? [e.payload.expertId] : [])))].sort();
  return ids.map((id) => {
    const e = readExpert(n.db, id);
    return { id, live: e !== null, status: e?.status ?? null };
  });
}
const activeExperts = (n: VettingNode) => n.db.prepare("SELECT count(*) FROM records WHERE entity = 'expert' AND data ->> '$.deletedAt' IS NULL AND data ->> '$.status' = 'active'").pluck().get();
const allExperts = (n: VettingNode) => n.db.prepare("SELECT count(*) FROM records WHERE entity = 'expert'").pluck().get();

/** The directory's and the vetting records as stored (values and per-field stamps), key order aside. */
function records(n: VettingNode) {
  const rows = n.db.prepare("SELECT entity, id, data, stamps FROM records WHERE entity IN ('expert', 'portfolio', 'vetting_event', 'application') ORDER BY entity, id").all() as { entity: string; id: string; data: string; stamps: string }[];
  return rows.map((r) => ({ entity: r.entity, id: r.id, data: JSON.parse(r.data) as unknown, stamps: JSON.parse(r.stamps) as unknown }));
}

function expectAgreement(a: VettingNode, b: VettingNode, onA: ApplicationDetail, onB: ApplicationDetail) {
  expect(onB.state).toEqual(onA.state);
  expect(records(b)).toEqual(records(a));
  expect(a.funnel.refusedChanges()).toEqual([]);
  expect(b.funnel.refusedChanges()).toEqual([]);
}

describe('two laptops accepting one application offline from the same state', () => {
  it('write one expert (same id, same portfolio), shown as the same conflict on both', async () => {
    const { a, b, id } = await reviewedOnBoth();
    const onA = await accept(a, id);
    const onB = await accept(b, id, 'Agreed with the reviewer');
    const expertId = onA.state.publication!.expertId;
    expect(onB.state.publication!.expertId).toBe(expertId);
    // The evidence became the same portfolio item on both laptops.
    const portfolioIds = (n: VettingNode) => readExpert(n.db, expertId)!.portfolio.map((p) => p.id);
    expect(portfolioIds(b)).toEqual(portfolioIds(a));
    expect(portfolioIds(a)).toHaveLength(1);

    sync(a, b);
    const [afterA, afterB] = [await a.call('applications.get', { id }), await b.call('applications.get', { id })];
    expect(afterA.state.stage).toBe('conflict');
    // The expert both accepts wrote is the application's own, not a duplicate candidate, while the conflict is open too.
    for (const d of [afterA, afterB]) expect(d.duplicates.map((c) => c.id)).not.toContain(expertId);
    expect(afterA.state.conflict!.sides.filter((s) => s.type === 'decided').map((s) => s.by).sort()).toEqual([...new Set([onA.events.at(-2)!.by, onB.events.at(-2)!.by])].sort());
    expectAgreement(a, b, afterA, afterB);
    // The conflict inbox shows it on both laptops, the same way.
    const inbox = conflictInbox(a.ctx);
    expect(inbox.items.map((i) => i.id)).toEqual([id]);
    expect(conflictInbox(b.ctx)).toEqual(inbox);
    expect(experts(a, afterA)).toEqual([{ id: expertId, live: true, status: 'active' }]);
    expect([allExperts(a), allExperts(b)]).toEqual([1, 1]);
    expect(readExpert(a.db, expertId)!.portfolio).toHaveLength(1);
  });

  it.each([
    ['a reject', 'reject', 'rejected', 'archived'],
    ['an accept', 'accept', 'published', 'active'],
  ] as const)('agree once the conflict is resolved by %s, with one expert and no orphan', async (_, outcome, stage, status) => {
    const { a, b, id } = await reviewedOnBoth();
    const expertId = (await accept(a, id)).state.publication!.expertId;
    await accept(b, id);
    sync(a, b);
    await b.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome, reason: 'Settled at the secretariat meeting' } });
    sync(a, b);
    const [onA, onB] = [await a.call('applications.get', { id }), await b.call('applications.get', { id })];
    expect(onA.state).toMatchObject({ stage, conflict: null });
    expect(onA.state.superseded.length).toBeGreaterThanOrEqual(4);
    expectAgreement(a, b, onA, onB);
    expect(experts(a, onA)).toEqual([{ id: expertId, live: true, status }]);
    expect(allExperts(a)).toBe(1);
    if (outcome === 'accept') expect(onA.state.publication!.expertId).toBe(expertId);
    expect(onA.chain.ok).toBe(true);
  });

  it('a note or a review added on one side only still leaves one expert', async () => {
    const { a, b, id } = await reviewedOnBoth();
    await b.call('applications.act', { applicationId: id, type: 'note', payload: { text: 'Called the ministry: confirmed.' } });
    const onA = await accept(a, id);
    const onB = await accept(b, id);
    expect(onB.state.publication!.expertId).toBe(onA.state.publication!.expertId);
    sync(a, b);
    expect(allExperts(a)).toBe(1);
    expectAgreement(a, b, await a.call('applications.get', { id }), await b.call('applications.get', { id }));
  });

  it('different consent sections: one expert, a conflict, then the sections the application holds once resolved', async () => {
    const { a, b, id } = await reviewedOnBoth({ consentSections: ['career', 'expertise'] });
    // On b the applicant withdraws consent to publish the expertise section before b accepts.
    await b.call('applications.update', { id, patch: { consentSections: ['career', 'contact'] } });
    const onA = await accept(a, id);
    const onB = await accept(b, id);
    expect(onA.state.publication!.sections).toEqual(['career', 'expertise']);
    expect(onB.state.publication!.sections).toEqual(['career', 'contact']);
    const expertId = onA.state.publication!.expertId;
    expect(onB.state.publication!.expertId).toBe(expertId);
    sync(a, b);
    const conflicted = await a.call('applications.get', { id });
    expect(conflicted.state.stage).toBe('conflict');
    // Both publications stay in the history; the application holds the later edit (b's).
    const published = conflicted.events.filter((e) => e.type === 'published').map((e) => e.payload.sections).sort();
    expect(published).toEqual([['career', 'contact'], ['career', 'expertise']]);
    expect(conflicted.fields.consentSections).toEqual(['career', 'contact']);
    expect(allExperts(a)).toBe(1);
    expectAgreement(a, b, conflicted, await b.call('applications.get', { id }));

    const resolved = await a.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'accept', reason: 'Consent as last signed' } });
    expect(resolved.state.publication).toMatchObject({ expertId, sections: ['career', 'contact'] });
    expect(readExpert(a.db, expertId)!.visibility).toMatchObject({ career: 'public', contact: 'members', expertise: 'secretariat' });
    sync(a, b);
    expectAgreement(a, b, await a.call('applications.get', { id }), await b.call('applications.get', { id }));
    expect(allExperts(b)).toBe(1);
  });

  it.each([
    ['an accept', 'accept', 'active'],
    ['a reject', 'reject', 'active'],
  ] as const)('"same person" on one laptop, a new expert on the other: resolved by %s, no twin is left and nothing is lost', async (_, outcome, knownStatus) => {
    const { a, b, id } = await reviewedOnBoth();
    const known = a.expert({ givenName: 'Siti', familyName: 'Rahayu', country: 'ID', email: 'siti.rahayu@bkn.go.id', position: 'Analyst' });
    exchange(a, b);
    await a.call('applications.markDuplicate', { id, candidate: { entity: 'expert', id: known }, verdict: 'same' });
    const onA = await accept(a, id);
    const onB = await accept(b, id);
    expect(onA.state.publication!.expertId).toBe(known);
    const created = onB.state.publication!.expertId;
    expect(created).not.toBe(known);
    sync(a, b);
    const conflicted = await b.call('applications.get', { id });
    expect(conflicted.state.stage).toBe('conflict');
    expect(conflicted.fields.matchedExpertId).toBe(known);
    // Until a curator resolves the conflict both are in the directory (one updated, one created).
    expect(activeExperts(b)).toBe(2);

    await b.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome, reason: 'Settled' } });
    sync(a, b);
    const [resA, resB] = [await a.call('applications.get', { id }), await b.call('applications.get', { id })];
    expectAgreement(a, b, resA, resB);
    // The expert that existed before stays; the one the superseded accept created leaves the
    // directory archived (kept with its portfolio, never deleted).
    expect(experts(a, resA)).toEqual([
      { id: known, live: true, status: knownStatus },
      { id: created, live: true, status: 'archived' },
    ].sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect(readExpert(a.db, created)!.statusReason).toMatch(outcome === 'accept' ? known : /rejected/);
    expect(readExpert(a.db, created)!.portfolio).toHaveLength(1);
    expect(activeExperts(a)).toBe(1);
    if (outcome === 'accept') expect(resA.state.publication!.expertId).toBe(known);
  });

  it('an accept after the first expert was deleted gets an expert of its own', async () => {
    const { a, b, id } = await reviewedOnBoth();
    const first = (await accept(a, id)).state.publication!.expertId;
    await b.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'return', reason: 'List your publications' } });
    sync(a, b);
    expect((await a.call('applications.get', { id })).state.stage).toBe('conflict');
    a.funnel.write('curator', [{ entity: 'expert', id: first, fields: { deletedAt: 1_780_500_000_000 } }]);
    const again = await a.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'accept', reason: 'Accepted after all' } });
    const second = again.state.publication!.expertId;
    expect(second).not.toBe(first);
    expect(readExpert(a.db, second)).toMatchObject({ status: 'active', givenName: 'Siti' });
    expect(readExpert(a.db, first)).toBeNull();
    sync(a, b);
    expectAgreement(a, b, await a.call('applications.get', { id }), await b.call('applications.get', { id }));
    expect(activeExperts(b)).toBe(1);
  });

  it.each([
    ['an accept', 'accept', 'published', 'active'],
    ['a reject', 'reject', 'rejected', 'archived'],
  ] as const)('a sync cut short between the accept\'s events and its expert: resolved by %s, still one expert', async (_, outcome, stage, status) => {
    const { a, b, id } = await reviewedOnBoth();
    const expertId = (await accept(a, id)).state.publication!.expertId;
    await b.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'return', reason: 'List your publications' } });
    // The connection drops after the batch that carried a's decision and publication, before the expert they name.
    const entries = a.funnel.missingFrom(b.funnel.vector());
    const cut = entries.findLastIndex((e) => e.entity === 'vetting_event') + 1;
    expect(entries.slice(cut).map((e) => e.entity)).toContain('expert');
    b.funnel.receive(entries.slice(0, cut));
    expect((await b.call('applications.get', { id })).state.stage).toBe('conflict');
    expect(readExpert(b.db, expertId)).toBeNull();

    await b.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome, reason: 'Settled by phone' } });
    sync(a, b);
    const [onA, onB] = [await a.call('applications.get', { id }), await b.call('applications.get', { id })];
    expect(onA.state.stage).toBe(stage);
    expectAgreement(a, b, onA, onB);
    expect(experts(a, onA)).toEqual([{ id: expertId, live: true, status }]);
    expect(allExperts(a)).toBe(1);
    expect(readExpert(a.db, expertId)!.portfolio).toHaveLength(1);
  });
});
