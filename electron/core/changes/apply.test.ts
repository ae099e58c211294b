import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { applyChanges } from './apply';
import { ChangeFunnel } from './funnel';
import { recordKey, type Change, type Projection } from './types';

const recordIds = ['01900000-0000-7000-8000-000000000001', '01900000-0000-7000-8000-000000000002'];
const fields = ['givenName', 'agency', 'position'] as const;

function node(skewMs: number) {
  const db = openDatabase(':memory:');
  let t = 1_700_000_000_000;
  // Each node's clock runs on its own, skewed; some stand still, which exercises the counter.
  const funnel = new ChangeFunnel(db, [], () => (t += skewMs % 3 === 0 ? 0 : 1) + skewMs);
  return { db, funnel };
}

const state = (db: Db) => db.prepare('SELECT entity, id, data, stamps FROM records ORDER BY entity, id').all();
const log = (db: Db) => db.prepare('SELECT origin, seq, hlc, entity, id, fields FROM changes ORDER BY origin, seq').all();

type Step =
  | { kind: 'write'; node: number; record: number; field: number; value: string }
  | { kind: 'sync'; from: number; to: number; count: number; repeat: number; order: number[] };

/** Reorders a batch by sort keys drawn by fast-check, so a failing order shrinks and replays. */
const reorder = <T>(items: T[], keys: number[]) =>
  items.map((item, i) => ({ item, key: keys[i % keys.length] ?? 0 })).sort((a, b) => a.key - b.key).map((x) => x.item);

const stepArb = (nodes: number): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('write' as const),
      node: fc.nat(nodes - 1),
      record: fc.nat(recordIds.length - 1),
      field: fc.nat(fields.length - 1),
      // Values the schemas accept, so every node applies every write (checked by value on receipt).
      value: fc.stringMatching(/^[A-Za-z][a-z]{0,5}$/),
    }),
    fc.record({
      kind: fc.constant('sync' as const),
      from: fc.nat(nodes - 1),
      to: fc.nat(nodes - 1),
      count: fc.integer({ min: 1, max: 5 }),
      repeat: fc.nat(3),
      order: fc.array(fc.nat(100), { minLength: 1, maxLength: 8 }),
    }),
  );

