import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { formatHlc, MAX_DRIFT_MS, parseHlc } from '../../../shared/sync/hlc';
import { changeLog, changeOf, dataOf, memoryNode, recordIds, refusedSet } from './testing';
import type { Change } from './types';

const B = 'b0b0b0b0b0b0b0b0';
const C = 'c0c0c0c0c0c0c0c0';
const NOW = 1_700_000_000_000;

function thrown(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('receive from downstream (a push)', () => {
  it('refuses the whole batch with ORIGIN_FORKED when a held (origin, seq) comes with other content', () => {
    const { db, funnel } = memoryNode();
    funnel.receive([changeOf(B, 1, { agency: 'BKN' }), changeOf(B, 2, { givenName: 7 })]);
    const before = [changeLog(db), refusedSet(db), funnel.feedHead()];
    // Identical repeats, applied or refused, are no-ops.
    expect(funnel.receive([changeOf(B, 1, { agency: 'BKN' }), changeOf(B, 2, { givenName: 7 })])).toMatchObject({ applied: 0, duplicates: 2, refused: [] });
    for (const forked of [changeOf(B, 1, { agency: 'LAN' }), changeOf(B, 2, { givenName: 8 }), changeOf(B, 1, { agency: 'BKN' }, { actor: 'eve' })]) {
      const e = thrown(() => funnel.receive([changeOf(C, 1, { agency: 'x' }), forked, changeOf(B, 3, { agency: 'y' })]));
      expect(e.code).toBe('ORIGIN_FORKED');
      expect(e.details).toEqual({ origin: B, seq: forked.seq });
      expect(e.toShape().details).toEqual({ origin: B, seq: forked.seq });
    }
    expect([changeLog(db), refusedSet(db), funnel.feedHead()]).toEqual(before);
  });

  it('judges for itself: ignores a refused flag, and stores what `authorize` refuses with its code', () => {
    const { db, funnel } = memoryNode();
    const authorize = (c: Change) => (c.actor === 'eve' ? { kind: 'rejected' as const, code: 'ROLE', reason: 'A reviewer cannot change experts.' } : { kind: 'ok' as const });
    const result = funnel.receive(
      [{ ...changeOf(B, 1, { agency: 'BKN' }), refused: 'says who' }, changeOf(B, 2, { agency: 'LAN' }, { actor: 'eve' }), changeOf(B, 3, { givenName: 1 }, { actor: 'eve' })],
      { from: 'downstream', authorize },
    );
    expect(result.applied).toBe(1);
    // The check by value comes first: a bad value is INVALID_VALUE whoever wrote it.
    expect(result.refused).toEqual([
      { origin: B, seq: 2, kind: 'rejected', code: 'ROLE', reason: 'A reviewer cannot change experts.' },
      { origin: B, seq: 3, kind: 'rejected', code: 'INVALID_VALUE', reason: expect.stringMatching(/givenName/) },
    ]);
    expect(dataOf(db)).toEqual({ agency: 'BKN' });
    expect(funnel.feedAfter(0, 10).entries.map((e) => e.code ?? null)).toEqual([null, 'ROLE', 'INVALID_VALUE']);
    // The stored change is the change as sent, without the flag.
    expect(JSON.parse((refusedSet(db)[0] as { change: string }).change)).toEqual(changeOf(B, 2, { agency: 'LAN' }, { actor: 'eve' }));
  });

  it('knows user records: name, role, country, disabled, deletedAt, and vetting\'s e-mail, agency, expertise, declared conflicts', () => {
    const { db, funnel } = memoryNode();
    const user = (seq: number, fields: Record<string, unknown>) => changeOf(B, seq, fields, { entity: 'user', id: recordIds[2]! });
    const r = funnel.receive([
      user(1, { name: 'Siti Rahma', role: 'focal_point', country: 'ID', disabled: false, deletedAt: null }),
      user(2, { role: 'overlord' }),
      user(3, { token: 'secret' }),
      user(4, { email: 'siti@example.org', agency: 'BKN', expertise: ['hrm'], declaredConflicts: [] }),
    ]);
    expect(r.applied).toBe(2);
    expect(r.refused.map((x) => [x.seq, x.code])).toEqual([[2, 'INVALID_VALUE'], [3, 'UNKNOWN_FIELD']]);
    expect(dataOf(db, recordIds[2])).toEqual({ name: 'Siti Rahma', role: 'focal_point', country: 'ID', disabled: false, deletedAt: null, email: 'siti@example.org', agency: 'BKN', expertise: ['hrm'], declaredConflicts: [] });
  });
});

describe('receive from upstream (a pull)', () => {
  it('stores an entry upstream refused as refused, with upstream’s reason and code, even one this node would accept', () => {
    const { db, funnel } = memoryNode();
    const r = funnel.receive([{ ...changeOf(B, 1, { agency: 'BKN' }), refused: 'Out of your country.', code: 'OUT_OF_SCOPE' }, changeOf(B, 2, { position: 'x' })], { from: 'upstream' });
    expect(r.refused).toEqual([{ origin: B, seq: 1, kind: 'rejected', code: 'OUT_OF_SCOPE', reason: 'Out of your country.' }]);
    expect(dataOf(db)).toEqual({ position: 'x' });
  });

  it('replaces a held entry whose verdict or content differs, recomputes its records, and feeds the new state', () => {
    const { db, funnel } = memoryNode();
    const [b1, b2, c1] = [changeOf(B, 1, { agency: 'BKN', position: 'Analyst' }), changeOf(B, 2, { agency: 'LAN' }), changeOf(C, 1, { agency: 'KSN' }, { id: recordIds[1]! })];
    funnel.receive([b1, b2, c1]);
    expect(dataOf(db)).toEqual({ agency: 'LAN', position: 'Analyst' });
    const head = funnel.feedHead();

    // Upstream refused B2: the record falls back to B1's agency.
    let r = funnel.receive([{ ...b2, refused: 'Not yours to change.', code: 'OUT_OF_SCOPE' }], { from: 'upstream' });
    expect(r).toMatchObject({ replaced: 1, applied: 0 });
    expect(dataOf(db)).toEqual({ agency: 'BKN', position: 'Analyst' });
    // Upstream applied it after all: back again.
    r = funnel.receive([b2], { from: 'upstream' });
    expect(r.replaced).toBe(1);
    expect(dataOf(db)).toEqual({ agency: 'LAN', position: 'Analyst' });
    // Upstream holds other content under C1 (another record even): both records recompute.
    const otherC1 = changeOf(C, 1, { position: 'Head' }, { id: recordIds[0]! });
    r = funnel.receive([otherC1], { from: 'upstream' });
    expect(r.replaced).toBe(1);
    expect(dataOf(db, recordIds[1])).toBeNull();
    expect(dataOf(db)).toEqual({ agency: 'LAN', position: 'Head' });
    // Same state again: nothing to do.
    expect(funnel.receive([b1, b2, otherC1], { from: 'upstream' })).toMatchObject({ replaced: 0, duplicates: 3 });

    const fed = funnel.feedAfter(head, 10).entries;
    // One feed row per change of state, each serving the entry as it stands now.
    expect(fed.map((e) => [e.origin, e.seq, e.refused ?? null])).toEqual([
      [B, 2, null],
      [B, 2, null],
      [C, 1, null],
    ]);
    expect(fed[2]!.fields).toEqual({ position: 'Head' });
    expect(changeLog(db)).toHaveLength(3);
  });

  it('keeps the gap check through a page: a missing seq refuses the page, saving nothing', () => {
    const { db, funnel } = memoryNode();
    const e = thrown(() => funnel.receive([changeOf(B, 1, { agency: 'x' }), changeOf(B, 3, { agency: 'y' })], { from: 'upstream' }));
    expect(e.code).toBe('SEQ_GAP');
    expect(e.details).toEqual({ origin: B, expected: 2 });
    expect(changeLog(db)).toEqual([]);
  });
});

describe('clocks', () => {
  it('applies a stamp far ahead, warns CLOCK_SKEW, keeps its own clock within a day, and a later local edit still wins', () => {
    const { db, funnel } = memoryNode(() => NOW);
    const year = 365 * 24 * 3600 * 1000;
    const r = funnel.receive([changeOf(B, 1, { agency: 'Future' }, { wall: NOW + year }), changeOf(B, 2, { position: 'Soon' }, { wall: NOW + 1000 })]);
    expect(r.applied).toBe(2);
    expect(r.clockWarnings).toEqual([{ code: 'CLOCK_SKEW', origin: B, aheadMs: year }]);
    expect(dataOf(db)).toEqual({ agency: 'Future', position: 'Soon' });

    // The curator corrects the agency: the edit happens after the value seen, so it wins,
    funnel.write('ana', [{ entity: 'expert', id: recordIds[0]!, fields: { agency: 'BKN' } }]);
    expect(dataOf(db).agency).toBe('BKN');
    // while writes to other fields stay stamped near the real time.
    funnel.write('ana', [{ entity: 'expert', id: recordIds[1]!, fields: { agency: 'LAN' } }]);
    const mine = funnel.changesSince(funnel.nodeId, 0);
    expect(parseHlc(mine[0]!.hlc).wall).toBe(NOW + year);
    expect(parseHlc(mine[1]!.hlc).wall).toBeLessThanOrEqual(NOW + MAX_DRIFT_MS);
    // Two writes to one field in a batch keep their order even past the clock's cap.
    funnel.write('ana', [
      { entity: 'expert', id: recordIds[0]!, fields: { agency: 'one' } },
      { entity: 'expert', id: recordIds[0]!, fields: { agency: 'two' } },
    ]);
    expect(dataOf(db).agency).toBe('two');
    expect(formatHlc(parseHlc(funnel.changesSince(funnel.nodeId, 3)[0]!.hlc)) > mine[0]!.hlc).toBe(true);
  });
});
