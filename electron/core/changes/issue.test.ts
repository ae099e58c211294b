import { describe, expect, it } from 'vitest';
import { decodeStamps } from './stamps';
import { changeLog, changeOf, dataOf, memoryNode, recordIds } from './testing';
import type { Projection, RecordStates, Touched } from './types';

const [A, B] = recordIds as [string, string];
const stampsOf = (db: ReturnType<typeof memoryNode>['db'], id: string) =>
  decodeStamps(db.prepare('SELECT stamps FROM records WHERE id = ?').pluck().get(id) as string);

describe('local writes read each record once (issue.ts → applyChanges)', () => {
  it('merges into a record held before the batch, writes a new one whole, and stamps a second write to a record after the first', () => {
    const seen: Record<string, unknown>[] = [];
    const spy = (): Projection => ({
      name: 'spy',
      version: 1,
      rebuild() {},
      update(_touched: Touched, states: RecordStates) {
        for (const [, r] of states) seen.push({ ...r.data });
      },
    });
    const { db, funnel } = memoryNode(() => 1_700_000_000_000, () => [spy()]);
    funnel.write('budi', [{ entity: 'expert', id: A, fields: { agency: 'BKN', position: 'Analyst' } }]);
    const first = stampsOf(db, A);

    seen.length = 0;
    funnel.write('siti', [
      { entity: 'expert', id: A, fields: { agency: 'KemenPANRB' } },
      { entity: 'expert', id: B, fields: { agency: 'LAN' } },
      { entity: 'expert', id: A, fields: { agency: 'KemenPAN-RB', careerSummary: 'Two writes in one batch' } },
    ]);
    // A keeps the field the batch did not write, with its first stamp; the batch's last write to a field wins.
    expect(dataOf(db, A)).toEqual({ agency: 'KemenPAN-RB', careerSummary: 'Two writes in one batch', position: 'Analyst' });
    expect(dataOf(db, B)).toEqual({ agency: 'LAN' });
    const after = stampsOf(db, A);
    expect(after.position).toEqual(first.position);
    expect(after.agency![0] > first.agency![0]).toBe(true);
    expect(after.agency![2]).toBe('siti');
    // The projection saw each record merged, the held fields included.
    expect(seen).toContainEqual({ agency: 'KemenPAN-RB', careerSummary: 'Two writes in one batch', position: 'Analyst' });
    const log = changeLog(db) as { hlc: string; id: string; fields: string }[];
    const mine = log.filter((c) => c.id === A).map((c) => c.hlc);
    expect(mine).toHaveLength(3);
    expect([...mine].sort()).toEqual(mine);
  });

  it('stamps a second write to a field in the batch after the first, when the first was bumped past a stamp from a clock far ahead', () => {
    const now = 1_700_000_000_000;
    const { db, funnel } = memoryNode(() => now);
    const ahead = changeOf('a0a0a0a0a0a0a0a0', 1, { agency: 'Future Agency' }, { wall: now + 10 * 365 * 24 * 3600 * 1000 });
    funnel.receive([ahead]);
    expect(dataOf(db, A)).toEqual({ agency: 'Future Agency' });
    funnel.write('siti', [
      { entity: 'expert', id: A, fields: { agency: 'BKN' } },
      { entity: 'expert', id: A, fields: { agency: 'LAN', position: 'Analyst' } },
    ]);
    const mine = (changeLog(db) as { origin: string; hlc: string }[]).filter((c) => c.origin === funnel.nodeId).map((c) => c.hlc);
    expect(mine).toHaveLength(2);
    expect(mine[0]! > ahead.hlc).toBe(true);
    expect(mine[1]! > mine[0]!).toBe(true);
    expect(dataOf(db, A)).toEqual({ agency: 'LAN', position: 'Analyst' });
  });
});