describe('applyChanges', () => {
  it('makes two or three nodes exchanging the same changes, in any order and with duplicates, end identical', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.integer({ min: -50_000, max: 50_000 }), { minLength: n, maxLength: n }), fc.array(stepArb(n), { maxLength: 60 })),
        ),
        ([n, skews, steps]) => {
          const nodes = skews.map(node);
          // delivered[to][from]: how many of `from`'s own changes `to` has received.
          const delivered = nodes.map(() => nodes.map(() => 0));
          const deliver = (from: number, to: number, count: number, repeat: number, order: number[]) => {
            const origin = nodes[from]!.funnel.nodeId;
            const start = Math.max(0, delivered[to]![from]! - repeat); // resend some already delivered
            const batch = nodes[from]!.funnel.changesSince(origin, start, count + repeat);
            if (batch.length === 0) return;
            nodes[to]!.funnel.receive(reorder(batch, order));
            delivered[to]![from] = Math.max(delivered[to]![from]!, batch[batch.length - 1]!.seq);
          };
          for (const step of steps) {
            if (step.kind === 'write') {
              nodes[step.node]!.funnel.write(`curator${step.node}`, [
                { entity: 'expert', id: recordIds[step.record]!, fields: { [fields[step.field]!]: step.value } },
              ]);
            } else if (step.from !== step.to) {
              deliver(step.from, step.to, step.count, step.repeat, step.order);
            }
          }
          // Then everyone catches up on everything, a few at a time.
          const written = nodes.map((x) => x.funnel.changesSince(x.funnel.nodeId, 0, 1e9).length);
          for (let to = 0; to < n; to++) {
            for (let from = 0; from < n; from++) {
              while (from !== to && delivered[to]![from]! < written[from]!) deliver(from, to, 4, 1, [3, 1, 2]);
            }
          }
          const first = state(nodes[0]!.db);
          for (const other of nodes.slice(1)) {
            expect(state(other.db)).toEqual(first);
            expect(log(other.db)).toEqual(log(nodes[0]!.db));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps the losing value in the change log, so history shows it', () => {
    const a = node(0);
    const b = node(10_000); // b's clock is ahead, so b's write wins even though it came second
    a.funnel.write('ana', [{ entity: 'expert', id: recordIds[0]!, fields: { agency: 'BKN' } }]);
    b.funnel.write('budi', [{ entity: 'expert', id: recordIds[0]!, fields: { agency: 'KemenPANRB' } }]);
    a.funnel.receive(b.funnel.changesSince(b.funnel.nodeId, 0));
    const data = JSON.parse((a.db.prepare('SELECT data FROM records').get() as { data: string }).data);
    expect(data.agency).toBe('KemenPANRB');
    const values = (a.db.prepare("SELECT fields FROM changes WHERE id = ?").all(recordIds[0]) as { fields: string }[]).map((r) => JSON.parse(r.fields).agency);
    expect(values.sort()).toEqual(['BKN', 'KemenPANRB']);
  });

  it('refuses a gap, naming the expected number, and saves nothing of the batch', () => {
    const a = node(0);
    const b = node(0);
    a.funnel.write('ana', [
      { entity: 'expert', id: recordIds[0]!, fields: { agency: 'one' } },
      { entity: 'expert', id: recordIds[1]!, fields: { agency: 'two' } },
      { entity: 'expert', id: recordIds[1]!, fields: { agency: 'three' } },
    ]);
    const all = a.funnel.changesSince(a.funnel.nodeId, 0);
    expect(() => b.funnel.receive([all[0]!, all[2]!])).toThrow(/expected number 2, received 3/);
    expect(log(b.db)).toEqual([]);
    expect(state(b.db)).toEqual([]);
  });

  it('a record new in the batch and written again in it: the caller’s fields stay as given, and projections see the merge', () => {
    const db = openDatabase(':memory:');
    const seen: Record<string, unknown>[] = [];
    const projection: Projection = {
      name: 'spy',
      version: 1,
      update: (_touched, states) => void seen.push({ ...states.get(recordKey('expert', recordIds[0]!))!.data }),
      rebuild: () => {},
    };
    const funnel = new ChangeFunnel(db, [projection], () => 1_700_000_000_000);
    const first = { givenName: 'Siti', agency: 'BKN' };
    const second = { agency: 'KemenPANRB', position: 'Director' };
    const third = { givenName: 'Siti', position: undefined, agency: 'LAN' };
    funnel.write('ana', [
      { entity: 'expert', id: recordIds[0]!, fields: first },
      { entity: 'expert', id: recordIds[0]!, fields: second },
      { entity: 'expert', id: recordIds[1]!, fields: third },
    ]);
    expect(first).toEqual({ givenName: 'Siti', agency: 'BKN' });
    expect(second).toEqual({ agency: 'KemenPANRB', position: 'Director' });
    expect(third).toStrictEqual({ givenName: 'Siti', position: undefined, agency: 'LAN' });
    expect(seen).toEqual([{ givenName: 'Siti', agency: 'KemenPANRB', position: 'Director' }]);
    const rows = state(db) as { id: string; data: string; stamps: string }[];
    expect(JSON.parse(rows[0]!.data)).toEqual({ agency: 'KemenPANRB', givenName: 'Siti', position: 'Director' });
    // A field left undefined is not part of the record.
    expect(rows[1]!.data).toBe('{"agency":"LAN","givenName":"Siti"}');
    expect(Object.keys(JSON.parse(rows[1]!.stamps).f)).toEqual(['agency', 'givenName']);
  });

  it('runs only inside a transaction', () => {
    const a = node(0);
    const change: Change = { origin: 'b0b0b0b0b0b0b0b0', seq: 1, hlc: '000000000000001-000000', actor: 'x', entity: 'expert', id: recordIds[0]!, op: 'put', fields: { agency: 'x' } };
    expect(() => applyChanges(a.db, [change], [])).toThrow(/inside a transaction/);
  });
});

