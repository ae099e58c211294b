import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AppError } from '../../../shared/contract/result';
import { openDatabase } from '../db/open';
import { ChangeFunnel } from './funnel';
import { changeLog, changeOf, memoryNode, recordIds, records, refusedSet } from './testing';

const B = 'b0b0b0b0b0b0b0b0';
const C = 'c0c0c0c0c0c0c0c0';

describe('a first sync from the feed (snapshot)', () => {
  it('applies the feed from 0 in pages, resumes after an interruption, and keeps the gap check right afterwards', () => {
    const central = memoryNode();
    // Two origins interleaved, refusals among them, and entries whose state changed later
    // (fed again): the feed holds each origin's first occurrences in seq order.
    const bs = Array.from({ length: 12 }, (_, i) => changeOf(B, i + 1, i % 5 === 3 ? { givenName: i } : { agency: `B${i}` }, { id: recordIds[i % 3]! }));
    const cs = Array.from({ length: 9 }, (_, i) => changeOf(C, i + 1, { position: `C${i}` }, { id: recordIds[(i + 1) % 3]! }));
    for (let i = 0; i < 12; i += 3) central.funnel.receive([...bs.slice(i, i + 3), ...cs.slice(i, i + 3)]);
    central.funnel.write('ana', [{ entity: 'expert', id: recordIds[0]!, fields: { agency: 'Central' } }]);
    const upstreamOfCentral = [{ ...cs[1]!, refused: 'Out of scope.', code: 'OUT_OF_SCOPE' }, bs[0]!];
    central.funnel.receive(upstreamOfCentral, { from: 'upstream' });

    const dir = mkdtempSync(join(tmpdir(), 'funnel-snapshot-'));
    try {
      const file = join(dir, 'node.db');
      let db = openDatabase(file);
      let node = new ChangeFunnel(db, []);
      // The client's cursor lives in the node's database and is saved with each page.
      db.exec('CREATE TABLE test_cursor (seq INTEGER NOT NULL); INSERT INTO test_cursor VALUES (0)');
      const cursor = () => db.prepare('SELECT seq FROM test_cursor').pluck().get() as number;
      const page = 4;
      let pages = 0;
      for (;;) {
        const { entries, head } = central.funnel.feedAfter(cursor(), page);
        if (!entries.length) break;
        const last = entries[entries.length - 1]!.feedSeq;
        expect(last).toBeLessThanOrEqual(head);
        pages++;
        if (pages === 3) {
          // Killed while saving the page: neither the page nor its cursor is kept.
          expect(() =>
            node.receive(entries, {
              from: 'upstream',
              inTransaction: () => {
                throw new Error('killed');
              },
            }),
          ).toThrow('killed');
        } else if (pages === 5) {
          // Killed after the page and its cursor committed, before the next request: resumes from it.
          node.receive(entries, { from: 'upstream', inTransaction: () => db.prepare('UPDATE test_cursor SET seq = ?').run(last) });
          db.close();
          db = openDatabase(file);
          node = new ChangeFunnel(db, []);
        } else {
          node.receive(entries, { from: 'upstream', inTransaction: () => db.prepare('UPDATE test_cursor SET seq = ?').run(last) });
        }
      }
      expect(pages).toBeGreaterThan(6);
      expect(records(db)).toEqual(records(central.db));
      expect(changeLog(db)).toEqual(changeLog(central.db));
      expect(refusedSet(db).map((r) => ({ ...(r as object), change: undefined }))).toEqual(refusedSet(central.db).map((r) => ({ ...(r as object), change: undefined })));
      expect(node.vector()).toEqual(central.funnel.vector());

      // Later, B pushes to this node directly: what it holds is a repeat, the next is applied,
      // and a gap is still refused.
      const r = node.receive([bs[10]!, bs[11]!, changeOf(B, 13, { agency: 'B13' })]);
      expect(r).toMatchObject({ duplicates: 2, applied: 1 });
      let gap: unknown;
      try {
        node.receive([changeOf(B, 15, { agency: 'B15' })]);
      } catch (e) {
        gap = e;
      }
      expect((gap as AppError).code).toBe('SEQ_GAP');
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
