import { describe, expect, it } from 'vitest';
import { eventFields, sealEvent, type VettingEvent } from '../../../shared/model/vetting/events';
import { changeLog, changeOf, dataOf, memoryNode, refusedSet } from './testing';

const APP = '01900000-0000-7000-8000-00000000a000';
const EVENT = '01900000-0000-7000-8000-00000000e001';
const note = (text: string, id = EVENT): VettingEvent =>
  sealEvent({ id, applicationId: APP, type: 'note', follows: [], at: 1_700_000_000_000, by: 'budi', payload: { text } });
const put = (e: VettingEvent) => ({ entity: 'vetting_event', id: e.id, fields: eventFields(e) });

describe('vetting events are written once', () => {
  it('takes a repeat of the same event locally as a no-op', () => {
    const { db, funnel } = memoryNode();
    expect(funnel.write('budi', [put(note('Called'))]).applied).toBe(1);
    expect(funnel.write('budi', [put(note('Called'))]).applied).toBe(0);
    expect(changeLog(db)).toHaveLength(1);
  });

  it('refuses a local rewrite with IMMUTABLE and saves nothing of the batch', () => {
    const { db, funnel } = memoryNode();
    funnel.write('budi', [put(note('Called'))]);
    const other = '01900000-0000-7000-8000-00000000e002';
    let error: unknown;
    try {
      funnel.write('budi', [put(note('Second note', other)), put(note('Rewritten'))]);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'AppError', code: 'IMMUTABLE', details: { entity: 'vetting_event', id: EVENT } });
    expect((error as Error).message).toMatch(/recorded already and cannot be changed; nothing was saved/);
    expect(changeLog(db)).toHaveLength(1);
    expect(dataOf(db, EVENT).payload).toEqual({ text: 'Called' });
    expect(dataOf(db, other)).toBeNull();
  });

  it('stores a received rewrite refused with IMMUTABLE, applies an identical repeat, and keeps the sequence going', () => {
    const { db, funnel } = memoryNode();
    funnel.write('budi', [put(note('Called'))]);
    const from = 'b0b0b0b0b0b0b0b0';
    const received = funnel.receive([
      changeOf(from, 1, eventFields(note('Rewritten')), { entity: 'vetting_event', id: EVENT }),
      changeOf(from, 2, eventFields(note('Called')), { entity: 'vetting_event', id: EVENT }),
      changeOf(from, 3, { agency: 'BKN' }, { entity: 'application', id: APP }),
    ]);
    expect(received.refused).toEqual([expect.objectContaining({ origin: from, seq: 1, kind: 'rejected', code: 'IMMUTABLE' })]);
    expect(received.applied).toBe(2);
    expect(refusedSet(db)).toEqual([expect.objectContaining({ seq: 1, code: 'IMMUTABLE' })]);
    expect(dataOf(db, EVENT).payload).toEqual({ text: 'Called' });
  });

  it('refuses the second of two different puts on one event in the same received batch', () => {
    const { db, funnel } = memoryNode();
    const from = 'b0b0b0b0b0b0b0b0';
    const received = funnel.receive([
      changeOf(from, 1, eventFields(note('First')), { entity: 'vetting_event', id: EVENT }),
      changeOf(from, 2, eventFields(note('Second')), { entity: 'vetting_event', id: EVENT }),
    ]);
    expect(received.refused.map((r) => [r.seq, r.code])).toEqual([[2, 'IMMUTABLE']]);
    expect(dataOf(db, EVENT).payload).toEqual({ text: 'First' });
  });

  it('refuses a local event that is not whole or does not match its hash, saving nothing', () => {
    const { db, funnel } = memoryNode();
    const e = note('Called');
    expect(() => funnel.write('budi', [{ entity: 'vetting_event', id: e.id, fields: { ...eventFields(e), by: 'other' } }])).toThrow(/does not match its hash/);
    expect(() => funnel.write('budi', [{ entity: 'vetting_event', id: e.id, fields: { type: 'note' } }])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(changeLog(db)).toEqual([]);
  });

  it('leaves mutable records merging as before', () => {
    const { db, funnel } = memoryNode();
    funnel.write('budi', [{ entity: 'application', id: APP, fields: { agency: 'BKN' } }]);
    funnel.write('budi', [{ entity: 'application', id: APP, fields: { agency: 'LAN' } }]);
    expect(dataOf(db, APP).agency).toBe('LAN');
  });
});
