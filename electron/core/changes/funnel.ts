import { randomBytes } from 'node:crypto';
import { formatHlc, parseHlc, receive, type HlcState } from '../../../shared/sync/hlc';
import type { VersionVector } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import { type ApplyResult } from './apply';
import type { Entry } from './entry';
import { feedAfter, feedHead, missingFrom, versionVector, type FeedEntry } from './feed';
import { settleOwn } from './fork';
import { issueWrites, type AuthoredWrite } from './issue';
import { applyParked } from './parked';
import { addressEntries, receiveEntries, type ReceiveOptions, type ReceiveResult, type RefusedChange } from './receive';
import { recomputeRecords } from './replay';
import type { Change, Projection, Touched, Write } from './types';

export type { Authorize, ClockWarning, ReceiveOptions, ReceiveResult, RefusedChange } from './receive';
export type { FeedEntry } from './feed';

const newId = () => randomBytes(8).toString('hex');

/**
 * This node's side of the change funnel: its identity, its clock, its feed, and the two
 * entries into applyChanges — local writes (stamped here) and entries from other nodes
 * (receive: pushed from downstream, or pulled from upstream). The sync server and client,
 * and a workshop hub, all stand on this class; it never imports 'electron'.
 *
 * Identity and clock change in memory only after their transaction commits, so a rolled-back
 * batch leaves no trace. Read `nodeId` fresh each time: a fork gives the node a new one.
 */
export class ChangeFunnel {
  private id: string;
  private clock: HlcState;
  private epochId: string;
  private readonly getMeta;
  private readonly setMeta;

  constructor(
    private readonly db: Db,
    private readonly projections: readonly Projection[],
    private readonly now: () => number = Date.now,
  ) {
    this.getMeta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    this.setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.id = this.metaOrMint('node_id');
    this.epochId = this.metaOrMint('epoch');
    this.rebuildStaleProjections();
    applyParked(db, projections);
    const saved = this.getMeta.get('hlc') as string | undefined;
    this.clock = saved ? parseHlc(saved) : { wall: 0, counter: 0 };
  }

  /** This node's id, the origin of its own changes. Changes when a fork is resolved. */
  get nodeId(): string {
    return this.id;
  }

  /** The id of this database's feed; pull cursors are only valid within one epoch. */
  get epoch(): string {
    return this.epochId;
  }

  /**
   * Starts a new epoch: for a server opened from a backup, whose feed may have lost entries
   * that clients' cursors have passed. Clients seeing it pull from 0 and push what it lacks.
   */
  newEpoch(): string {
    const epoch = newId();
    this.setMeta.run('epoch', epoch);
    this.epochId = epoch;
    return epoch;
  }

  private metaOrMint(key: string): string {
    let value = this.getMeta.get(key) as string | undefined;
    if (!value) this.setMeta.run(key, (value = newId()));
    return value;
  }

  /**
   * A projection derived by an older version of the app (another index layout or text
   * folding) is rebuilt from the records before anything reads it, in one transaction, so a
   * crash midway leaves the old version recorded and the rebuild runs again next time.
   */
  private rebuildStaleProjections(): void {
    for (const p of this.projections) {
      const key = `projection.${p.name}`;
      if (this.getMeta.get(key) === String(p.version)) continue;
      this.db.transaction(() => {
        p.rebuild();
        this.setMeta.run(key, String(p.version));
      }).immediate();
    }
  }

  /** Stamps local writes (issue.ts) and applies them, in one transaction. */
  write(actor: string, writes: readonly Write[]): ApplyResult {
    if (writes.length === 0) return { applied: 0, duplicates: 0, maxHlc: null, touched: new Map() };
    const { result, clock } = this.db.transaction(() => {
      const out = issueWrites(this.db, this.projections, this.id, this.clock, this.now(), writes, actor);
      this.setMeta.run('hlc', formatHlc(out.clock));
      return out;
    }).immediate();
    this.clock = clock;
    return result;
  }

