import {
  cursorSchema,
  MAX_PULL_LIMIT,
  MAX_PUSH_ENTRIES,
  pullResponseSchema,
  pushResponseSchema,
  SYNC_PREFIX,
  type Cursor,
  type PullResponse,
  type PushResponse,
  type VersionVector,
  type WireChange,
} from '../../../shared/sync/protocol';
import type { ChangeFunnel } from '../changes/funnel';
import type { Db } from '../db/open';
import { blobRefs, downloadMissing, referencedButMissing, uploadMissing, type BlobTarget } from './blobs';
import { requestJson, SyncError, type Fetch } from './http';
import { createAnnouncer } from './announcer';
import { Pacer, SNAPSHOT_TRANSACTION_MS } from './pacer';
import { readSnapshot } from './snapshot-reader';
import type { RemoteStore } from './remotes';
import type { CycleContext, CycleReport } from './service';
import { lacking } from './vector';

/**
 * One sync cycle with one remote: push what it lacks, pull what is new (a snapshot stream the
 * first time), then fetch the blobs pulled records name. The invariant that makes a crash
 * harmless: every page (or snapshot chunk) is applied in ONE transaction with the cursor that
 * follows it, so after a crash the cursor names exactly what is applied, and a repeat of a
 * page is a no-op anyway.
 */

