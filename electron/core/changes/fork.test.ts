import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { openDatabase, type Db } from '../db/open';
import type { VersionVector } from '../../../shared/sync/protocol';
import { ChangeFunnel } from './funnel';
import { changeLog, dataOf, recordIds, records, refusedSet } from './testing';

let dirs: string[] = [];
let dbs: Db[] = [];
afterEach(() => {
  dbs.forEach((d) => d.open && d.close());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dbs = [];
  dirs = [];
});

function fileNode(file: string, now = () => 1_700_000_000_000) {
  const db = openDatabase(file);
  dbs.push(db);
  return { db, funnel: new ChangeFunnel(db, [], now), file };
}
function tempFile() {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-fork-'));
  dirs.push(dir);
  return (name: string) => join(dir, name);
}

/** A copy of a node's data folder, as a curator copying it to another laptop would make. */
function copyOf(node: { db: Db; file: string }, to: string, now?: () => number) {
  node.db.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(node.file, to);
  return fileNode(to, now);
}

const put = (node: { funnel: ChangeFunnel }, record: number, fields: Record<string, unknown>) =>
  node.funnel.write(`curator`, [{ entity: 'expert', id: recordIds[record]!, fields }]);

/**
 * A push as the client runs it: what the remote lacked when this node last heard from it (its
 * `pushed vector`, kept in the node's own database and so copied with it).
 */
function push(from: ChangeFunnel, to: ChangeFunnel, known: VersionVector = to.vector()) {
  return to.receive(from.missingFrom(known, 1e6), { from: 'downstream' });
}
function pull(from: ChangeFunnel, to: ChangeFunnel, cursor = 0) {
  return to.receive(from.feedAfter(cursor, 1e6).entries, { from: 'upstream' });
}

/** No two nodes hold different changes under one (origin, seq). */
function oneChangePerAddress(...nodes: Db[]) {
  const seen = new Map<string, string>();
  for (const db of nodes) {
    for (const c of changeLog(db) as { origin: string; seq: number }[]) {
      const key = `${c.origin}/${c.seq}`;
      const text = JSON.stringify(c);
      expect(seen.get(key) ?? text, key).toBe(text);
      seen.set(key, text);
    }
  }
}