  /**
   * Stores entries from another node (receive.ts has the rules per direction), in one
   * transaction. From upstream, a held entry that differs is replaced and its records are
   * recomputed; when it is one of this node's own, this node is a copy: it takes a new id
   * and writes again under it its own changes whose address upstream gave to another change
   * (fork.ts), reported as `rekeyed`.
   * Errors (SEQ_GAP, ORIGIN_FORKED, INVALID_INPUT) save nothing of the batch.
   */
  receive(received: readonly unknown[], options: ReceiveOptions = {}): ReceiveResult {
    const entries = addressEntries(received);
    const now = this.now();
    const { result, clock, id } = this.db.transaction(() => {
      const affected: Touched = new Map();
      let reissue: AuthoredWrite[] = [];
      let id = this.id;
      const settled = options.from === 'upstream' ? settleOwn(this.db, id, entries, options.decides ?? true) : undefined;
      if (settled) {
        reissue = settled.writes;
        for (const [entity, ids] of settled.touched) for (const x of ids) addTo(affected, entity, x);
      }
      if (settled?.forkedAt !== undefined) {
        id = newId();
        this.setMeta.run('node_id', id);
        this.setMeta.run(`forked_from.${id}`, this.id);
      }
      const stored = settled?.deferred.size ? entries.filter((e) => !settled.deferred.has(e)) : entries;
      const result = receiveEntries(this.db, this.projections, stored, { ...options, now, affected });
      if (settled?.deferred.size) result.deferred = settled.deferred.size;
      for (const [entity, ids] of recomputeRecords(this.db, affected, this.projections)) for (const x of ids) addTo(result.touched, entity, x);
      let clock = result.maxHlc ? receive(this.clock, parseHlc(result.maxHlc), now) : this.clock;
      if (reissue.length || id !== this.id) {
        const issued = issueWrites(this.db, this.projections, id, clock, now, reissue);
        clock = issued.clock;
        for (const [entity, ids] of issued.result.touched) for (const x of ids) addTo(result.touched, entity, x);
        if (id !== this.id) result.rekeyed = { from: this.id, to: id, reissued: issued.result.applied };
        else result.reissued = issued.result.applied;
      }
      this.setMeta.run('hlc', formatHlc(clock));
      options.inTransaction?.();
      return { result, clock, id };
    }).immediate();
    this.clock = clock;
    this.id = id;
    return result;
  }

  /** Feed rows after `afterSeq` with their entries' current state: what a pull serves. */
  feedAfter(afterSeq: number, limit = 1000): { entries: FeedEntry[]; head: number } {
    return feedAfter(this.db, afterSeq, limit);
  }

  feedHead(): number {
    return feedHead(this.db);
  }

  /** For each origin, the highest seq held, applied or refused. */
  vector(): VersionVector {
    return versionVector(this.db);
  }

  /** The entries a remote with vector `remote` lacks, in (origin, seq) order: what a push sends. */
  missingFrom(remote: VersionVector, limit = 1000): Entry[] {
    return missingFrom(this.db, remote, limit);
  }

  /** Changes received but not applied, newest first: what the curator is shown. */
  refusedChanges(limit = 200): RefusedChange[] {
    return this.db
      .prepare('SELECT origin, seq, kind, code, reason FROM refused_changes ORDER BY received_at DESC, origin, seq LIMIT ?')
      .all(limit) as RefusedChange[];
  }

  /** Every applied change in the log after `afterSeq` for one origin, in order. */
  changesSince(origin: string, afterSeq: number, limit = 1000): Change[] {
    const rows = this.db
      .prepare('SELECT origin, seq, hlc, actor, entity, id, op, fields FROM changes WHERE origin = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(origin, afterSeq, limit) as (Omit<Change, 'fields'> & { fields: string })[];
    return rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) }));
  }
}

function addTo(touched: Touched, entity: string, id: string): void {
  let ids = touched.get(entity);
  if (!ids) touched.set(entity, (ids = new Set()));
  ids.add(id);
}
