import { afterEach, describe, expect, it } from 'vitest';
import { readExpert } from '../experts/read';
import { eligibleScreening, exchange, fullScores, sampleApplication, vettingNodes, type VettingNode } from './testing-applications';

const world = vettingNodes();
afterEach(world.cleanup);

/** A node with a curator signed in, two reviewers, and an application screened eligible. */
async function eligible(n: VettingNode, over: Record<string, unknown> = {}) {
  const curator = n.user('Ana Curator', 'curator');
  const rita = n.user('Rita Reviewer', 'reviewer', { country: 'MY' });
  const omar = n.user('Omar Reviewer', 'reviewer', { country: 'ID' });
  n.as(curator);
  const app = await n.call('applications.create', { fields: sampleApplication(over) });
  await n.call('applications.act', { applicationId: app.id, type: 'screened', payload: eligibleScreening });
  return { curator, rita, omar, id: app.id };
}

describe('applications.act', () => {
  it('takes every step: information requested and received, assignments, reviews, a return, a reject; notes anywhere', async () => {
    const n = world.node();
    const curator = n.user('Ana Curator', 'curator');
    const rita = n.user('Rita Reviewer', 'reviewer', { country: 'MY' });
    n.as(curator);
    const { id } = await n.call('applications.create', { fields: sampleApplication() });
    let d = await n.call('applications.act', { applicationId: id, type: 'screened', payload: { criteria: [{ criterion: 'recommendation', met: false, note: 'No letter' }], outcome: 'info_requested', what: 'The recommendation letter' } });
    expect(d.state.stage).toBe('info_requested');
    expect(d.actions).toContain('info_received');
    d = await n.call('applications.act', { applicationId: id, type: 'info_received', payload: { answer: 'Letter attached' } });
    expect(d.state.stage).toBe('submitted');
    d = await n.call('applications.act', { applicationId: id, type: 'screened', payload: eligibleScreening });
    expect(d.state.stage).toBe('eligible');
    expect(d.actions).toEqual(expect.arrayContaining(['assigned', 'note', 'withdrawn']));
    d = await n.call('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: rita } });
    expect(d.state.stage).toBe('in_review');
    expect(d.people[rita]).toBe('Rita Reviewer');
    d = await n.call('applications.act', { applicationId: id, type: 'unassigned', payload: { reviewerId: rita } });
    expect(d.state.assignments).toEqual([]);
    await n.call('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: rita } });
    n.as(rita);
    d = await n.call('applications.act', { applicationId: id, type: 'review_submitted', payload: { reviewerId: rita, scores: fullScores, comments: 'Needs detail', recommendation: 'more_info' } });
    expect(d.state.reviews).toHaveLength(1);
    await n.call('applications.act', { applicationId: id, type: 'note', payload: { text: 'Asked the ministry for more.' } });
    n.as(curator);
    d = await n.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'return', reason: 'Please list your publications.' } });
    expect(d.state.stage).toBe('returned');
    expect(d.state.infoRequest?.what).toBe('Please list your publications.');
    d = await n.call('applications.act', { applicationId: id, type: 'info_received', payload: { answer: 'Three more added.' } });
    expect(d.state.stage).toBe('in_review');
    d = await n.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'reject', reason: 'Too little regional work.' } });
    expect(d.state.stage).toBe('rejected');
    expect(d.actions).toEqual(['note']);
    d = await n.call('applications.act', { applicationId: id, type: 'note', payload: { text: 'Letter sent.' } });
    expect(d.state.notes.map((x) => x.text)).toEqual(['Asked the ministry for more.', 'Letter sent.']);
    expect(d.events.map((e) => e.type)).toEqual([
      'submitted', 'screened', 'info_received', 'screened', 'assigned', 'unassigned', 'assigned', 'review_submitted', 'note', 'decided', 'info_received', 'decided', 'note',
    ]);
    expect(d.chain.ok).toBe(true);
    const row = (await n.call('applications.list', {})).items[0]!;
    expect(row).toMatchObject({ stage: 'rejected', reviewerIds: [rita], reviewsPending: 0 });
    expect(row.stageSince).toBe(d.state.stageSince);
  });

  it('withdraws on the applicant\'s word', async () => {
    const n = world.node();
    const { id } = await eligible(n);
    const d = await n.call('applications.act', { applicationId: id, type: 'withdrawn', payload: { reason: 'Took another post' } });
    expect(d.state.stage).toBe('withdrawn');
    expect(d.state.withdrawal?.reason).toBe('Took another post');
  });

  it('refuses with stable codes: the state machine (STEP_REFUSED + step), the role (NOT_ALLOWED), unknown records (NOT_FOUND), bad scores', async () => {
    const n = world.node();
    const { id, rita, omar, curator } = await eligible(n);
    const step = async (input: Parameters<typeof n.refuse<'applications.act'>>[1]) => {
      const e = await n.refuse('applications.act', input);
      return e.code === 'STEP_REFUSED' ? `STEP_REFUSED:${String(e.details?.step)}` : e.code;
    };
    expect(await step({ applicationId: id, type: 'screened', payload: eligibleScreening })).toBe('STEP_REFUSED:WRONG_STAGE');
    expect(await step({ applicationId: id, type: 'decided', payload: { outcome: 'accept', reason: '' } })).toBe('STEP_REFUSED:WRONG_STAGE');
    expect(await step({ applicationId: id, type: 'unassigned', payload: { reviewerId: rita } })).toBe('STEP_REFUSED:WRONG_STAGE');
    await n.call('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: rita } });
    expect(await step({ applicationId: id, type: 'assigned', payload: { reviewerId: rita } })).toBe('STEP_REFUSED:ALREADY_ASSIGNED');
    expect(await step({ applicationId: id, type: 'unassigned', payload: { reviewerId: omar } })).toBe('STEP_REFUSED:NOT_ASSIGNED');
    expect(await step({ applicationId: id, type: 'decided', payload: { outcome: 'reject', reason: 'x' } })).toBe('STEP_REFUSED:NO_REVIEW');
    expect(await step({ applicationId: id, type: 'review_submitted', payload: { reviewerId: omar, scores: fullScores, comments: '', recommendation: 'accept' } })).toBe('STEP_REFUSED:NOT_ASSIGNED');
    expect(await step({ applicationId: id, type: 'review_submitted', payload: { reviewerId: rita, scores: { expertise: 9 }, comments: '', recommendation: 'accept' } })).toBe('INVALID_INPUT');
    expect(await step({ applicationId: id, type: 'assigned', payload: { reviewerId: curator } })).toBe('NOT_ALLOWED');
    expect(await step({ applicationId: id, type: 'assigned', payload: { reviewerId: 'someone-unknown' } })).toBe('NOT_FOUND');
    expect(await step({ applicationId: '01900000-0000-7000-8000-000000000999', type: 'note', payload: { text: 'x' } })).toBe('NOT_FOUND');
    await n.call('applications.act', { applicationId: id, type: 'review_submitted', payload: { reviewerId: rita, scores: fullScores, comments: 'Good', recommendation: 'reject' } });
    expect(await step({ applicationId: id, type: 'decided', payload: { outcome: 'reject', reason: '  ' } })).toBe('STEP_REFUSED:NO_REASON');

    n.as(rita);
    // A reviewer cannot decide, nor review for someone else.
    expect(await step({ applicationId: id, type: 'decided', payload: { outcome: 'reject', reason: 'No' } })).toBe('NOT_ALLOWED');
    expect(await step({ applicationId: id, type: 'assigned', payload: { reviewerId: omar } })).toBe('NOT_ALLOWED');
    n.as(omar);
    // Not assigned: the application is not even visible to him.
    expect(await step({ applicationId: id, type: 'note', payload: { text: 'x' } })).toBe('NOT_FOUND');
    n.as(curator);
    await n.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'reject', reason: 'Not enough' } });
    expect(await step({ applicationId: id, type: 'withdrawn', payload: { reason: 'late' } })).toBe('STEP_REFUSED:WRONG_STAGE');
  });

  it('refuses a conflicted assignment with its reasons, and records a curator\'s override with the reason', async () => {
    const n = world.node();
    // Omar is from Indonesia (same-country rule is on by default) and the applicant names him as a conflict.
    const { id, omar } = await eligible(n, { declaredConflicts: ['Omar Reviewer'] });
    const refused = await n.refuse('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: omar } });
    expect(refused.code).toBe('INTEREST_CONFLICT');
    expect((refused.details?.conflicts as { code: string }[]).map((c) => c.code).sort()).toEqual(['DECLARED', 'SAME_COUNTRY']);
    expect((await n.call('applications.get', { id })).state.assignments).toEqual([]);

    const d = await n.call('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: omar, override: { reason: 'Only reviewer with this expertise; declared conflict is a namesake' } } });
    expect(d.state.assignments).toEqual([expect.objectContaining({ reviewerId: omar, override: { reason: 'Only reviewer with this expertise; declared conflict is a namesake' } })]);
    const event = d.events.find((e) => e.type === 'assigned')!;
    expect(event.payload).toEqual({ reviewerId: omar, override: { reason: 'Only reviewer with this expertise; declared conflict is a namesake' } });
  });

  it('a recommender as reviewer is a conflict too', async () => {
    const n = world.node();
    const { id } = await eligible(n);
    const budi = n.user('Budi Santoso', 'reviewer', { country: 'PH' });
    const refused = await n.refuse('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: budi } });
    expect(refused.details?.conflicts).toEqual([{ code: 'RECOMMENDER', detail: 'Budi Santoso' }]);
  });
});

describe('accepting an application', () => {
  async function reviewed(n: VettingNode, over: Record<string, unknown> = {}) {
    const e = await eligible(n, over);
    await n.call('applications.act', { applicationId: e.id, type: 'assigned', payload: { reviewerId: e.rita } });
    await n.call('applications.act', { applicationId: e.id, type: 'review_submitted', payload: { reviewerId: e.rita, scores: fullScores, comments: 'Strong', recommendation: 'accept' } });
    return e;
  }

  it('creates the expert, publishes only the consented sections, and links both ways through the events', async () => {
    const n = world.node();
    const { id } = await reviewed(n, { consentSections: ['career', 'contact'], phone: '+62 21 8093008', position: 'Director', expertise: ['hr-management'] });
    const d = await n.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'accept', reason: 'Strong record' } });
    expect(d.state.stage).toBe('published');
    const expertId = d.state.decision!.expertId!;
    expect(d.state.publication).toMatchObject({ expertId, sections: ['career', 'contact'] });
    const [decided, published] = d.events.slice(-2);
    expect(decided).toMatchObject({ type: 'decided', payload: { outcome: 'accept', reason: 'Strong record', expertId } });
    expect(published).toMatchObject({ type: 'published', follows: [{ id: decided!.id, hash: decided!.hash }] });
    expect(d.actions).toEqual(['note']);

    const expert = readExpert(n.db, expertId)!;
    expect(expert).toMatchObject({ givenName: 'Siti', familyName: 'Rahayu', country: 'ID', email: 'siti.rahayu@bkn.go.id', phone: '+62 21 8093008', position: 'Director', status: 'active' });
    expect(expert.careerSummary).toBe('Twenty years in civil-service reform.');
    expect(expert.visibility).toEqual({ career: 'public', contact: 'members', expertise: 'secretariat', portfolio: 'secretariat', photo: 'secretariat' });
    // The expert is in the directory's index in the same transaction, and no longer a duplicate of its own application.
    expect(n.db.prepare('SELECT count(*) FROM expert_index WHERE id = ?').pluck().get(expertId)).toBe(1);
    expect(d.duplicates.find((c) => c.id === expertId)).toBeUndefined();
    expect(n.changed).toEqual(expect.arrayContaining(['vetting_event', 'expert', 'portfolio']));
    // The evidence became the portfolio (shown only to the secretariat: no consent to publish it).
    expect(expert.portfolio.map((p) => [p.kind, p.title, p.year])).toEqual([['publication', 'Merit systems in ASEAN', 2021]]);
  });

  it('updates the expert marked as the same person instead of making a second one', async () => {
    const n = world.node();
    const e = await eligible(n, { consentSections: ['expertise'], position: 'Deputy Director', careerSummary: '' });
    const known = n.expert({ givenName: 'Siti', familyName: 'Rahayu', country: 'ID', email: 'siti.rahayu@bkn.go.id', position: 'Analyst', careerSummary: 'Kept' });
    n.funnel.write('setup', [{ entity: 'portfolio', id: '01900000-0000-7000-8000-0000000f0001', fields: { kind: 'publication', title: 'MERIT systems in ASEAN', year: 2021, description: '', link: '', expertId: known } }]);
    n.funnel.write('setup', [{ entity: 'expert', id: known, fields: { status: 'archived', statusReason: 'Retired' } }]);
    const before = n.db.prepare("SELECT count(*) FROM records WHERE entity = 'expert'").pluck().get();
    const marked = await n.call('applications.markDuplicate', { id: e.id, candidate: { entity: 'expert', id: known }, verdict: 'same' });
    expect(marked.fields.matchedExpertId).toBe(known);
    await n.call('applications.act', { applicationId: e.id, type: 'assigned', payload: { reviewerId: e.rita } });
    await n.call('applications.act', { applicationId: e.id, type: 'review_submitted', payload: { reviewerId: e.rita, scores: fullScores, comments: 'ok', recommendation: 'accept' } });
    const d = await n.call('applications.act', { applicationId: e.id, type: 'decided', payload: { outcome: 'accept', reason: '' } });
    expect(d.state.publication?.expertId).toBe(known);
    expect(n.db.prepare("SELECT count(*) FROM records WHERE entity = 'expert'").pluck().get()).toBe(before);
    const expert = readExpert(n.db, known)!;
    expect(expert.position).toBe('Deputy Director');
    // An empty field of the application does not erase the directory's value.
    expect(expert.careerSummary).toBe('Kept');
    expect(expert.status).toBe('active');
    expect(expert.visibility.expertise).toBe('public');
    expect(expert.visibility.career).toBe('secretariat');
    // The evidence the portfolio already holds (same kind and title, case aside) is not added twice.
    expect(expert.portfolio.map((p) => p.title)).toEqual(['MERIT systems in ASEAN']);
  });

  it('archives the expert a superseded accept created when concurrent decisions are resolved by a reject', async () => {
    const a = world.node('a');
    const b = world.node('b');
    const e = await eligible(a);
    await a.call('applications.act', { applicationId: e.id, type: 'assigned', payload: { reviewerId: e.rita } });
    a.as(e.rita);
    await a.call('applications.act', { applicationId: e.id, type: 'review_submitted', payload: { reviewerId: e.rita, scores: fullScores, comments: 'ok', recommendation: 'accept' } });
    a.as(e.curator);
    exchange(a, b);
    b.as(e.curator);
    // Offline, one laptop accepts (an expert is created) and the other rejects.
    const accepted = await a.call('applications.act', { applicationId: e.id, type: 'decided', payload: { outcome: 'accept', reason: 'Strong' } });
    const expertId = accepted.state.publication!.expertId;
    await b.call('applications.act', { applicationId: e.id, type: 'decided', payload: { outcome: 'reject', reason: 'Too few publications' } });
    exchange(a, b);
    exchange(b, a);
    expect((await b.call('applications.get', { id: e.id })).state.stage).toBe('conflict');
    expect(readExpert(b.db, expertId)!.status).toBe('active');
    const resolved = await b.call('applications.act', { applicationId: e.id, type: 'decided', payload: { outcome: 'reject', reason: 'Discussed: rejected' } });
    expect(resolved.state.stage).toBe('rejected');
    expect(readExpert(b.db, expertId)).toMatchObject({ status: 'archived', statusReason: expect.stringContaining('rejected when concurrent decisions were resolved') });
    // A reject outside a conflict takes nothing out of the directory.
    const c = await eligible(a);
    const experts = () => a.db.prepare("SELECT count(*) FROM records WHERE entity = 'expert' AND data ->> '$.status' = 'archived'").pluck().get();
    const archivedBefore = experts();
    await a.call('applications.act', { applicationId: c.id, type: 'withdrawn', payload: { reason: 'Took another post' } });
    expect(experts()).toBe(archivedBefore);
  });
});