describe('a copied data folder (a fork)', () => {
  it('is refused on push with ORIGIN_FORKED; the copy pulls, takes a new id, re-issues its writes; both copies’ edits survive', () => {
    const at = tempFile();
    const central = fileNode(at('central.db'));
    const laptop = fileNode(at('laptop.db'));
    put(laptop, 0, { agency: 'BKN', position: 'Analyst' });
    put(laptop, 1, { agency: 'LAN' });
    push(laptop.funnel, central.funnel);
    const pushedBeforeCopy = central.funnel.vector();
    const copy = copyOf(laptop, at('copy.db'), () => 1_700_000_001_000);
    expect(copy.funnel.nodeId).toBe(laptop.funnel.nodeId);
    const oldId = laptop.funnel.nodeId;

    put(laptop, 0, { position: 'Director' }); // seq 3 on the original
    put(laptop, 2, { agency: 'KSN' }); // seq 4
    expect(push(laptop.funnel, central.funnel).applied).toBe(2);
    put(copy, 0, { agency: 'BPS' }); // seq 3 on the copy: another change under the same address
    put(copy, 1, { position: 'Head' }); // seq 4
    put(copy, 1, { givenName: 'Siti' }); // seq 5, above anything central holds

    let error: unknown;
    try {
      push(copy.funnel, central.funnel, pushedBeforeCopy);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('ORIGIN_FORKED');
    expect((error as AppError).details).toEqual({ origin: oldId, seq: 3 });

    const result = pull(central.funnel, copy.funnel);
    expect(result.rekeyed).toEqual({ from: oldId, to: copy.funnel.nodeId, reissued: 3 });
    expect(copy.funnel.nodeId).not.toBe(oldId);
    // The copy holds central's changes under the old id, its own under the new one.
    expect((changeLog(copy.db) as { origin: string; seq: number }[]).map((c) => `${c.origin === oldId ? 'old' : 'new'}/${c.seq}`).sort()).toEqual(
      ['new/1', 'new/2', 'new/3', 'old/1', 'old/2', 'old/3', 'old/4'],
    );
    push(copy.funnel, central.funnel);
    pull(central.funnel, laptop.funnel);
    // The copy's re-issued writes are stamped after what it pulled, so its edits hold where they overlap.
    for (const node of [central, laptop, copy]) {
      expect(dataOf(node.db, recordIds[0])).toEqual({ agency: 'BPS', position: 'Director' });
      expect(dataOf(node.db, recordIds[1])).toEqual({ agency: 'LAN', position: 'Head', givenName: 'Siti' });
      expect(dataOf(node.db, recordIds[2])).toEqual({ agency: 'KSN' });
    }
    expect(records(copy.db)).toEqual(records(central.db));
    expect(records(laptop.db)).toEqual(records(central.db));
    expect(changeLog(copy.db)).toEqual(changeLog(central.db));
    expect(changeLog(laptop.db)).toEqual(changeLog(central.db));
    oneChangePerAddress(central.db, laptop.db, copy.db);

    // The new id lasts: a restart keeps it, and later writes are numbered after the re-issued ones.
    copy.db.close();
    const reopened = fileNode(copy.file);
    expect(reopened.funnel.nodeId).toBe(result.rekeyed!.to);
    put(reopened, 2, { position: 'Clerk' });
    expect(reopened.funnel.changesSince(reopened.funnel.nodeId, 3).map((c) => c.seq)).toEqual([4]);
  });

  it('a laptop restored from an older backup keeps the writes upstream had, and re-issues the ones made since', () => {
    const at = tempFile();
    const central = fileNode(at('central.db'));
    const laptop = fileNode(at('laptop.db'));
    put(laptop, 0, { agency: 'BKN' });
    laptop.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(laptop.file, at('backup.db'));
    put(laptop, 0, { position: 'Analyst' });
    put(laptop, 1, { agency: 'LAN' });
    push(laptop.funnel, central.funnel);
    laptop.db.close();
    // Restored: seq 1 only. A write is made before the next sync.
    copyFileSync(at('backup.db'), laptop.file);
    const restored = fileNode(laptop.file);
    const oldId = restored.funnel.nodeId;
    put(restored, 2, { agency: 'KSN' });
    const result = pull(central.funnel, restored.funnel);
    expect(result.rekeyed).toMatchObject({ from: oldId, reissued: 1 });
    push(restored.funnel, central.funnel);
    expect(records(restored.db)).toEqual(records(central.db));
    expect(dataOf(central.db, recordIds[0])).toEqual({ agency: 'BKN', position: 'Analyst' });
    expect(dataOf(central.db, recordIds[1])).toEqual({ agency: 'LAN' });
    expect(dataOf(central.db, recordIds[2])).toEqual({ agency: 'KSN' });
    oneChangePerAddress(central.db, restored.db);
    expect(refusedSet(central.db)).toEqual([]);
  });

  it('is no fork when upstream holds the node’s own writes it lost and nothing new was written', () => {
    const at = tempFile();
    const central = fileNode(at('central.db'));
    const laptop = fileNode(at('laptop.db'));
    put(laptop, 0, { agency: 'BKN' });
    laptop.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(laptop.file, at('backup.db'));
    put(laptop, 0, { position: 'Analyst' });
    push(laptop.funnel, central.funnel);
    laptop.db.close();
    copyFileSync(at('backup.db'), laptop.file);
    const restored = fileNode(laptop.file);
    const id = restored.funnel.nodeId;
    const result = pull(central.funnel, restored.funnel);
    expect(result.rekeyed).toBeUndefined();
    expect(restored.funnel.nodeId).toBe(id);
    put(restored, 0, { position: 'Director' });
    expect(restored.funnel.changesSince(id, 2).map((c) => c.seq)).toEqual([3]);
    expect(push(restored.funnel, central.funnel).applied).toBe(1);
  });

  it('is found by the pull when the push cannot see it (the remote already numbers past it), and nothing is lost', () => {
    const at = tempFile();
    const central = fileNode(at('central.db'));
    const laptop = fileNode(at('laptop.db'));
    put(laptop, 0, { agency: 'BKN' });
    push(laptop.funnel, central.funnel);
    const copy = copyOf(laptop, at('copy.db'));
    put(copy, 1, { agency: 'LAN' }); // seq 2 from the copy reaches central first
    push(copy.funnel, central.funnel);
    put(laptop, 2, { agency: 'KSN' }); // seq 2 from the original: central already holds a seq 2
    expect(laptop.funnel.missingFrom(central.funnel.vector(), 100)).toEqual([]);
    const result = pull(central.funnel, laptop.funnel);
    expect(result.rekeyed?.reissued).toBe(1);
    push(laptop.funnel, central.funnel);
    pull(central.funnel, copy.funnel);
    for (const node of [central, laptop, copy]) {
      expect(dataOf(node.db, recordIds[1])).toEqual({ agency: 'LAN' });
      expect(dataOf(node.db, recordIds[2])).toEqual({ agency: 'KSN' });
      expect(records(node.db)).toEqual(records(central.db));
      expect(changeLog(node.db)).toEqual(changeLog(central.db));
    }
    oneChangePerAddress(central.db, laptop.db, copy.db);
  });
});
