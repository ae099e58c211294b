import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { ChangeFunnel } from './funnel';
import { changeOf, memoryNode, recordIds } from './testing';

const B = 'b0b0b0b0b0b0b0b0';
const C = 'c0c0c0c0c0c0c0c0';
const strip = ({ feedSeq, ...entry }: { feedSeq: number } & Record<string, unknown>) => (void feedSeq, entry);

describe('the feed', () => {
  it('lists every entry stored, applied or refused, in the order stored, each in its current state', () => {
    const { funnel } = memoryNode();
    funnel.write('ana', [{ entity: 'expert', id: recordIds[0]!, fields: { agency: 'BKN' } }]);
    funnel.receive([changeOf(B, 1, { agency: 'LAN' }), changeOf(B, 2, { givenName: 42 }), changeOf(C, 1, { salary: 1 })]);
    const { entries, head } = funnel.feedAfter(0, 100);
    expect(head).toBe(4);
    expect(entries.map((e) => [e.feedSeq, e.origin, e.seq, e.refused ?? null, e.code ?? null])).toEqual([
      [1, funnel.nodeId, 1, null, null],
      [2, B, 1, null, null],
      [3, B, 2, expect.stringMatching(/^expert\.givenName/), 'INVALID_VALUE'],
      [4, C, 1, expect.stringMatching(/field "salary"/), 'UNKNOWN_FIELD'],
    ]);
    // A refused entry is served as it was received, plus the verdict.
    expect(strip(entries[2]!)).toEqual({ ...changeOf(B, 2, { givenName: 42 }), refused: entries[2]!.refused, code: 'INVALID_VALUE' });
    expect(strip(entries[1]!)).toEqual(changeOf(B, 1, { agency: 'LAN' }));
    // Pages: after a cursor, at most `limit`.
    expect(funnel.feedAfter(1, 2).entries.map((e) => e.feedSeq)).toEqual([2, 3]);
    expect(funnel.feedAfter(4, 10)).toEqual({ entries: [], head: 4 });
    expect(funnel.feedHead()).toBe(4);
  });

  it('gives the version vector over applied and refused changes, and what a remote lacks in (origin, seq) order', () => {
    const { funnel } = memoryNode();
    expect(funnel.vector()).toEqual({});
    funnel.receive([changeOf(B, 1, { agency: 'x' }), changeOf(B, 2, { agency: 'y' }), changeOf(B, 3, { givenName: 1 }), changeOf(C, 1, { givenName: 2 })]);
    funnel.write('ana', [{ entity: 'expert', id: recordIds[1]!, fields: { agency: 'z' } }]);
    expect(funnel.vector()).toEqual({ [B]: 3, [C]: 1, [funnel.nodeId]: 1 });

    const missing = funnel.missingFrom({ [B]: 1 }, 100);
    expect(missing.map((e) => [e.origin, e.seq, e.refused !== undefined])).toEqual(
      [[B, 2, false], [B, 3, true], [C, 1, true], [funnel.nodeId, 1, false]].sort((a, b) => (a[0] === b[0] ? 0 : String(a[0]) < String(b[0]) ? -1 : 1)),
    );
    expect(funnel.missingFrom({ [B]: 1 }, 2)).toHaveLength(2);
    expect(funnel.missingFrom(funnel.vector(), 100)).toEqual([]);
  });

  it('keeps its epoch across restarts until a new one is started', () => {
    const dir = mkdtempSync(join(tmpdir(), 'funnel-epoch-'));
    try {
      const file = join(dir, 'node.db');
      const db1 = openDatabase(file);
      const first = new ChangeFunnel(db1, []).epoch;
      expect(first).toMatch(/^[0-9a-f]{16}$/);
      db1.close();
      const db2 = openDatabase(file);
      const f2 = new ChangeFunnel(db2, []);
      expect(f2.epoch).toBe(first);
      const next = f2.newEpoch();
      expect(next).not.toBe(first);
      db2.close();
      const db3 = openDatabase(file);
      expect(new ChangeFunnel(db3, []).epoch).toBe(next);
      db3.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('feeds a parked change again when an upgrade applies it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'funnel-parked-feed-'));
    try {
      const file = join(dir, 'node.db');
      const db = openDatabase(file);
      new ChangeFunnel(db, []).receive([changeOf(B, 1, { agency: 'BKN' })]);
      // As an older version would have parked it: a field it did not know (this one does).
      db.prepare("INSERT INTO refused_changes (origin, seq, kind, reason, change, received_at, code) VALUES (?, 2, 'parked', 'unknown field', ?, 0, 'UNKNOWN_FIELD')").run(
        B,
        JSON.stringify(changeOf(B, 2, { position: 'Director' })),
      );
      db.prepare('INSERT INTO feed (origin, oseq) VALUES (?, 2)').run(B);
      db.close();
      const reopened = openDatabase(file);
      const funnel = new ChangeFunnel(reopened, []);
      const { entries } = funnel.feedAfter(2, 10);
      expect(entries.map((e) => [e.feedSeq, e.seq, e.refused ?? null])).toEqual([[3, 2, null]]);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
