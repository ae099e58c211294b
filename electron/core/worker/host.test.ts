import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { DATABASE_FILE } from '../app';
import { startCoreWorker, type CoreHandle } from './host';

/** The real core on a real worker thread and a real SQLite file, driven as the transports drive it. */

const dirs: string[] = [];
const handles: CoreHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.splice(0).map((h) => h.close().catch(() => undefined)));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'curator-worker-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir = tempDir()): Promise<CoreHandle> {
  const handle = await startCoreWorker({ dataDir, mode: 'test', actor: 'worker.test' });
  handles.push(handle);
  return handle;
}

describe('the core in a worker thread', () => {
  it('answers dispatch with the same Results as in-thread, on a thread of its own', async () => {
    const core = await start();
    expect(core.threadId).not.toBe(threadId);
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, value: { mode: 'test', expertCount: 0, nodeId: core.nodeId } });
    const created = await core.dispatch('experts.create', { expert: { givenName: 'Siti', familyName: 'Rahmawati', country: 'ID' } });
    expect(created).toMatchObject({ ok: true, value: { givenName: 'Siti' } });
    expect(await core.dispatch('experts.create', { expert: { givenName: 'Siti', country: 'XX' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.dispatch('experts.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('serves photo thumbnails from the core thread as bytes, and nothing for an unknown photo or size', async () => {
    const core = await start();
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } }).png().toBuffer();
    const put = await core.dispatch('attachments.putPhoto', { mime: 'image/png', dataBase64: png.toString('base64') });
    if (!put.ok) throw new Error(put.error.message);
    const { hash } = put.value as { hash: string };
    const file = await core.photoFile(hash, 96);
    expect(file?.mime).toBe('image/webp');
    expect(await sharp(Buffer.from(file!.bytes)).metadata()).toMatchObject({ width: 96, height: 96, format: 'webp' });
    expect(await core.photoFile(hash, 97)).toBeNull();
    expect(await core.photoFile('0'.repeat(64), 96)).toBeNull();
  });

  it('serves a stored document from the core thread with its recorded type, and nothing for a photo or an unknown hash', async () => {
    const dataDir = tempDir();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
    // Stored as applications.putAttachment stores it, before the core opens the file.
    const { openDatabase } = await import('../db/open');
    const { putAttachment } = await import('../services/attachments');
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    const { hash } = await putAttachment(db, 'cv.pdf', pdf);
    db.close();
    const core = await start(dataDir);
    const file = await core.attachmentFile(hash);
    expect(file?.mime).toBe('application/pdf');
    expect(Buffer.from(file!.bytes).equals(pdf)).toBe(true);
    expect(await core.attachmentFile('0'.repeat(64))).toBeNull();
  });

  it('relays the core events to every listener, and stops relaying to one that unsubscribed', async () => {
    const core = await start();
    const seen: unknown[] = [];
    const gone: unknown[] = [];
    core.on('changed', (p) => seen.push(p));
    const off = core.on('changed', (p) => gone.push(p));
    off();
    await core.dispatch('experts.create', { expert: { givenName: 'Budi', familyName: 'Santoso', country: 'ID' } });
    await expect.poll(() => seen).toEqual([{ entities: ['expert'] }]);
    expect(gone).toEqual([]);
  });

  it('answers quick calls while a long demo load is still running', async () => {
    const core = await start();
    // Everything below is ordered by when the answers and events reach this thread; no clock is read.
    const log: string[] = [];
    let quick: Promise<unknown> | null = null;
    core.on('progress', (p) => {
      log.push(p.finished ? 'demo finished' : `demo at ${p.done}`);
      // Once the load has begun, ask two quick questions.
      if (!quick) {
        quick = Promise.all([
          core.dispatch('app.info', {}).then((r) => log.push(`app.info ${r.ok}`)),
          core.dispatch('experts.search', { query: 'a' }).then((r) => log.push(`experts.search ${r.ok}`)),
        ]);
      }
    });
    const demo = await core.dispatch('demo.load', { experts: 2000, seed: 7 });
    await quick;
    expect(demo).toMatchObject({ ok: true, value: { created: 2000 } });
    expect(log).toContain('app.info true');
    expect(log).toContain('experts.search true');
    const finished = log.indexOf('demo finished');
    expect(finished).toBeGreaterThan(0);
    expect(log.indexOf('app.info true')).toBeLessThan(finished);
    expect(log.indexOf('experts.search true')).toBeLessThan(finished);
    // And the load really was in the middle: batches were committed after the quick answers.
    expect(log.slice(log.indexOf('experts.search true')).some((l) => /^demo at [1-9]/.test(l))).toBe(true);
  });

  it('close() checkpoints the WAL and ends the thread; later calls get a Result, not an exception', async () => {
    const dataDir = tempDir();
    const core = await startCoreWorker({ dataDir, mode: 'test', actor: 'worker.test' });
    await core.dispatch('experts.create', { expert: { givenName: 'Somchai', familyName: 'Wongsakul', country: 'TH' } });
    await core.close();
    const wal = join(dataDir, `${DATABASE_FILE}-wal`);
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM records WHERE entity = 'expert'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
    const after = await core.dispatch('app.info', {});
    expect(after).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!after.ok && after.error.message).toMatch(/Start it again/);
  });

  it('a call still running when the app closes is answered, and every batch before it stays committed', async () => {
    const dataDir = tempDir();
    const core = await startCoreWorker({ dataDir, mode: 'test', actor: 'worker.test' });
    let closing: Promise<void> | null = null;
    core.on('progress', (p) => {
      if (p.done > 0 && !closing) closing = core.close();
    });
    const demo = await core.dispatch('demo.load', { experts: 2000, seed: 3 });
    await closing;
    expect(demo).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const experts = db.prepare("SELECT count(*) FROM records WHERE entity = 'expert'").pluck().get() as number;
      // Whole batches of 500, never a part of one.
      expect(experts % 500).toBe(0);
      expect(experts).toBeGreaterThan(0);
      expect(experts).toBeLessThan(2000);
    } finally {
      db.close();
    }
  });

  it('rejects with AppError DB_TOO_NEW for a database from a newer app, and leaves it alone', async () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.pragma('user_version = 9999');
    db.close();
    const error = await startCoreWorker({ dataDir, mode: 'test' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'DB_TOO_NEW', message: expect.stringMatching(/newer version of A-EXPECS Curator/) });
    const after = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(9999);
    after.close();
  });

  it('rejects with the driver error for a data file that is not a database', async () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, DATABASE_FILE), 'not a database');
    await expect(startCoreWorker({ dataDir, mode: 'test' })).rejects.toMatchObject({ code: 'SQLITE_NOTADB', message: expect.stringMatching(/not a database/) });
    expect(readFileSync(join(dataDir, DATABASE_FILE), 'utf8')).toBe('not a database');
  });

  describe('a core thread that dies', () => {
    /** A stand-in worker entry speaking the protocol, which fails the way a crashed core would. */
    function fakeEntry(body: string): string {
      const file = join(tempDir(), 'entry.mjs');
      writeFileSync(file, `import { parentPort } from 'node:worker_threads';\n${body}`);
      return file;
    }

    it('answers calls in flight and later calls with INTERNAL, without the exception text', async () => {
      const entry = fakeEntry(`
        parentPort.postMessage({ type: 'ready', nodeId: 'n1' });
        parentPort.on('message', (m) => { if (m.type === 'call') throw new Error('secret /home/ana/curator.db'); });
      `);
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const core = await startCoreWorker({ dataDir: tempDir(), mode: 'test', entry });
        const inFlight = await core.dispatch('app.info', {});
        expect(inFlight).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/Restart the app/) } });
        expect(JSON.stringify(inFlight)).not.toContain('secret');
        expect(await core.dispatch('app.info', {})).toEqual(inFlight);
        expect(logged).toHaveBeenCalled();
        // SQLite kept every committed transaction, but the clean close (checkpoint) never happened: say so.
        await expect(core.close()).rejects.toThrow(/not have been closed cleanly/);
      } finally {
        logged.mockRestore();
      }
    });

    it('rejects the start when the thread dies before the core is open', async () => {
      const entry = fakeEntry(`process.exit(3);`);
      await expect(startCoreWorker({ dataDir: tempDir(), mode: 'test', entry })).rejects.toThrow(/exit code 3/);
    });
  });
});
