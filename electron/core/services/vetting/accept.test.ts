import { afterEach, describe, expect, it } from 'vitest';
import { idSchema } from '../../../../shared/model/expert';
import type { Evidence } from '../../../../shared/model/vetting/application';
import { readExpert } from '../experts/read';
import { planAccept, type AcceptPlan } from './accept';
import { readApplication, readEvents } from './store';
import { eligibleScreening, exchange, fullScores, sampleApplication, vettingNodes, type VettingNode } from './testing-applications';

/**
 * The ids an accept writes, planned against real records: what two laptops would write if each
 * accepted now. A new expert's id and its portfolio items' ids come from the decision point, so
 * the same state gives the same ids everywhere and another decision point gives others.
 */
const world = vettingNodes();
afterEach(world.cleanup);

async function reviewed(n: VettingNode, evidence: readonly Evidence[] = sampleApplication().evidence) {
  const curator = n.user('Ana Curator', 'curator');
  const rita = n.user('Rita Reviewer', 'reviewer', { country: 'MY' });
  n.as(curator);
  const { id } = await n.call('applications.create', { fields: sampleApplication({ evidence }) });
  await n.call('applications.act', { applicationId: id, type: 'screened', payload: eligibleScreening });
  await n.call('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: rita } });
  n.as(rita);
  await n.call('applications.act', { applicationId: id, type: 'review_submitted', payload: { reviewerId: rita, scores: fullScores, comments: 'ok', recommendation: 'accept' } });
  n.as(curator);
  return { id, curator, rita };
}

const plan = (n: VettingNode, id: string) => planAccept(n.db, readApplication(n.db, id)!, readEvents(n.db, id));
const ids = (p: AcceptPlan) => p.writes.map((w) => `${w.entity}:${w.id}`);

describe('planAccept ids', () => {
  it('two plans from the same state give the same expert and portfolio ids, on this node and another', async () => {
    const a = world.node('a');
    const b = world.node('b');
    const evidence = [
      { kind: 'publication' as const, title: 'Merit systems in ASEAN', year: 2021 },
      { kind: 'certificate' as const, title: 'Certified HR Professional' },
      { kind: 'event' as const, title: 'ACCSM workshop, Manila' },
    ];
    const { id } = await reviewed(a, evidence);
    exchange(a, b);
    const first = plan(a, id);
    expect(first.created).toBe(true);
    expect(ids(first)).toHaveLength(4);
    expect(plan(a, id)).toEqual(first);
    expect(plan(b, id)).toEqual(first);
    for (const w of first.writes) {
      expect(idSchema.safeParse(w.id).success).toBe(true);
      // Name-based (version 8), sorting with the application they come from.
      expect(w.id.slice(0, 13)).toBe(id.slice(0, 13));
      expect(w.id[14]).toBe('8');
    }
    expect(new Set(ids(first)).size).toBe(4);
  });

  it('a note or an assignment on one side does not change the ids; another decision point does', async () => {
    const n = world.node();
    const { id, rita } = await reviewed(n);
    const before = plan(n, id);
    await n.call('applications.act', { applicationId: id, type: 'note', payload: { text: 'Called the ministry.' } });
    const omar = n.user('Omar Reviewer', 'reviewer', { country: 'PH' });
    await n.call('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: omar } });
    expect(plan(n, id)).toEqual(before);

    // A return, the answer and a new review: the heads and the decisions seen differ, and so do the ids.
    await n.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'return', reason: 'List your certificates.' } });
    await n.call('applications.act', { applicationId: id, type: 'info_received', payload: { answer: 'Added.' } });
    n.as(rita);
    await n.call('applications.act', { applicationId: id, type: 'review_submitted', payload: { reviewerId: rita, scores: fullScores, comments: 'better', recommendation: 'accept' } });
    const after = plan(n, id);
    expect(after.created).toBe(true);
    expect(after.expertId).not.toBe(before.expertId);
    expect(ids(after).filter((x) => ids(before).includes(x))).toEqual([]);
  });

  it('reuses the expert an earlier accept created, and only that plan makes one', async () => {
    const a = world.node('a');
    const b = world.node('b');
    const { id, curator } = await reviewed(a);
    exchange(a, b);
    b.as(curator);
    const accepted = await a.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'accept', reason: 'Strong' } });
    await b.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'reject', reason: 'Weak' } });
    exchange(a, b);
    const expertId = accepted.state.publication!.expertId;
    // b resolving by an accept updates a's expert rather than deriving another.
    const again = plan(b, id);
    expect(again).toMatchObject({ expertId, created: false });
    expect(again.writes.filter((w) => w.entity === 'portfolio')).toEqual([]);
  });

  it('a reject resolving a conflict never archives an expert the application only updated, even once the "same person" mark is cleared', async () => {
    const a = world.node('a');
    const b = world.node('b');
    const { id, curator } = await reviewed(a);
    const known = a.expert({ givenName: 'Siti', familyName: 'Rahayu', country: 'ID', position: 'Analyst' });
    exchange(a, b);
    b.as(curator);
    await a.call('applications.markDuplicate', { id, candidate: { entity: 'expert', id: known }, verdict: 'same' });
    await a.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'accept', reason: 'Strong' } });
    await b.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'reject', reason: 'Weak' } });
    exchange(a, b);
    exchange(b, a);
    // The curator on b decides the applicant is someone else after all, then rejects.
    const cleared = await b.call('applications.markDuplicate', { id, candidate: { entity: 'expert', id: known }, verdict: 'different' });
    expect(cleared.fields.matchedExpertId).toBeNull();
    const resolved = await b.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'reject', reason: 'Discussed' } });
    expect(resolved.state.stage).toBe('rejected');
    expect(readExpert(b.db, known)!.status).toBe('active');
  });
});
