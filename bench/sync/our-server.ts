/**
 * Child process of the sync bench: the real central server (server/ createSyncApp on the
 * SQLite store) on 127.0.0.1, holding the bench records. They are written by the server's own
 * node through the change funnel, authored by an admin added as `user add` adds one, so the
 * feed a device pulls is exactly what a loaded central server serves.
 *
 * usage (forked by ours.ts): our-server.ts <experts> <seed> <data dir>
 * Requests from the parent: { kind: 'user', name, role } → a new user and enrollment code;
 * { kind: 'counts' } → records by entity; { kind: 'vector' } → the server's version vector.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { createSyncApp } from '../../server/app';
import { tokenAuth } from '../../server/auth';
import { centralDbPath, openSqliteStore } from '../../server/sqlite/store';
import type { Role } from '../../shared/sync/protocol';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import type { Write } from '../../electron/core/changes/types';
import { openDatabase } from '../../electron/core/db/open';
import { childSide, failChild } from './child';
import { syncRecords } from './dataset';

export interface OurServerReady {
  url: string;
  records: number;
  fillMs: number;
}

/** Enrollment codes of the bench last an hour: it enrolls its devices right away. */
const CODE_TTL_MS = 3_600_000;

try {
  const experts = Number(process.argv[2]);
  const seed = Number(process.argv[3]);
  const dataDir = process.argv[4]!;
  mkdirSync(dataDir, { recursive: true });
  const file = centralDbPath(dataDir);

  let store = openSqliteStore(file);
  const admin = await store.accounts.createUser({ name: 'Bench Admin', email: 'admin@bench.example', role: 'admin', country: null }, 'server-admin:bench');
  await store.close();

  const t = performance.now();
  let records = 0;
  {
    const db = openDatabase(file);
    const funnel = new ChangeFunnel(db, []);
    let batch: Write[] = [];
    for (const r of syncRecords(experts, seed)) {
      batch.push(r);
      records++;
      if (batch.length === 1000) {
        funnel.write(admin.id, batch);
        batch = [];
      }
    }
    if (batch.length) funnel.write(admin.id, batch);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
  const fillMs = performance.now() - t;

  store = openSqliteStore(file);
  // Every device of the bench enrolls from 127.0.0.1: the per-address limit on enrollment
  // (10 a minute) is raised for it; the limit on other requests stays as served.
  const app = createSyncApp({ store, auth: tokenAuth(store.accounts), rateLimit: { max: 1200, enrollMax: 1000 } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const read = new Database(file, { readonly: true });
  const countByEntity = read.prepare('SELECT entity, count(*) AS n FROM records GROUP BY entity');
  let n = 0;

  childSide(
    { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, records, fillMs } satisfies OurServerReady,
    async (m) => {
      switch (m.kind) {
        case 'user': {
          n++;
          const user = await store.accounts.createUser(
            { name: String(m.name), email: `device${n}@bench.example`, role: m.role as Role, country: null },
            'server-admin:bench',
          );
          return { userId: user.id, code: (await store.accounts.issueEnrollmentCode(user.id, CODE_TTL_MS)).code };
        }
        case 'counts':
          return Object.fromEntries((countByEntity.all() as { entity: string; n: number }[]).map((r) => [r.entity, r.n]));
        case 'vector':
          return store.vector();
        default:
          throw new Error(`unknown request ${String(m.kind)}`);
      }
    },
    async () => {
      read.close();
      await app.close();
      await store.close();
    },
  );
} catch (error) {
  failChild(error);
}
