import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../core/app';

/** `npm run web` as a real child process: what a curator sees on the terminal, and a clean shutdown. */

const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'curator-cli-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Curator</title>');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every child a test started; one still running after the test (a failed assertion) is stopped. */
const children = new Set<ChildProcess>();
afterEach(async () => {
  await Promise.all(
    [...children].map(async (child) => {
      children.delete(child);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    }),
  );
});

function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const firstLine = new Promise<string>((done, failed) => {
    child.stdout.on('data', () => {
      if (stdout.includes('\n')) done(stdout.split('\n')[0]!);
    });
    child.on('exit', () => failed(new Error(`exited before printing: ${stderr}`)));
  });
  // Runs that are expected to exit early never await the line; keep that from being an unhandled rejection.
  firstLine.catch(() => undefined);
  return { child, exited, firstLine, output: () => ({ stdout, stderr }) };
}

describe('browser-mode CLI', () => {
  it('prints the launch URL with a token, serves the app, and closes the database on SIGTERM', async () => {
    const dataDir = join(root, 'data-ok');
    const run = runCli(['--data-dir', dataDir, '--renderer', rendererDir]);
    const line = await run.firstLine;
    const match = /^A-EXPECS Curator is running in browser mode at (http:\/\/127\.0\.0\.1:\d+\/)#token=([A-Za-z0-9_-]{43})$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, base, token] = match!;

    expect((await fetch(base!)).status).toBe(200);
    const info = await fetch(`${base}rpc/app.info`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' });
    expect(await info.json()).toMatchObject({ ok: true, value: { mode: 'web', expertCount: 0 } });
    const created = await fetch(`${base}rpc/experts.create`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ expert: { givenName: 'Siti', familyName: 'Rahmawati', country: 'ID' } }),
    });
    expect((await created.json()).ok).toBe(true);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    // The WAL was checkpointed into the main file: the database is one consistent file.
    const wal = join(dataDir, `${DATABASE_FILE}-wal`);
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect((db.prepare("SELECT count(*) AS n FROM records WHERE entity = 'expert'").get() as { n: number }).n).toBe(1);
    } finally {
      db.close();
    }
  });

  it('says that the renderer must be built when it is missing', async () => {
    const run = runCli(['--data-dir', join(root, 'data-unbuilt'), '--renderer', join(root, 'nowhere')]);
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toContain('npm run build');
  });

  it('refuses a database written by a newer app, with its message, and leaves it alone', async () => {
    const dataDir = join(root, 'data-new');
    mkdirSync(dataDir);
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.pragma('user_version = 9999');
    db.close();
    const run = runCli(['--data-dir', dataDir, '--renderer', rendererDir]);
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/newer version of A-EXPECS Curator.*\(DB_TOO_NEW\)/);
    const after = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(9999);
    after.close();
  });

  it('says which folder could not be opened when the data file is not a database, and leaves it alone', async () => {
    const dataDir = join(root, 'data-damaged');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, DATABASE_FILE), 'this is not a database, but a curator may have put it here');
    const run = runCli(['--data-dir', dataDir, '--renderer', rendererDir]);
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toContain(`The data in ${dataDir} could not be opened`);
    expect(run.output().stderr).toContain('Nothing was changed');
    expect(readFileSync(join(dataDir, DATABASE_FILE), 'utf8')).toMatch(/^this is not a database/);
  });

  it('explains a bad option', async () => {
    const run = runCli(['--port', 'eighty']);
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/--port must be a whole number/);
  });
});
