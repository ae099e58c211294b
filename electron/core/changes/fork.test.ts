import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { openDatabase, type Db } from '../db/open';
import type { VersionVector } from '../../../shared/sync/protocol';
import { ChangeFunnel, type Authorize, type ReceiveResult } from './funnel';
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
/** A pull as the client runs it: pages of upstream's feed in order. Returns the fork (if one) and how many writes were re-issued. */
function pull(from: ChangeFunnel, to: ChangeFunnel, cursor = 0, pageSize = 1e6, decides = true) {
  let rekeyed: ReceiveResult['rekeyed'];
  let reissued = 0;
  for (let after = cursor; ; ) {
    const { entries, head } = from.feedAfter(after, pageSize);
    const last = entries.at(-1)?.feedSeq ?? head;
    const result = to.receive(entries, { from: 'upstream', decides });
    rekeyed ??= result.rekeyed;
    reissued += (result.rekeyed?.reissued ?? 0) + (result.reissued ?? 0);
    if (last >= head) return { rekeyed, reissued };
    after = last;
  }
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
  it('is refused on push with ORIGIN_FORKED; the copy pulls, takes a new id, re-issues the writes whose address central gave to others, pushes the rest as they are; both copies’ edits survive', () => {
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
    expect(result.rekeyed).toEqual({ from: oldId, to: copy.funnel.nodeId, reissued: 2 });
    expect(copy.funnel.nodeId).not.toBe(oldId);
    // The copy holds central's changes at seqs 3 and 4 of the old id, and re-issued its own two
    // from there under the new one. Its seq 5 central does not hold: it stays where it is.
    expect((changeLog(copy.db) as { origin: string; seq: number }[]).map((c) => `${c.origin === oldId ? 'old' : 'new'}/${c.seq}`).sort()).toEqual(
      ['new/1', 'new/2', 'old/1', 'old/2', 'old/3', 'old/4', 'old/5'],
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
    expect(reopened.funnel.changesSince(reopened.funnel.nodeId, 2).map((c) => c.seq)).toEqual([3]);
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

  it('keeps under the old id its own refused writes upstream still holds as they are, and re-issues only the one it lost', () => {
    // Replay of the fault harness: SYNC_FAULT_SEED=1311681116 SYNC_FAULT_PATH=20.
    const at = tempFile();
    const central = fileNode(at('central.db'));
    const laptop = fileNode(at('laptop.db'));
    const oldId = laptop.funnel.nodeId;
    // Central refuses writes to the third record (a focal point's out-of-scope writes).
    const authorize: Authorize = (c) => (c.id === recordIds[2] ? { kind: 'rejected', code: 'OUT_OF_SCOPE', reason: 'Outside your country.' } : { kind: 'ok' });
    const copy = copyOf(laptop, at('copy.db'), () => 1_700_000_001_000);
    put(laptop, 0, { agency: 'BKN' }); // laptop seq 1
    put(laptop, 2, { agency: 'KSN' }); // seq 2, refused by central
    put(laptop, 2, { position: 'Head' }); // seq 3, refused by central
    put(copy, 1, { agency: 'LAN' }); // the copy's seq 1: another change under the same address
    // Central (restored from a backup that had none of these) got the copy's seq 1 first, then
    // the laptop's seqs 2 and 3 relayed on top of it: it holds those two as the laptop wrote them.
    central.funnel.receive(copy.funnel.missingFrom({}, 10), { from: 'downstream', authorize });
    central.funnel.receive(laptop.funnel.missingFrom({ [oldId]: 1 }, 10), { from: 'downstream', authorize });
    expect(refusedSet(central.db)).toHaveLength(2);

    const result = pull(central.funnel, laptop.funnel, 0, 1);
    expect(result.rekeyed).toEqual({ from: oldId, to: laptop.funnel.nodeId, reissued: 1 });
    push(laptop.funnel, central.funnel);
    pull(central.funnel, copy.funnel);
    for (const node of [central, laptop, copy]) {
      // Each refused write once, under the address central judged it at.
      expect((refusedSet(node.db) as { origin: string; seq: number }[]).map((r) => `${r.origin === oldId ? 'old' : 'new'}/${r.seq}`)).toEqual(['old/2', 'old/3']);
      expect(dataOf(node.db, recordIds[0])).toEqual({ agency: 'BKN' });
      expect(dataOf(node.db, recordIds[1])).toEqual({ agency: 'LAN' });
      expect(changeLog(node.db)).toEqual(changeLog(central.db));
      expect(records(node.db)).toEqual(records(central.db));
    }
    oneChangePerAddress(central.db, laptop.db, copy.db);
  });

  it('keeps what one upstream holds through the other: a copy of a laptop syncing with a hub and central writes nothing twice', () => {
    // Replay of the fault harness: SYNC_FAULT_DUAL_FORK=1 SYNC_FAULT_SEED=1092736357 SYNC_FAULT_PATH=18.
    const at = tempFile();
    const central = fileNode(at('central.db'));
    const hub = fileNode(at('hub.db'));
    const laptop = fileNode(at('laptop.db'));
    const oldId = laptop.funnel.nodeId;
    put(laptop, 0, { agency: 'BKN' });
    push(laptop.funnel, central.funnel);
    push(laptop.funnel, hub.funnel);
    const copy = copyOf(laptop, at('copy.db'), () => 1_700_000_001_000);
    put(copy, 1, { agency: 'LAN' }); // seq 2 on the copy, sent to central
    push(copy.funnel, central.funnel);
    put(laptop, 0, { position: 'Director' }); // seqs 2, 3, 4 on the original, sent to the hub
    put(laptop, 2, { agency: 'KSN' });
    put(laptop, 2, { position: 'Clerk' });
    push(laptop.funnel, hub.funnel);
    // The hub relays: its push is refused (central holds another seq 2), it pulls central's
    // version, and then relays the laptop's seqs 3 and 4, which central lacks.
    const hubPushed = central.funnel.vector();
    expect(() => push(hub.funnel, central.funnel, { ...hubPushed, [oldId]: 1 })).toThrow(AppError);
    pull(central.funnel, hub.funnel);
    expect(push(hub.funnel, central.funnel).applied).toBe(2);

    // The laptop pulls from the hub, a page at a time: only its seq 2 is lost upstream.
    const result = pull(hub.funnel, laptop.funnel, 0, 1);
    expect(result.rekeyed).toMatchObject({ from: oldId, reissued: 1 });
    push(laptop.funnel, hub.funnel);
    push(hub.funnel, central.funnel);
    pull(central.funnel, hub.funnel);
    pull(central.funnel, copy.funnel);
    pull(central.funnel, laptop.funnel);
    for (const node of [central, hub, laptop, copy]) {
      expect(dataOf(node.db, recordIds[0])).toEqual({ agency: 'BKN', position: 'Director' });
      expect(dataOf(node.db, recordIds[1])).toEqual({ agency: 'LAN' });
      expect(dataOf(node.db, recordIds[2])).toEqual({ agency: 'KSN', position: 'Clerk' });
      // Every write once: the original's seqs 3 and 4 stay under the old id, its seq 2 is re-issued.
      expect((changeLog(node.db) as { origin: string; seq: number }[]).map((c) => `${c.origin === oldId ? 'old' : c.origin === laptop.funnel.nodeId ? 'new' : '?'}/${c.seq}`).sort()).toEqual(
        ['new/1', 'old/1', 'old/2', 'old/3', 'old/4'],
      );
      expect(records(node.db)).toEqual(records(central.db));
    }
    oneChangePerAddress(central.db, hub.db, laptop.db, copy.db);
  });

  it('re-issues a kept own entry that a later page of the pull replaces', () => {
    const at = tempFile();
    const central = fileNode(at('central.db'));
    const laptop = fileNode(at('laptop.db'));
    const oldId = laptop.funnel.nodeId;
    const copy = copyOf(laptop, at('copy.db'), () => 1_700_000_001_000);
    put(copy, 0, { agency: 'BPS' }); // copy seq 1
    put(copy, 1, { agency: 'LAN' }); // copy seq 2
    push(copy.funnel, central.funnel);
    put(laptop, 0, { agency: 'BKN' }); // laptop seq 1
    put(laptop, 2, { agency: 'KSN' }); // laptop seq 2
    // Pages of one entry: the fork shows at seq 1; seq 2 is kept until its page comes.
    const result = pull(central.funnel, laptop.funnel, 0, 1);
    expect(result.rekeyed).toMatchObject({ from: oldId });
    expect(result.reissued).toBe(2);
    expect(laptop.db.prepare("SELECT value FROM meta WHERE key = ?").pluck().get(`fork_kept.${oldId}`)).toBeUndefined();
    push(laptop.funnel, central.funnel);
    pull(central.funnel, copy.funnel);
    for (const node of [central, laptop, copy]) {
      expect(dataOf(node.db, recordIds[2])).toEqual({ agency: 'KSN' });
      expect(dataOf(node.db, recordIds[1])).toEqual({ agency: 'LAN' });
      expect(changeLog(node.db)).toEqual(changeLog(central.db));
    }
    oneChangePerAddress(central.db, laptop.db, copy.db);
  });

  it('keeps under the old id a write central lost in a restore that another device still holds, so it is not written twice', () => {
    // Replay of the fault harness: SYNC_FAULT_SEED=453318650 SYNC_FAULT_PATH=191. The other
    // device is a focal point's: it pushes only its own node's changes, so nothing but the
    // copy itself can give central that write again.
    const at = tempFile();
    const central = fileNode(at('central.db'));
    const laptop = fileNode(at('laptop.db'));
    const focal = fileNode(at('focal.db'));
    const oldId = laptop.funnel.nodeId;
    put(laptop, 0, { agency: 'BKN' }); // seq 1
    push(laptop.funnel, central.funnel);
    central.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(central.file, at('backup.db'));
    const copy = copyOf(laptop, at('copy.db'), () => 1_700_000_001_000);
    put(copy, 0, { position: 'Head' }); // the copy's seq 2
    put(copy, 1, { agency: 'LAN' }); // the copy's seq 3: creates the second expert
    push(copy.funnel, central.funnel);
    pull(central.funnel, focal.funnel);
    expect(dataOf(focal.db, recordIds[1])).toEqual({ agency: 'LAN' });

    // Central comes back from the backup (seq 1 only); the original's seq 2 reaches it first.
    central.db.close();
    copyFileSync(at('backup.db'), central.file);
    const restored = fileNode(central.file);
    put(laptop, 2, { agency: 'KSN' }); // the original's seq 2
    push(laptop.funnel, restored.funnel);
    const result = pull(restored.funnel, copy.funnel);
    // Only the write whose address central gave to the original's moves; seq 3 stays and is pushed as it is.
    expect(result.rekeyed).toEqual({ from: oldId, to: copy.funnel.nodeId, reissued: 1 });
    push(copy.funnel, restored.funnel);
    pull(restored.funnel, focal.funnel);
    pull(restored.funnel, laptop.funnel);
    for (const node of [restored, laptop, copy, focal]) {
      expect(dataOf(node.db, recordIds[0])).toEqual({ agency: 'BKN', position: 'Head' });
      expect(dataOf(node.db, recordIds[1])).toEqual({ agency: 'LAN' });
      expect(dataOf(node.db, recordIds[2])).toEqual({ agency: 'KSN' });
      expect(changeLog(node.db)).toEqual(changeLog(restored.db));
    }
    const creations = (changeLog(focal.db) as { fields: string }[]).filter((c) => c.fields === JSON.stringify({ agency: 'LAN' }));
    expect(creations).toHaveLength(1);
    oneChangePerAddress(restored.db, laptop.db, copy.db, focal.db);
  });

  it('moves a kept write when the other copy’s change reaches central at its address first', () => {
    const at = tempFile();
    const central = fileNode(at('central.db'));
    const laptop = fileNode(at('laptop.db'));
    const oldId = laptop.funnel.nodeId;
    put(laptop, 0, { agency: 'BKN' }); // seq 1
    push(laptop.funnel, central.funnel);
    const copy = copyOf(laptop, at('copy.db'), () => 1_700_000_001_000);
    put(laptop, 0, { position: 'Director' }); // the original's seq 2, at central first
    push(laptop.funnel, central.funnel);
    put(copy, 1, { agency: 'LAN' }); // the copy's seq 2: its address is taken, it moves
    put(copy, 2, { agency: 'KSN' }); // the copy's seq 3: central has none, it is kept
    expect(pull(central.funnel, copy.funnel).rekeyed).toMatchObject({ from: oldId, reissued: 1 });
    expect(copy.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(`fork_kept.${oldId}`)).toBe('[3]');
    // Before the copy pushes, the original writes its own seq 3 and central takes it.
    put(laptop, 1, { position: 'Head' });
    push(laptop.funnel, central.funnel);
    const result = pull(central.funnel, copy.funnel, central.funnel.feedHead() - 1);
    expect(result).toEqual({ rekeyed: undefined, reissued: 1 });
    expect(copy.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(`fork_kept.${oldId}`)).toBeUndefined();
    push(copy.funnel, central.funnel);
    pull(central.funnel, laptop.funnel);
    for (const node of [central, laptop, copy]) {
      expect(dataOf(node.db, recordIds[0])).toEqual({ agency: 'BKN', position: 'Director' });
      expect(dataOf(node.db, recordIds[1])).toEqual({ agency: 'LAN', position: 'Head' });
      expect(dataOf(node.db, recordIds[2])).toEqual({ agency: 'KSN' });
      expect(changeLog(node.db)).toEqual(changeLog(central.db));
    }
    oneChangePerAddress(central.db, laptop.db, copy.db);
  });

  it('takes central’s word, not the hub’s, on its own writes: a copy syncing with both writes nothing twice when the hub saw the other copy first', () => {
    // Replay of the fault harness: SYNC_FAULT_DUAL_FORK=1 SYNC_FAULT_SEED=2012779236 SYNC_FAULT_PATH=174 (one of its timings).
    const at = tempFile();
    const central = fileNode(at('central.db'));
    const hub = fileNode(at('hub.db'));
    const laptop = fileNode(at('laptop.db'));
    const oldId = laptop.funnel.nodeId;
    put(laptop, 0, { agency: 'BKN' }); // seq 1, everywhere
    push(laptop.funnel, central.funnel);
    push(hub.funnel, central.funnel);
    const copy = copyOf(laptop, at('copy.db'), () => 1_700_000_001_000);
    put(copy, 1, { agency: 'LAN' }); // the copy's seq 2, at central first
    push(copy.funnel, central.funnel);
    put(laptop, 2, { agency: 'KSN' }); // the original's seq 2, at the hub first
    push(laptop.funnel, hub.funnel);

    // The copy pulls from the hub: the hub shows another seq 2, but central holds the copy's.
    const fromHub = copy.funnel.receive(hub.funnel.feedAfter(0, 1e6).entries, { from: 'upstream', decides: false });
    expect(fromHub).toMatchObject({ deferred: 1 });
    expect(fromHub.rekeyed).toBeUndefined();
    expect(copy.funnel.nodeId).toBe(oldId);
    // The hub's relay is refused; it takes central's version. The original, pulling, is the one that moves.
    expect(() => push(hub.funnel, central.funnel, { ...central.funnel.vector(), [oldId]: 1 })).toThrow(AppError);
    pull(central.funnel, hub.funnel);
    expect(pull(hub.funnel, laptop.funnel).rekeyed).toMatchObject({ from: oldId, reissued: 1 });
    push(laptop.funnel, hub.funnel);
    push(hub.funnel, central.funnel);
    pull(central.funnel, hub.funnel);
    pull(central.funnel, copy.funnel);
    pull(hub.funnel, copy.funnel, 0, 1e6, false);
    pull(central.funnel, laptop.funnel);
    for (const node of [central, hub, laptop, copy]) {
      expect(dataOf(node.db, recordIds[1])).toEqual({ agency: 'LAN' });
      expect(dataOf(node.db, recordIds[2])).toEqual({ agency: 'KSN' });
      expect((changeLog(node.db) as { fields: string }[]).filter((c) => c.fields === JSON.stringify({ agency: 'LAN' }))).toHaveLength(1);
      expect(changeLog(node.db)).toEqual(changeLog(central.db));
    }
    oneChangePerAddress(central.db, hub.db, laptop.db, copy.db);
  });

  it('takes the hub’s word on an own address that upstream says it decides (one this node never sent to central)', () => {
    // Replay of the fault harness: SYNC_FAULT_DUAL_FORK=1 SYNC_FAULT_SEED=369022246 SYNC_FAULT_PATH=9.
    const at = tempFile();
    const hub = fileNode(at('hub.db'));
    const laptop = fileNode(at('laptop.db'));
    const oldId = laptop.funnel.nodeId;
    put(laptop, 0, { agency: 'BKN' }); // seq 1, sent to central and the hub
    push(laptop.funnel, hub.funnel);
    const copy = copyOf(laptop, at('copy.db'), () => 1_700_000_001_000);
    put(copy, 1, { agency: 'LAN' }); // the copy's seq 2, at the hub first
    push(copy.funnel, hub.funnel);
    put(laptop, 2, { agency: 'KSN' }); // the original's seq 2
    const page = () => hub.funnel.feedAfter(0, 1e6).entries;

    // Sent to central: the hub's version waits for central's word.
    const waiting = laptop.funnel.receive(page(), { from: 'upstream', decides: (origin, seq) => origin !== oldId || seq > 2 });
    expect(waiting).toMatchObject({ deferred: 1 });
    expect(laptop.funnel.nodeId).toBe(oldId);
    // Never sent to central: the hub's word stands, the write moves to a new id.
    const settled = laptop.funnel.receive(page(), { from: 'upstream', decides: (origin, seq) => origin !== oldId || seq > 1 });
    expect(settled.deferred).toBeUndefined();
    expect(settled.rekeyed).toMatchObject({ from: oldId, reissued: 1 });
    push(laptop.funnel, hub.funnel);
    pull(hub.funnel, copy.funnel);
    for (const node of [hub, laptop, copy]) {
      expect(dataOf(node.db, recordIds[1])).toEqual({ agency: 'LAN' });
      expect(dataOf(node.db, recordIds[2])).toEqual({ agency: 'KSN' });
      expect(changeLog(node.db)).toEqual(changeLog(hub.db));
    }
    oneChangePerAddress(hub.db, laptop.db, copy.db);
  });
});