export interface EngineDeps {
  db: Db;
  funnel: ChangeFunnel;
  remotes: RemoteStore;
  fetch: Fetch;
  now: () => number;
  /** Records changed by a pull: the UI refreshes (the 'changed' event). */
  changed: (entities: string[]) => void;
  /**
   * At most one 'changed' per this many ms while pages or snapshot chunks are applied (default
   * 1000), so the directory fills during a long first sync without every chunk reloading it.
   */
  announceEveryMs?: number;
  /** Fixed sizes (tests); by default both adapt so one transaction holds the core's thread ~100 ms. */
  pageSize?: number;
  snapshotChunk?: number;
  /** Yields to other work between transactions (the core's thread answers calls meanwhile). */
  pause?: () => Promise<void>;
  /**
   * Read central's first-sync snapshot on a thread of its own (snapshot-reader.ts): only where
   * `fetch` reaches central with the platform's fetch, as the app's routed transport does.
   */
  snapshotThread?: boolean;
}

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createEngine(deps: EngineDeps) {
  const pushPage = Math.min(deps.pageSize ?? MAX_PUSH_ENTRIES, MAX_PUSH_ENTRIES);
  const pacer = new Pacer(deps.pageSize ?? null);
  const chunks = new Pacer(deps.snapshotChunk ?? null, 50, 5000, 250, SNAPSHOT_TRANSACTION_MS);
  const pause = deps.pause ?? yieldTurn;
  const { db, remotes } = deps;
  const announceEvery = deps.announceEveryMs ?? 1000;
  let blobsOwed = true;

  return async function runCycle(ctx: CycleContext): Promise<CycleReport> {
    const id = ctx.remote.id;
    const target: BlobTarget = { fetch: deps.fetch, baseUrl: ctx.remote.baseUrl, token: ctx.token, signal: ctx.signal };
    const call = <T>(path: string, schema: Parameters<typeof requestJson>[4], body: unknown) =>
      requestJson(deps.fetch, ctx.remote.baseUrl, 'POST', `${SYNC_PREFIX}${path}`, schema, { token: ctx.token, body }) as Promise<T>;
    let warning: CycleReport['warning'] = null;
    // Which of this node's own changes stand is central's word when this device syncs with central
    // too: a workshop hub may hold the other copy's change where central holds this one's (changes/fork.ts).
    // Only where this device ever sent its own change to central itself: elsewhere the hub's word is
    // central's too, and a laptop enrolled there but at the workshop must not wait for it.
    const centralDecides = id === 'central' || !remotes.get('central');
    const sentToCentral = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    const decides = centralDecides || ((origin: string, seq: number) => seq > Number(sentToCentral.get(`central_sent.${origin}`) ?? 0));
    /** What this cycle applied, announced as it goes (announcer.ts). */
    const touched = createAnnouncer(deps.changed, deps.now, announceEvery);
    const pulledBlobs = new Set<string>();
    const stopIfAsked = () => {
      if (ctx.signal.aborted) throw new SyncError('OFFLINE', 'Sync was stopped.', true);
    };

    /**
     * Stores a page (or snapshot chunk) and the cursor after it in the funnel's one transaction:
     * both commit or neither does. (Not a transaction around receive: the funnel's identity and
     * clock in memory follow its own transaction's commit.)
     */
    const apply = (entries: readonly unknown[], cursor: Cursor, extra: () => void, checked?: ReadonlyMap<unknown, string>) => {
      const result = deps.funnel.receive(entries, {
        from: 'upstream',
        decides,
        ...(checked ? { checked } : {}),
        inTransaction: () => {
          remotes.saveCursor(id, cursor);
          extra();
        },
      });
      touched.add(result.touched.keys());
      const skew = result.clockWarnings[0];
      if (skew) {
        const days = Math.max(1, Math.round(skew.aheadMs / 86_400_000));
        warning = { code: 'CLOCK_SKEW', message: `Changes from another computer carry a clock about ${days} day(s) ahead. They were applied; ask that computer's user to correct its date and time.` };
      }
      for (const h of blobRefs(entries as WireChange[])) pulledBlobs.add(h);
    };

    // Only an admin or curator may pass on other users' changes; the server refuses the rest with
    // ROLE, and that verdict would stand for every node, even when the author's own laptop sends the
    // change next (after a restore from backup, any laptop holds changes the server lost). So a focal
    // point's or reviewer's device pushes only the changes of this node and of the ids it had before a fork.
    const relays = ctx.remote.user.role === 'admin' || ctx.remote.user.role === 'curator';
    const ownIds = () => new Set([deps.funnel.nodeId, ...(db.prepare("SELECT value FROM meta WHERE key LIKE 'forked_from.%'").pluck().all() as string[])]);
    const withoutOthers = (theirs: VersionVector): VersionVector => {
      const own = ownIds();
      const view = { ...theirs };
      for (const [origin, seq] of Object.entries(deps.funnel.vector())) if (!own.has(origin)) view[origin] = Math.max(view[origin] ?? 0, seq);
      return view;
    };

    /** Before a push to central: the highest own seq per origin ever sent there, even if the answer is lost (the hub defers on those). */
    function noteSentToCentral(page: readonly WireChange[]): void {
      const own = ownIds();
      const top = new Map<string, number>();
      for (const e of page) if (own.has(e.origin)) top.set(e.origin, Math.max(top.get(e.origin) ?? 0, e.seq));
      const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER)) AS TEXT)');
      for (const [origin, seq] of top) set.run(`central_sent.${origin}`, String(seq));
    }

    async function push(): Promise<{ epoch: string | null }> {
      let theirs: VersionVector = remotes.get(id)?.vector ?? {};
      let epoch: string | null = null;
      let pushSize = pushPage;
      const total = lacking(deps.funnel.vector(), theirs);
      let done = 0;
      for (let guard = 0; guard < 100_000; guard++) {
        stopIfAsked();
        const page = deps.funnel.missingFrom(relays ? theirs : withoutOthers(theirs), pushSize);
        if (!page.length) break;
        ctx.progress({ phase: 'push', done, total: Math.max(total, done + page.length) });
        await uploadMissing(db, target, blobRefs(page));
        let answer;
        try {
          // The epoch pulled last: a server restored since refuses this request even if it arrives late.
          const pulled = remotes.get(id)?.cursor?.epoch;
          if (id === 'central') noteSentToCentral(page);
          answer = await call<PushResponse>('/push', pushResponseSchema, { node: deps.funnel.nodeId, changes: page, ...(pulled ? { epoch: pulled } : {}) });
        } catch (error) {
          // The server lacks earlier entries of an origin (it lost them): start that origin where it says.
          if (error instanceof SyncError && error.serverCode === 'SEQ_GAP' && typeof error.details?.origin === 'string' && typeof error.details.expected === 'number') {
            theirs = { ...theirs, [error.details.origin]: Math.max(0, error.details.expected - 1) };
            continue;
          }
          // Changes with large fields can make a page too big for the server: send smaller pages.
          if (error instanceof SyncError && (error.serverCode === 'PAYLOAD_TOO_LARGE' || error.serverCode === 'BATCH_TOO_LONG') && pushSize > 1) {
            pushSize = Math.ceil(pushSize / 2);
            continue;
          }
          throw error;
        }
        epoch = answer.epoch;
        theirs = answer.vector;
        remotes.saveVector(id, theirs);
        done += page.length;
        // A server that acknowledged nothing new would make this loop spin: stop and let the next cycle retry.
        if (page.every((e) => (theirs[e.origin] ?? 0) < e.seq)) throw new SyncError('SERVER_ERROR', 'The server did not keep the changes sent. The app tries again later; if this persists, tell the secretariat.', true);
      }
      return { epoch };
    }

    async function snapshot(from: Cursor | null): Promise<void> {
      let done = 0;
      const source = { fetch: deps.fetch, baseUrl: ctx.remote.baseUrl, token: ctx.token, signal: ctx.signal, after: from?.seq ?? 0, size: () => chunks.size };
      for await (const chunk of readSnapshot(source, deps.snapshotThread === true && id === 'central')) {
        if (chunk.changes.length || chunk.final) {
          const cursor = { epoch: chunk.epoch, seq: chunk.seq };
          const t0 = performance.now();
          apply(chunk.changes, cursor, () => (chunk.final ? remotes.saveCursor(id, cursor, true) : undefined), chunk.checked);
          chunks.record(chunk.changes.length, performance.now() - t0);
          done += chunk.changes.length;
          touched.soon();
        }
        ctx.progress({ phase: 'snapshot', done, total: chunk.count });
        if (chunk.changes.length) await pause();
        stopIfAsked();
      }
    }

    /** Pulls pages to the head. Returns whether the server's epoch changed (it was restored from a backup). */
    async function pull(): Promise<boolean> {
      const start = remotes.get(id)!;
      let cursor = start.cursor;
      if (!cursor || !start.snapshotDone) {
        await snapshot(cursor);
        cursor = remotes.get(id)!.cursor;
      }
      let epochChanged = false;
      const from = cursor?.seq ?? 0;
      for (;;) {
        stopIfAsked();
        const page = await call<PullResponse>('/pull', pullResponseSchema, { cursor, limit: Math.min(pacer.size, MAX_PULL_LIMIT) });
        const next = cursorSchema.parse(page.cursor);
        if (cursor && next.epoch !== cursor.epoch) epochChanged = true;
        const t0 = performance.now();
        apply(page.changes, next, () => remotes.saveVector(id, page.vector));
        pacer.record(page.changes.length, performance.now() - t0);
        touched.soon();
        cursor = next;
        ctx.progress({ phase: 'pull', done: Math.max(0, next.seq - from), total: Math.max(0, page.head - from) });
        if (!page.more) break;
        await pause();
      }
      return epochChanged;
    }

    async function fetchBlobs(): Promise<void> {
      // The full scan of records runs once per session and after a failure; otherwise only what was just pulled.
      const wanted = blobsOwed ? referencedButMissing(db) : pulledBlobs;
      blobsOwed = false;
      if (!wanted.size) return;
      ctx.progress({ phase: 'blobs', done: 0, total: wanted.size });
      const failed = await downloadMissing(db, target, wanted, deps.now);
      blobsOwed = failed.length > 0;
      if (wanted.size > failed.length) touched.add(['expert']);
    }

    // What was committed is announced even when the cycle fails part-way (the chunks before stay applied).
    try {
      const pushed = await pushWithForkRecovery();
      const epochChanged = await pull();
      // A server restored from a backup (new epoch) lost what it held after the backup: send it again,
      // now that its vector is known; likewise after a fork was settled by the pull.
      if (epochChanged || pushed.epochChanged || pushed.forked) {
        const again = await pushWithForkRecovery();
        // (From a hub that does not decide, a fork stays until central settles it: a new id here,
        // or the hub takes central's version. Its changes wait for the next cycle meanwhile.)
        if (again.forked && centralDecides) throw new SyncError('ORIGIN_FORKED', 'Another copy of this data folder keeps sending different changes under the same identity. Sync stopped; tell the secretariat which computers share this data.', false, 'ORIGIN_FORKED');
      }
      await fetchBlobs();
      ctx.progress(null);
      return { warning };
    } finally {
      touched.flush();
    }

    async function pushWithForkRecovery(): Promise<{ forked: boolean; epochChanged: boolean }> {
      try {
        const { epoch } = await push();
        const held = remotes.get(id)?.cursor;
        // A new epoch seen on push: pull from the beginning of the new feed (the snapshot).
        if (epoch && held && held.epoch !== epoch) {
          remotes.saveCursor(id, null, false);
          return { forked: false, epochChanged: true };
        }
        return { forked: false, epochChanged: false };
      } catch (error) {
        // Another copy of this data folder pushed under this node's id: the pull brings upstream's
        // version, the funnel re-issues this copy's writes under a new id, and the next push sends them.
        if (error instanceof SyncError && error.serverCode === 'ORIGIN_FORKED') return { forked: true, epochChanged: false };
        // The server was restored from a backup: pull its new feed from the beginning, then push.
        if (error instanceof SyncError && error.serverCode === 'EPOCH_CHANGED') {
          remotes.saveCursor(id, null, false);
          return { forked: false, epochChanged: true };
        }
        throw error;
      }
    }
  };
}