describe('changes from other nodes, checked by value', () => {
  const origin = 'b0b0b0b0b0b0b0b0';
  const at = (seq: number, fields: Record<string, unknown>, more: Partial<Change> = {}): Change => ({
    origin,
    seq,
    hlc: `00000000000${seq}000-000000`.slice(-22),
    actor: 'budi',
    entity: 'expert',
    id: recordIds[0]!,
    op: 'put',
    fields,
    ...more,
  });
  const refused = (db: Db) => db.prepare('SELECT origin, seq, kind, reason FROM refused_changes ORDER BY origin, seq').all() as { seq: number; kind: string; reason: string }[];

  it('rejects a bad value with its reason, acknowledges it, and applies the origin’s later changes', () => {
    const a = node(0);
    const result = a.funnel.receive([
      at(1, { agency: 'BKN' }),
      at(2, { givenName: 42 }),
      at(3, { status: 'deleted-everything' }),
      at(4, { agency: 'KemenPANRB' }, { hlc: 'tomorrow' }),
      at(5, { agency: 'Ministry of Home Affairs' }),
    ]);
    expect(result.applied).toBe(2);
    expect(result.refused.map((r) => [r.seq, r.kind])).toEqual([[2, 'rejected'], [3, 'rejected'], [4, 'rejected']]);
    expect(refused(a.db).map((r) => r.reason)).toEqual([
      expect.stringMatching(/^expert\.givenName: /),
      expect.stringMatching(/^expert\.status: /),
      expect.stringMatching(/^hlc: The clock stamp is malformed/),
    ]);
    // Never applied, never in the log; the record holds the last good value.
    expect(log(a.db).map((c) => (c as { seq: number }).seq)).toEqual([1, 5]);
    expect(JSON.parse((state(a.db)[0] as { data: string }).data)).toEqual({ agency: 'Ministry of Home Affairs' });
    // Re-sent, the whole batch is a repeat: nothing changes, nothing is refused twice.
    const again = a.funnel.receive([at(1, { agency: 'BKN' }), at(2, { givenName: 42 }), at(5, { agency: 'Ministry of Home Affairs' })]);
    expect(again).toMatchObject({ applied: 0, duplicates: 3, refused: [] });
    expect(refused(a.db)).toHaveLength(3);
    // The sequence runs through refused changes: the next is 6, and 7 alone is a gap.
    expect(() => a.funnel.receive([at(7, { agency: 'x' })])).toThrow(/expected number 6, received 7/);
    expect(a.funnel.receive([at(6, { agency: 'x' })]).applied).toBe(1);
    // Good and bad interleaved in one batch: the sequence follows both.
    const mixed = a.funnel.receive([at(7, { agency: 'y' }), at(8, { givenName: 1 }), at(9, { agency: 'z' }), at(10, { givenName: 2 }), at(11, { agency: 'w' })]);
    expect(mixed).toMatchObject({ applied: 3, duplicates: 0 });
    expect(mixed.refused.map((r) => r.seq)).toEqual([8, 10]);
  });

  it('parks a change naming an entity or field this version does not know, and the origin goes on', () => {
    const a = node(0);
    const result = a.funnel.receive([at(1, { salary: 1 }), at(2, {}, { entity: 'payroll' }), at(3, { agency: 'BKN' })]);
    expect(result.refused.map((r) => [r.seq, r.kind])).toEqual([[1, 'parked'], [2, 'parked']]);
    expect(refused(a.db).map((r) => r.reason)).toEqual([expect.stringMatching(/field "salary"/), expect.stringMatching(/"payroll" records/)]);
    expect(result.applied).toBe(1);
    expect(a.funnel.refusedChanges().map((r) => r.seq).sort()).toEqual([1, 2]);
  });

  it('refuses a batch whose change does not say where it comes from, and saves nothing of it', () => {
    const a = node(0);
    expect(() => a.funnel.receive([at(1, { agency: 'BKN' }), { ...at(2, { agency: 'x' }), origin: 'not a node' }])).toThrow(/Change 2 of the batch does not say where it comes from/);
    expect(() => a.funnel.receive([{ ...at(1, { agency: 'x' }), seq: 0 }])).toThrow(/does not say where it comes from/);
    expect(() => a.funnel.receive(['garbage', null])).toThrow(/Change 1 of the batch/);
    expect(log(a.db)).toEqual([]);
    expect(refused(a.db)).toEqual([]);
  });

  it('applies a change an older version parked once this version knows its fields, checking it by value', () => {
    const file = join(tmpdir(), `funnel-parked-${process.pid}-${Date.now()}.db`);
    const db = openDatabase(file);
    const f1 = new ChangeFunnel(db, []);
    f1.receive([at(1, { agency: 'BKN' })]);
    // As an older version would have left them: fields it did not know, parked.
    const park = db.prepare("INSERT INTO refused_changes (origin, seq, kind, reason, change, received_at) VALUES (?, ?, 'parked', 'unknown field', ?, 0)");
    park.run(origin, 2, JSON.stringify(at(2, { position: 'Director' })));
    park.run(origin, 3, JSON.stringify(at(3, { position: 7 })));
    park.run(origin, 4, JSON.stringify(at(4, { salary: 1 })));
    db.close();
    const reopened = openDatabase(file);
    new ChangeFunnel(reopened, []);
    expect(JSON.parse((state(reopened)[0] as { data: string }).data)).toEqual({ agency: 'BKN', position: 'Director' });
    expect(refused(reopened).map((r) => [r.seq, r.kind])).toEqual([[3, 'rejected'], [4, 'parked']]);
    expect(log(reopened).map((c) => (c as { seq: number }).seq)).toEqual([1, 2]);
    reopened.close();
  });

  it('persists the node id and the clock across restarts', () => {
    const file = join(tmpdir(), `funnel-${process.pid}-${Date.now()}.db`);
    const db1 = openDatabase(file);
    const f1 = new ChangeFunnel(db1, [], () => 5_000);
    f1.write('ana', [{ entity: 'expert', id: recordIds[0]!, fields: { agency: 'x' } }]);
    const hlc1 = f1.changesSince(f1.nodeId, 0)[0]!.hlc;
    db1.close();
    const db2 = openDatabase(file);
    const f2 = new ChangeFunnel(db2, [], () => 1_000); // the wall clock went back
    expect(f2.nodeId).toBe(f1.nodeId);
    f2.write('ana', [{ entity: 'expert', id: recordIds[0]!, fields: { agency: 'y' } }]);
    const second = f2.changesSince(f2.nodeId, 1)[0]!;
    expect(second.seq).toBe(2);
    expect(second.hlc > hlc1).toBe(true);
    db2.close();
  });
});
