import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CORE_BACKSTOP_PAGES, startCheckpointer, type Checkpointer } from './checkpointer';
import { openDatabase, type Db } from './open';

const until = async (ok: () => boolean, what: string) => {
  for (let i = 0; i < 400; i++) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('the log checkpointer thread', () => {
  let dir = '';
  let db: Db | null = null;
  let cp: Checkpointer | null = null;
  afterEach(async () => {
    await cp?.stop();
    db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    cp = db = null;
  });
  const open = () => {
    dir = mkdtempSync(join(tmpdir(), 'curator-checkpointer-'));
    const file = join(dir, 'curator.db');
    db = openDatabase(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    return { db, file };
  };
  const autocheckpoint = (d: Db) => d.pragma('wal_autocheckpoint', { simple: true });
  const writeMany = (d: Db, commits: number) => {
    const insert = d.prepare('INSERT INTO t (v) VALUES (?)');
    for (let c = 0; c < commits; c++) d.transaction(() => { for (let i = 0; i < 200; i++) insert.run('x'.repeat(500)); })();
  };

  it('takes the checkpoints off the core connection, copies the log back, and hands them back when stopped', async () => {
    const { db, file } = open();
    const seen: number[] = [];
    cp = startCheckpointer(db, { file, thresholdBytes: 64 * 1024, intervalMs: 10, onCheckpoint: (m) => seen.push(m.frames) });
    expect(cp).not.toBeNull();
    await until(() => cp!.active(), 'the thread to start');
    // The core's commits checkpoint only far past the thread's threshold, as a backstop.
    expect(autocheckpoint(db)).toBe(CORE_BACKSTOP_PAGES);
    writeMany(db, 20);
    await until(() => seen.some((f) => f > 0), 'a checkpoint by the thread');
    // Everything committed is there, for another connection too, and the file is sound.
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) FROM t').pluck().get()).toBe(4000);
    reader.close();
    await cp!.stop();
    expect(cp!.active()).toBe(false);
    expect(autocheckpoint(db)).toBe(1000);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The log was copied back and restarted: it is no longer the size of every write.
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(statSync(`${file}-wal`).size).toBe(0);
  });

  it('leaves the checkpoints with the core connection when no thread can start', () => {
    const { db, file } = open();
    cp = startCheckpointer(db, { file, where: () => null });
    expect(cp).toBeNull();
    expect(autocheckpoint(db)).toBe(1000);
  });

  it('hands the checkpoints back to the core connection when the thread fails', async () => {
    const { db, file } = open();
    const errors: string[] = [];
    // A thread whose code is missing fails as it starts.
    cp = startCheckpointer(db, { file, where: () => ({ file: new URL('file:///nonexistent/checkpoint-worker.js') }), onError: (m) => errors.push(m) });
    await until(() => errors.length > 0, 'the failure');
    expect(cp?.active() ?? false).toBe(false);
    expect(autocheckpoint(db)).toBe(1000);
  });
});
