import { describe, expect, it } from 'vitest';
import { nextEvent } from './build';
import { applicationState } from './compute';
import type { Payloads } from './events';
import { checkNextEvent } from './rules';
import { APP_ID, Branch, eventId, payloads, reviewed } from './samples';

const eligible = payloads.eligible as Payloads['screened'];

describe('the application state machine', () => {
  it('walks from submission to publication', () => {
    const b = reviewed();
    expect(b.state.stage).toBe('in_review');
    b.write('decided', { outcome: 'accept', reason: '', expertId: eventId(900) });
    expect(b.state.stage).toBe('accepted');
    b.write('published', { expertId: eventId(900), sections: ['career'] });
    const s = b.state;
    expect(s.stage).toBe('published');
    expect(s.reviews.map((r) => r.reviewerId)).toEqual(['reviewer-1']);
    expect(s.invalid).toEqual([]);
    expect(s.heads).toHaveLength(1);
  });

  it('asks for information and goes back to screening when it comes', () => {
    const b = new Branch();
    b.write('submitted', {});
    b.write('screened', payloads.infoRequested as Payloads['screened']);
    expect(b.state).toMatchObject({ stage: 'info_requested', infoRequest: { what: 'The recommendation letter', from: 'screening' } });
    b.write('info_received', { answer: 'Attached' });
    expect(b.state).toMatchObject({ stage: 'submitted', infoRequest: null, answers: [{ answer: 'Attached' }] });
  });

  it('returns for more information and comes back into review', () => {
    const b = reviewed();
    b.write('decided', { outcome: 'return', reason: 'Add the certificates' });
    expect(b.state.stage).toBe('returned');
    b.write('info_received', { answer: 'Sent' });
    expect(b.state.stage).toBe('in_review');
  });

  const refusals: [string, (b: Branch) => void, Parameters<Branch['write']>, string][] = [
    ['a decision before any review', (b) => b.write('assigned', { reviewerId: 'r2' }), ['decided', { outcome: 'accept', reason: '' }], 'NO_REVIEW'],
    ['a review by a reviewer not assigned', () => {}, ['review_submitted', payloads.review('someone') as Payloads['review_submitted']], 'NOT_ASSIGNED'],
    ['screening twice', () => {}, ['screened', eligible], 'WRONG_STAGE'],
    ['the same reviewer twice', () => {}, ['assigned', { reviewerId: 'reviewer-1' }], 'ALREADY_ASSIGNED'],
    ['a rejection without a reason', () => {}, ['decided', { outcome: 'reject', reason: ' ' }], 'NO_REASON'],
    ['publishing before acceptance', () => {}, ['published', { expertId: eventId(900), sections: [] }], 'WRONG_STAGE'],
  ];
  it.each(refusals)('refuses %s with a stable code', (_what, setup, [type, payload], code) => {
    const b = code === 'NO_REVIEW' ? screenedBranch() : reviewed();
    setup(b);
    const e = nextEvent(b.state, { id: eventId(500), applicationId: APP_ID, type, payload, at: 1, by: 'x' } as never);
    expect(checkNextEvent(b.state, e)).toMatchObject({ ok: false, code });
  });

  it('refuses an eligible screening with a required criterion not met, and a not-eligible one without', () => {
    const b = new Branch();
    b.write('submitted', {});
    const at = (payload: Payloads['screened']) => checkNextEvent(b.state, nextEvent(b.state, { id: eventId(500), applicationId: APP_ID, type: 'screened', payload, at: 1, by: 'x' }));
    expect(at({ criteria: [{ criterion: 'declarations', met: false, note: '' }], outcome: 'eligible' })).toMatchObject({ code: 'UNMET_CRITERION' });
    expect(at({ criteria: [{ criterion: 'languages', met: false, note: '' }], outcome: 'eligible' })).toEqual({ ok: true });
    expect(at({ criteria: [{ criterion: 'speaking', met: false, note: '' }], outcome: 'not_eligible' })).toMatchObject({ code: 'NO_UNMET_CRITERION' });
    expect(at({ criteria: [], outcome: 'info_requested' })).toMatchObject({ code: 'NO_REQUEST_TEXT' });
  });

  it('refuses an event that does not follow every head', () => {
    const b = reviewed();
    const stale = nextEvent({ heads: [] }, { id: eventId(500), applicationId: APP_ID, type: 'note', payload: { text: 'hi' }, at: 1, by: 'x' });
    expect(checkNextEvent(b.state, stale)).toMatchObject({ code: 'STALE_HEADS' });
  });

  it('keeps a received event that breaks the rules, flagged, without effect', () => {
    const b = new Branch();
    b.write('submitted', {});
    const bad = nextEvent(b.state, { id: eventId(500), applicationId: APP_ID, type: 'decided', payload: { outcome: 'accept', reason: '' }, at: 2e12, by: 'x' });
    const s = applicationState([...b.events, bad]);
    expect(s.stage).toBe('submitted');
    expect(s.invalid).toEqual([expect.objectContaining({ eventId: bad.id, code: 'WRONG_STAGE' })]);
    expect(s.heads.map((h) => h.id)).toContain(bad.id);
  });

  it('waits for an event whose predecessor has not arrived', () => {
    const b = reviewed();
    const s = applicationState(b.events.slice(1));
    expect(s.stage).toBe('new');
    expect(s.waiting.map((w) => w.eventId)).toEqual(b.events.slice(1).map((e) => e.id));
    expect(s.waiting[0]!.missing).toEqual([b.events[0]!.id]);
  });
});

