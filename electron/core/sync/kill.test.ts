import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { expertDefaults } from '../../../shared/model/expert';
import { ChangeFunnel } from '../changes/funnel';
import { openDatabase, type Db } from '../db/open';
import { expertProjection } from '../services/experts/projection';
import { loadShippedTaxonomy } from '../services/taxonomy-resource';
import { createEngine } from './engine';
import { RemoteStore } from './remotes';
import { runServer, type RunningServer } from './testing';

/** A device killed with SIGKILL in the middle of its first sync: the file is sound, the cursor names exactly what is applied, and it resumes. */

const child = fileURLToPath(new URL('./kill-child.ts', import.meta.url));
let central: RunningServer | null = null;
let proc: ChildProcess | null = null;
const dbs: Db[] = [];
afterEach(async () => {
  proc?.kill('SIGKILL');
  proc = null;
  for (const db of dbs.splice(0)) if (db.open) db.close();
  await central?.close();
  central = null;
});

const taxonomy = loadShippedTaxonomy();
function open(file: string) {
  const db = openDatabase(file);
  dbs.push(db);
  return { db, funnel: new ChangeFunnel(db, [expertProjection(db, taxonomy)]), remotes: new RemoteStore(db) };
}

describe('a device killed during a pull', () => {
  it('passes integrity_check, holds exactly what its cursor covers, and resumes', async () => {
    central = await runServer();
    // The server holds 300 experts from another device.
    const writer = open(join(mkdtempSync(join(tmpdir(), 'curator-kill-w-')), 'curator.db'));
    const wUser = await central.user({ name: 'Writer' });
    const w = await central.store.accounts.enroll(wUser.code, writer.funnel.nodeId, 'w');
    if (w.kind !== 'ok') throw new Error('enroll');
    writer.funnel.write(
      wUser.id,
      Array.from({ length: 300 }, (_, i) => ({ entity: 'expert', id: uuidv7(), fields: { ...expertDefaults, givenName: `Expert ${i}`, country: 'BN', status: 'active', statusReason: '' } })),
    );
    writer.remotes.enroll({ id: 'central', baseUrl: central.url, pin: null, tokenId: w.tokenId, user: w.user, now: Date.now() });
    await createEngine({ db: writer.db, funnel: writer.funnel, remotes: writer.remotes, fetch, now: Date.now, changed: () => {} })({
      remote: writer.remotes.get('central')!,
      token: w.token,
      signal: new AbortController().signal,
      progress: () => {},
    });

    const file = join(mkdtempSync(join(tmpdir(), 'curator-kill-')), 'curator.db');
    const reader = open(file);
    const rUser = await central.user({ name: 'Reader' });
    const r = await central.store.accounts.enroll(rUser.code, reader.funnel.nodeId, 'r');
    if (r.kind !== 'ok') throw new Error('enroll');
    reader.remotes.enroll({ id: 'central', baseUrl: central.url, pin: null, tokenId: r.tokenId, user: r.user, now: Date.now() });
    reader.db.close();

    proc = spawn(process.execPath, ['--import', 'tsx', child, file, r.token], { stdio: ['ignore', 'pipe', 'pipe'] });
    const killed = await new Promise<boolean>((resolve, reject) => {
      let lines = 0;
      proc!.stdout!.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        if (text.includes('done')) resolve(false);
        lines += text.split('\n').filter(Boolean).length;
        if (lines >= 4) {
          proc!.kill('SIGKILL');
          resolve(true);
        }
      });
      proc!.on('exit', () => resolve(false));
      proc!.on('error', reject);
    });
    expect(killed).toBe(true);
    await new Promise((resolve) => (proc!.exitCode !== null || proc!.signalCode !== null ? resolve(null) : proc!.once('exit', resolve)));

    const after = open(file);
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const saved = after.remotes.get('central')!;
    expect(saved.snapshotDone).toBe(false);
    // Exactly the server's feed up to the cursor is held here: no more, no less.
    const served = (await central.store.pull(0, 5000)).entries;
    const covered = served.filter((e) => e.seq <= (saved.cursor?.seq ?? 0)).map((e) => `${e.change.origin}/${e.change.seq}`).sort();
    const held = (after.db.prepare('SELECT origin, seq FROM changes').all() as { origin: string; seq: number }[]).map((c) => `${c.origin}/${c.seq}`).sort();
    expect(held).toEqual(covered);
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBeLessThan(served.length);

    await createEngine({ db: after.db, funnel: after.funnel, remotes: after.remotes, fetch, now: Date.now, changed: () => {} })({
      remote: saved,
      token: r.token,
      signal: new AbortController().signal,
      progress: () => {},
    });
    expect(after.db.prepare("SELECT count(*) FROM records WHERE entity = 'expert'").pluck().get()).toBe(300);
    expect(after.db.prepare('SELECT count(*) FROM expert_index').pluck().get()).toBe(300);
    expect(after.remotes.get('central')!.snapshotDone).toBe(true);
  });
});
