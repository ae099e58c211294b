import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract/result';
import { uuidv7 } from '../../../../shared/ids';
import { eventHash } from '../../../../shared/model/vetting/events';
import { applicationState } from '../../../../shared/model/vetting/compute';
import { applicationDefaults } from '../../../../shared/model/vetting/application';
import { appendEvent, appendSteps, submitApplication } from './append';
import { readEvents } from './store';
import { sampleApplication, vettingNodes } from './testing-applications';

const world = vettingNodes();
afterEach(world.cleanup);

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, step: (e.toShape().details as { step?: string } | undefined)?.step };
    throw e;
  }
  throw new Error('not refused');
};

function setup() {
  const n = world.node();
  const curator = n.user('Ana Curator', 'curator');
  n.as(curator);
  const who = n.ctx.requireActor();
  const { id, event } = submitApplication(n.ctx, who, { ...applicationDefaults, ...sampleApplication() });
  return { n, who, id, first: event };
}

describe('appendEvent', () => {
  it('writes a sealed event that follows every head, by the signed-in user, and tells the screens', () => {
    const { n, id, first, who } = setup();
    const { event, state } = appendEvent(n.ctx, id, 'note', { text: 'Called the applicant.' });
    expect(event).toMatchObject({ applicationId: id, type: 'note', by: who.id, follows: [{ id: first.id, hash: first.hash }] });
    expect(event.hash).toBe(eventHash(event));
    expect(readEvents(n.db, id).map((e) => e.id).sort()).toEqual([first.id, event.id].sort());
    expect(state.notes.map((x) => x.text)).toEqual(['Called the applicant.']);
    expect(n.changed).toContain('vetting_event');
    // The change carries the user, not the operating-system account.
    expect(n.db.prepare("SELECT actor FROM changes WHERE entity = 'vetting_event' AND id = ?").pluck().get(event.id)).toBe(who.id);
  });

  it('refuses without a profile, for an unknown application, and a step the state machine refuses; nothing is written', () => {
    const { n, id } = setup();
    const before = readEvents(n.db, id).length;
    expect(refusal(() => appendEvent(n.ctx, uuidv7(), 'note', { text: 'x' }))).toEqual({ code: 'NOT_FOUND', step: undefined });
    expect(refusal(() => appendEvent(n.ctx, id, 'decided', { outcome: 'accept', reason: '' }))).toEqual({ code: 'STEP_REFUSED', step: 'WRONG_STAGE' });
    n.db.prepare("DELETE FROM meta WHERE key = 'profile.user'").run();
    expect(refusal(() => appendEvent(n.ctx, id, 'note', { text: 'x' }))).toEqual({ code: 'NOT_ALLOWED', step: undefined });
    expect(readEvents(n.db, id)).toHaveLength(before);
  });

  it('needs the reviewer\'s profile for an assignment', () => {
    const { n, id } = setup();
    appendEvent(n.ctx, id, 'screened', { criteria: [], outcome: 'eligible' });
    expect(() => appendEvent(n.ctx, id, 'assigned', { reviewerId: 'r-1' })).toThrow(/reviewer profile/);
    const { state } = appendEvent(n.ctx, id, 'assigned', { reviewerId: 'r-1' }, { reviewer: { id: 'r-1', name: 'Rita', country: 'SG', agency: 'PSD' } });
    expect(state.stage).toBe('in_review');
  });
});

describe('appendSteps', () => {
  it('writes several steps, each following the one before, with other writes, in one transaction', () => {
    const { n, id } = setup();
    const expertId = uuidv7();
    appendEvent(n.ctx, id, 'screened', { criteria: [], outcome: 'eligible' });
    appendEvent(n.ctx, id, 'assigned', { reviewerId: 'r-1' }, { reviewer: { id: 'r-1', name: 'Rita', country: 'SG', agency: 'PSD' } });
    appendEvent(n.ctx, id, 'review_submitted', { reviewerId: 'r-1', scores: {}, comments: '', recommendation: 'accept' });
    const seqBefore = n.db.prepare('SELECT max(seq) FROM changes').pluck().get() as number;
    const done = appendSteps(
      n.ctx,
      id,
      [
        { type: 'decided', payload: { outcome: 'accept', reason: '', expertId } },
        { type: 'published', payload: { expertId, sections: ['career'] } },
      ],
      { alongside: [{ entity: 'expert', id: expertId, fields: { givenName: 'Siti', country: 'ID' } }] },
    );
    const [decided, published] = done.events;
    expect(published!.follows).toEqual([{ id: decided!.id, hash: decided!.hash }]);
    expect(done.state.stage).toBe('published');
    // The state returned is the one of the events as stored, not a copy that could drift from them.
    expect(done.state).toEqual(applicationState(readEvents(n.db, id)));
    expect(n.db.prepare('SELECT max(seq) FROM changes').pluck().get()).toBe(seqBefore + 3);
  });

  it('writes nothing when a later step is refused', () => {
    const { n, id } = setup();
    const before = n.db.prepare('SELECT count(*) FROM changes').pluck().get();
    const refused = refusal(() =>
      appendSteps(n.ctx, id, [
        { type: 'note', payload: { text: 'fine' } },
        { type: 'decided', payload: { outcome: 'reject', reason: 'no' } },
      ]),
    );
    expect(refused).toEqual({ code: 'STEP_REFUSED', step: 'WRONG_STAGE' });
    expect(n.db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(before);
  });
});