describe('forks and conflicts', () => {
  it('merges concurrent notes, reviews and assignments without a conflict', () => {
    const a = reviewed();
    a.write('assigned', { reviewerId: 'r2' });
    a.write('assigned', { reviewerId: 'r3' });
    const b = a.fork();
    a.write('review_submitted', payloads.review('r2') as Payloads['review_submitted'], 'r2');
    b.write('review_submitted', payloads.review('r3') as Payloads['review_submitted'], 'r3');
    b.write('note', { text: 'Called the recommender' });
    const s = a.merge(b).state;
    expect(s.conflict).toBeNull();
    expect(s.reviews.map((r) => r.reviewerId).sort()).toEqual(['r2', 'r3', 'reviewer-1']);
    expect(s.heads).toHaveLength(2);
  });

  it('finds a conflict when two branches decide differently, and a decision following both resolves it', () => {
    const a = reviewed();
    const b = a.fork();
    const accept = a.write('decided', { outcome: 'accept', reason: '' });
    const reject = b.write('decided', { outcome: 'reject', reason: 'Too few years' });
    a.merge(b);
    const s = a.state;
    expect(s.stage).toBe('conflict');
    expect(s.conflict!.sides.map((x) => x.verdict).sort()).toEqual(['decided:accept', 'decided:reject']);
    expect(s.conflict!.base.stage).toBe('in_review');
    // Nothing but a transition or a note while in conflict.
    const assign = nextEvent(s, { id: eventId(600), applicationId: APP_ID, type: 'assigned', payload: { reviewerId: 'r9' }, at: 1, by: 'x' });
    expect(checkNextEvent(s, assign)).toMatchObject({ code: 'IN_CONFLICT' });
    a.write('note', { text: 'Discussed at the meeting' });
    const resolve = a.write('decided', { outcome: 'reject', reason: 'Agreed at the meeting' });
    const r = a.state;
    expect(r).toMatchObject({ stage: 'rejected', conflict: null, decision: { eventId: resolve.id, reason: 'Agreed at the meeting' } });
    expect(r.superseded.sort()).toEqual([accept.id, reject.id].sort());
    expect(r.notes).toHaveLength(1);
  });

  it('finds a conflict between a decision and a withdrawal, and between two screenings', () => {
    const a = reviewed();
    const b = a.fork();
    a.write('decided', { outcome: 'accept', reason: '' });
    b.write('withdrawn', { reason: 'Took another post' });
    expect(a.merge(b).state.conflict?.sides.map((s) => s.verdict).sort()).toEqual(['decided:accept', 'withdrawn']);

    const c = new Branch();
    c.write('submitted', {});
    const d = c.fork();
    c.write('screened', eligible);
    c.write('assigned', { reviewerId: 'r1' });
    d.write('screened', payloads.notEligible as Payloads['screened']);
    const s = c.merge(d).state;
    expect(s.stage).toBe('conflict');
    expect(s.conflict!.base.stage).toBe('submitted');
    c.write('screened', payloads.notEligible as Payloads['screened']);
    expect(c.state).toMatchObject({ stage: 'not_eligible', conflict: null, assignments: [] });
  });

  it('supersedes what followed a side without seeing the resolution (a publication after an overruled acceptance)', () => {
    const a = reviewed();
    const b = a.fork();
    a.write('decided', { outcome: 'accept', reason: '', expertId: eventId(900) });
    b.write('decided', { outcome: 'reject', reason: 'Too few years' });
    const c = a.fork().merge(b);
    c.write('decided', { outcome: 'reject', reason: 'Agreed' });
    const published = a.write('published', { expertId: eventId(900), sections: ['career'] });
    const s = applicationState([...c.events, published]);
    expect(s).toMatchObject({ stage: 'rejected', conflict: null, publication: null });
    expect(s.superseded).toContain(published.id);
  });

  it('keeps one of two different events under one id, the same on every order, and flags the other', () => {
    const a = reviewed();
    const b = a.fork();
    const one = a.write('note', { text: 'One' });
    const other = nextEvent(b.state, { id: one.id, applicationId: APP_ID, type: 'note', payload: { text: 'Other' }, at: one.at, by: 'x' });
    const s = applicationState([...a.events, other]);
    expect(applicationState([other, ...a.events])).toEqual(s);
    expect(s.invalid).toEqual([expect.objectContaining({ eventId: one.id, code: 'DUPLICATE_ID' })]);
    expect(s.notes).toHaveLength(1);
  });

  it('sees no conflict when two branches decide the same', () => {
    const a = reviewed();
    const b = a.fork();
    a.write('decided', { outcome: 'reject', reason: 'A' });
    b.write('decided', { outcome: 'reject', reason: 'B' });
    expect(a.merge(b).state).toMatchObject({ stage: 'rejected', conflict: null });
  });
});

function screenedBranch(): Branch {
  const b = new Branch();
  b.write('submitted', {});
  b.write('screened', eligible);
  return b;
}
