import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextEvent } from '../../../shared/model/vetting/build';
import { verifyChain } from '../../../shared/model/vetting/chain';
import { applicationState } from '../../../shared/model/vetting/compute';
import { eventFields, eventFromRecord, type EventType, type Payloads, type VettingEvent } from '../../../shared/model/vetting/events';
import { checkNextEvent } from '../../../shared/model/vetting/rules';
import { openDatabase, type Db } from '../db/open';
import { ChangeFunnel } from './funnel';

/**
 * Two laptops vet the same application offline, each with its own data file, and sync through
 * nothing but the funnel's own exchange (what a push and a pull carry). Both must reach the
 * same conflict, and the same resolution once one of them resolves it.
 */
const APP = '01900000-0000-7000-8000-00000000a000';
let dirs: string[] = [];
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

let clock = 1_700_000_000_000;
let counter = 0;
function laptop(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `vetting-${name}-`));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'data.db'));
  opened.push(db);
  const funnel = new ChangeFunnel(db, [], () => (clock += 1000));
  const events = (): VettingEvent[] =>
    (db.prepare("SELECT id, data FROM records WHERE entity = 'vetting_event'").all() as { id: string; data: string }[])
      .map((r) => eventFromRecord(r.id, JSON.parse(r.data)))
      .filter((e): e is VettingEvent => e !== null && e.applicationId === APP);
  return {
    funnel,
    state: () => applicationState(events()),
    events,
    /** What the service layer will do: check the step against the state, then write the sealed event. */
    step<K extends EventType>(type: K, payload: Payloads[K], by = 'curator-1') {
      const state = applicationState(events());
      const id = `01900000-0000-7000-8000-${(0xe000 + ++counter).toString(16).padStart(12, '0')}`;
      const event = nextEvent(state, { id, applicationId: APP, type, payload, at: clock, by });
      const verdict = checkNextEvent(state, event);
      if (!verdict.ok) throw new Error(`${type} refused: ${verdict.code}`);
      funnel.write(by, [{ entity: 'vetting_event', id, fields: eventFields(event) }]);
    },
  };
}
type Laptop = ReturnType<typeof laptop>;
/** One direction of a sync: what `to` lacks of `from`'s entries. */
const send = (from: Laptop, to: Laptop) => to.funnel.receive(from.funnel.missingFrom(to.funnel.vector()));

describe('two laptops deciding one application offline', () => {
  it('reach the same conflict after exchanging changes, and agree once one resolves it', () => {
    const a = laptop('a');
    const b = laptop('b');
    a.funnel.write('curator-1', [{ entity: 'application', id: APP, fields: { givenName: 'Siti', country: 'ID', nominatingCountry: 'ID', applicantType: 'academic', source: 'kiosk' } }]);
    a.step('submitted', {}, 'kiosk');
    a.step('screened', { criteria: [{ criterion: 'experience', met: true, note: '14 years' }], outcome: 'eligible' });
    a.step('assigned', { reviewerId: 'reviewer-1' });
    a.step('review_submitted', { reviewerId: 'reviewer-1', scores: { expertise: 4 }, comments: 'Good', recommendation: 'accept' }, 'reviewer-1');
    send(a, b);
    expect(b.state()).toEqual(a.state());
    expect(b.state().stage).toBe('in_review');

    // Offline, each decides from the same state.
    a.step('decided', { outcome: 'accept', reason: 'Strong record' });
    b.step('decided', { outcome: 'reject', reason: 'Too few publications' }, 'curator-2');
    expect(a.state().stage).toBe('accepted');
    expect(b.state().stage).toBe('rejected');

    send(a, b);
    send(b, a);
    const onA = a.state();
    expect(onA.stage).toBe('conflict');
    expect(onA.conflict!.sides.map((s) => [s.verdict, s.by]).sort()).toEqual([
      ['decided:accept', 'curator-1'],
      ['decided:reject', 'curator-2'],
    ]);
    expect(b.state()).toEqual(onA);
    expect(() => b.step('assigned', { reviewerId: 'reviewer-2' })).toThrow('IN_CONFLICT');

    // B resolves with a decision that follows both; A learns it on the next sync.
    b.step('decided', { outcome: 'accept', reason: 'Agreed at the secretariat meeting' }, 'curator-2');
    send(b, a);
    const resolved = a.state();
    expect(resolved).toMatchObject({ stage: 'accepted', conflict: null, decision: { reason: 'Agreed at the secretariat meeting', by: 'curator-2' } });
    expect(resolved.superseded).toHaveLength(2);
    expect(b.state()).toEqual(resolved);
    expect(verifyChain(a.events())).toEqual({ ok: true, altered: [], missing: [] });
    expect(a.funnel.refusedChanges()).toEqual([]);
    expect(b.funnel.refusedChanges()).toEqual([]);
  });
});
