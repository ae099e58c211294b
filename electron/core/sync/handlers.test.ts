import Database from 'better-sqlite3';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../app';
import { testCores } from '../testing';

const { start, closeAll } = testCores();
afterEach(closeAll);

const code = 'ABCD-EFGH-JKLM-NPQR';

/** A loopback port nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('sync methods before a server is set up', () => {
  it('reports sync as off, and who writes is the operating-system user', async () => {
    const { call } = start();
    const status = await call('sync.status', {});
    expect(status).toMatchObject({ configured: false, serverUrl: null, user: null, state: 'off', waiting: 0, problems: 0, progress: null });
    const info = await call('app.info', {});
    expect(info.user).toBeNull();
    expect(info.actor).toBe('ana');
  });

  it('lists refused changes with the expert, the author and whether this computer wrote them', async () => {
    const { call, dataDir, core } = start();
    const expert = await call('experts.create', { expert: { givenName: 'Thu Hằng', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN' } });
    const db = new Database(join(dataDir, DATABASE_FILE));
    try {
      const userId = '01930000-0000-7000-8000-000000000001';
      db.prepare("INSERT INTO records (entity, id, data, stamps) VALUES ('user', ?, ?, '{}')").run(userId, JSON.stringify({ name: 'Somchai W.', role: 'focal_point', country: 'TH' }));
      const refuse = db.prepare('INSERT INTO refused_changes (origin, seq, kind, code, reason, change, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const change = (origin: string, seq: number, actor: string, entity: string, id: string, fields: object) => JSON.stringify({ origin, seq, hlc: '001700000000000-000000', actor, entity, id, op: 'put', fields });
      refuse.run('a1a1a1a1a1a1a1a1', 1, 'rejected', 'OUT_OF_SCOPE', 'Out of your country scope.', change('a1a1a1a1a1a1a1a1', 1, userId, 'expert', expert.id, { agency: 'X' }), 3);
      refuse.run(core.nodeId, 7, 'rejected', 'INVALID_VALUE', 'expert.email: not an email', change(core.nodeId, 7, 'ana', 'portfolio', '01930000-0000-7000-8000-0000000000aa', { expertId: expert.id, title: 'T' }), 2);
      // Written under the id this device had before a copy of its data folder made it take a new one.
      db.prepare("INSERT INTO meta (key, value) VALUES ('forked_from.d4d4d4d4d4d4d4d4', 'c3c3c3c3c3c3c3c3')").run();
      refuse.run('c3c3c3c3c3c3c3c3', 2, 'rejected', 'ROLE', 'Reviewers do not edit the directory.', change('c3c3c3c3c3c3c3c3', 2, 'ana', 'expert', expert.id, { agency: 'Y' }), 0);
      refuse.run('b2b2b2b2b2b2b2b2', 4, 'parked', 'UNKNOWN_FIELD', 'This version does not know the expert field "cv"; the change is kept and applied after an update.', change('b2b2b2b2b2b2b2b2', 4, 'joko', 'expert', '01930000-0000-7000-8000-0000000000bb', { cv: 'x' }), 1);
    } finally {
      db.close();
    }
    expect((await call('sync.status', {})).problems).toBe(4);
    const { items, total } = await call('sync.problems', { limit: 200 });
    expect(total).toBe(4);
    expect(items.map((p) => [p.seq, p.kind, p.code, p.entity, p.label, p.actor, p.own])).toEqual([
      [1, 'rejected', 'OUT_OF_SCOPE', 'expert', 'Nguyễn Thu Hằng', 'Somchai W.', false],
      [7, 'rejected', 'INVALID_VALUE', 'portfolio', 'Nguyễn Thu Hằng', 'ana', true],
      [4, 'parked', 'UNKNOWN_FIELD', 'expert', null, 'joko', false],
      [2, 'rejected', 'ROLE', 'expert', 'Nguyễn Thu Hằng', 'ana', true],
    ]);
    expect((await call('sync.problems', { limit: 1 })).items).toHaveLength(1);
  });

  it('refuses an unencrypted address to another computer and a malformed code, before any request', async () => {
    const { refuse } = start();
    expect((await refuse('sync.enroll', { serverUrl: 'http://192.168.1.20:8080', code })).code).toBe('INSECURE_URL');
    expect((await refuse('sync.enroll', { serverUrl: 'https://sync.accsm.example', code: 'ABCD' })).code).toBe('INVALID_INPUT');
    expect((await refuse('sync.enroll', { serverUrl: 'ftp://sync.accsm.example', code })).code).toBe('INVALID_INPUT');
  });

  it('says OFFLINE when the server cannot be reached, and stays off', async () => {
    const { call, refuse } = start();
    const port = await closedPort();
    const error = await refuse('sync.enroll', { serverUrl: `http://127.0.0.1:${port}`, code });
    expect(error.code).toBe('OFFLINE');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect((await call('sync.status', {})).state).toBe('off');
  });

  it('"Sync now" without a server says to set one up; signing out is harmless', async () => {
    const { call, refuse } = start();
    expect((await refuse('sync.now', {})).code).toBe('NOT_ALLOWED');
    expect((await call('sync.signOut', {})).state).toBe('off');
  });
});
