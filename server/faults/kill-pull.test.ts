import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { firstDifference, readState } from './state';
import { openDevice, startServerNode, type Device, type ServerNode } from './nodes';

/**
 * A device process killed with SIGKILL in the middle of a first sync (the snapshot stream) and
 * again in the middle of a pull of pages. After each kill the database passes
 * `PRAGMA integrity_check`, and holds exactly the entries of central's feed up to the saved
 * cursor — no entry applied past it, none missing before it: the page and its cursor were
 * saved in one transaction. Then it resumes and ends identical to central.
 */
const child = fileURLToPath(new URL('./kill-child.ts', import.meta.url));
const DAY = 86_400_000;

let root: string;
let central: ServerNode | null = null;
const open: (Device | Db)[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) o.close();
  await central?.down();
  central = null;
  rmSync(root, { recursive: true, force: true });
});

/** Runs the child until the device holds `killAt` changes, then SIGKILLs it. Resolves true if it was killed mid-sync. */
function syncAndKill(dataDir: string, token: string, killAt: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir], { env: { ...process.env, SYNC_KILL_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let reader: Database.Database | null = null;
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setInterval(() => {
      if (!out.includes('syncing')) return;
      try {
        reader ??= new Database(join(dataDir, 'curator.db'), { readonly: true, fileMustExist: true });
        const held = reader.prepare('SELECT count(*) FROM changes').pluck().get() as number;
        if (held >= killAt) proc.kill('SIGKILL');
      } catch {
        // The child has not created its tables yet.
      }
    }, 2);
    proc.on('exit', (code, signal) => {
      clearInterval(timer);
      reader?.close();
      if (signal === 'SIGKILL') resolve(true);
      else if (code === 0) resolve(false);
      else reject(new Error(`the device process failed (${code}): ${err}`));
    });
  });
}

/** Central's feed up to `seq`, as the distinct (origin, seq) entries it names. */
function feedUpTo(db: Db, seq: number): string[] {
  return (db.prepare('SELECT DISTINCT origin, oseq FROM feed WHERE seq <= ? ORDER BY origin, oseq').raw().all(seq) as [string, number][]).map(([o, s]) => `${o}/${s}`);
}
function held(db: Db): string[] {
  return (db.prepare('SELECT origin, seq FROM changes UNION SELECT origin, seq FROM refused_changes ORDER BY 1, 2').raw().all() as [string, number][]).map(([o, s]) => `${o}/${s}`);
}

async function checkAfterKill(dataDir: string): Promise<{ cursor: number; held: number }> {
  const db = openDatabase(join(dataDir, 'curator.db'));
  try {
    expect((db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
    const cursor = db.prepare("SELECT cursor_seq FROM sync_remote WHERE id = 'central'").pluck().get() as number;
    const serverDb = openDatabase(central!.file);
    try {
      expect(firstDifference(feedUpTo(serverDb, cursor), held(db))).toBeNull();
    } finally {
      serverDb.close();
    }
    return { cursor, held: held(db).length };
  } finally {
    db.close();
  }
}

describe('a device killed with SIGKILL during a pull', () => {
  it('passes the integrity check, holds exactly what its cursor says, and resumes to convergence', async () => {
    root = mkdtempSync(join(tmpdir(), 'curator-kill-'));
    central = await startServerNode(join(root, 'central'));
    const ana = await central.addUser({ name: 'Ana', email: 'ana@accsm.org', role: 'curator', country: null });
    const writer = openDevice(join(root, 'writer'), { skewMs: 0 }, 'writer', { pageSize: 1000 });
    open.push(writer);
    await writer.enroll('central', central.url()!, await ana.code());
    const writeMany = (n: number) => {
      for (let i = 0; i < n; i++) writer.experts.create({ expert: { givenName: `Lan ${i}`, familyName: 'Nguyễn', country: 'VN' } as never, portfolio: [] });
    };
    writeMany(600);
    await writer.sync('central');

    // The device enrolls (the remote row is in its folder); its process gets the token by environment.
    const dataDir = join(root, 'killed');
    const device = openDevice(dataDir, { skewMs: 0 }, 'killed');
    await device.enroll('central', central.url()!, await ana.code());
    device.close();
    const code = (await central.store().accounts.issueEnrollmentCode(ana.user.id, DAY)).code;
    const enrolled = await fetch(`${central.url()}/sync/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, node: '0000000000000001', deviceName: 'child' }) });
    const childToken = ((await enrolled.json()) as { token: string }).token;

    // Killed twice in the first sync's snapshot stream, at different depths.
    const kills: { cursor: number; held: number }[] = [];
    for (const at of [100, 400]) {
      expect(await syncAndKill(dataDir, childToken, at)).toBe(true);
      kills.push(await checkAfterKill(dataDir));
    }
    // Then central moves on, and the device is killed while it pulls pages.
    expect(await syncAndKill(dataDir, childToken, 1_000_000)).toBe(false);
    writeMany(250);
    await writer.sync('central');
    const before = await checkAfterKill(dataDir);
    expect(await syncAndKill(dataDir, childToken, before.held + 100)).toBe(true);
    kills.push(await checkAfterKill(dataDir));
    expect(kills[0]!.cursor).toBeGreaterThan(0);
    expect(kills[2]!.cursor).toBeGreaterThan(before.cursor);

    // Resumes in process and ends identical to central.
    const resumed = openDevice(dataDir, { skewMs: 0 }, 'killed');
    open.push(resumed);
    resumed.useToken('central', childToken);
    await resumed.sync('central');
    const serverDb = openDatabase(central.file);
    open.push(serverDb);
    const mine = readState(resumed.db, { projection: false });
    const theirs = readState(serverDb, { projection: false });
    expect(firstDifference(theirs.records, mine.records)).toBeNull();
    expect(firstDifference(theirs.changes, mine.changes)).toBeNull();
    expect(resumed.db.prepare("SELECT count(*) FROM records WHERE entity = 'expert'").pluck().get()).toBe(850);
  }, 120_000);
});
