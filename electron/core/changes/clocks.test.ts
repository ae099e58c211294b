import { describe, expect, it } from 'vitest';
import { parseHlc } from '../../../shared/sync/hlc';
import type { ChangeFunnel } from './funnel';
import { changeLog, dataOf, memoryNode, recordIds, records } from './testing';

const DAY = 24 * 3600 * 1000;
const YEAR = 365 * DAY;
const T0 = 1_700_000_000_000;

const push = (from: ChangeFunnel, to: ChangeFunnel) => to.receive(from.missingFrom(to.vector(), 1e6), { from: 'downstream' });
function pull(from: ChangeFunnel, to: ChangeFunnel, cursors: Map<ChangeFunnel, number>) {
  const { entries } = from.feedAfter(cursors.get(to) ?? 0, 1e6);
  const result = to.receive(entries, { from: 'upstream' });
  if (entries.length) cursors.set(to, entries[entries.length - 1]!.feedSeq);
  return result;
}

describe('clocks', () => {
  it('a laptop a year ahead, then corrected, still syncs; its stamps stay monotonic; an edit made after its write still wins', () => {
    let real = T0;
    let laptopSkew = YEAR;
    const central = memoryNode(() => real);
    const laptop = memoryNode(() => real + laptopSkew);
    const other = memoryNode(() => real - 2 * DAY); // a little behind, too
    const cursors = new Map<ChangeFunnel, number>();
    const edit = (node: { funnel: ChangeFunnel }, record: number, fields: Record<string, unknown>) =>
      node.funnel.write('curator', [{ entity: 'expert', id: recordIds[record]!, fields }]);
    const sync = (node: { funnel: ChangeFunnel }) => {
      const pushed = push(node.funnel, central.funnel);
      const pulled = pull(central.funnel, node.funnel, cursors);
      return { pushed, pulled };
    };

    edit(laptop, 0, { agency: 'Future Agency', position: 'Analyst' });
    const first = sync(laptop);
    expect(first.pushed.applied).toBe(1);
    expect(first.pushed.clockWarnings).toEqual([{ code: 'CLOCK_SKEW', origin: laptop.funnel.nodeId, aheadMs: YEAR }]);

    real += 1000;
    const seen = sync(other);
    expect(seen.pulled.clockWarnings.map((w) => w.code)).toEqual(['CLOCK_SKEW']);
    expect(dataOf(other.db).agency).toBe('Future Agency');
    // The other curator corrects it after seeing it: that edit wins everywhere.
    edit(other, 0, { agency: 'BKN' });
    sync(other);
    expect(dataOf(central.db).agency).toBe('BKN');

    // The laptop's clock is corrected. Its next stamps still follow its earlier ones.
    laptopSkew = 0;
    real += 1000;
    const before = laptop.funnel.changesSince(laptop.funnel.nodeId, 0).at(-1)!.hlc;
    edit(laptop, 1, { agency: 'LAN' });
    const after = laptop.funnel.changesSince(laptop.funnel.nodeId, 1)[0]!.hlc;
    expect(after > before).toBe(true);
    sync(laptop);
    expect(dataOf(laptop.db).agency).toBe('BKN');
    // And it edits the field everyone now shows: after what it saw, so it wins too.
    edit(laptop, 0, { agency: 'KemenPANRB' });
    for (let round = 0; round < 2; round++) for (const node of [laptop, other]) sync(node);

    for (const node of [laptop, other]) {
      expect(records(node.db)).toEqual(records(central.db));
      expect(changeLog(node.db)).toEqual(changeLog(central.db));
    }
    expect(dataOf(central.db)).toEqual({ agency: 'KemenPANRB', position: 'Analyst' });
    // No node's own clock was dragged a year ahead by the laptop's stamps.
    for (const node of [central, other]) {
      const own = node.funnel.changesSince(node.funnel.nodeId, 0);
      for (const c of own.filter((x) => x.fields.agency !== 'BKN')) expect(parseHlc(c.hlc).wall).toBeLessThan(real + 2 * DAY);
    }
    edit(central, 2, { agency: 'Central' });
    expect(parseHlc(central.funnel.changesSince(central.funnel.nodeId, 0).at(-1)!.hlc).wall).toBeLessThanOrEqual(real + DAY);
  });
});
