import { randomBytes } from 'node:crypto';
import { formatHlc, parseHlc, receive, tick, type HlcState } from '../../../shared/sync/hlc';
import type { Db } from '../db/open';
import { AppError } from '../../../shared/contract/result';
import { changeAddressSchema, checkReceivedChange, knowsChange } from '../../../shared/sync/change';
import { applyChanges, isNextInSequence, type ApplyResult } from './apply';
import type { Change, Projection, Write } from './types';

export interface RefusedChange {
  origin: string;
  seq: number;
  kind: 'rejected' | 'parked';
  reason: string;
}

export interface ReceiveResult extends ApplyResult {
  /** Changes of the batch kept aside, each with its reason; acknowledged all the same. */
  refused: RefusedChange[];
}

function mergeResults(into: ReceiveResult, part: ApplyResult): void {
  into.applied += part.applied;
  into.duplicates += part.duplicates;
  if (part.maxHlc && (!into.maxHlc || part.maxHlc > into.maxHlc)) into.maxHlc = part.maxHlc;
  for (const [entity, ids] of part.touched) {
    const held = into.touched.get(entity);
    if (held) for (const id of ids) held.add(id);
    else into.touched.set(entity, new Set(ids));
  }
}

/**
 * This node's side of the change funnel: its identity, its clock, and the two entries into
 * applyChanges — local writes (stamped here) and changes received from other nodes.
 */
export class ChangeFunnel {
  readonly nodeId: string;
  private clock: HlcState;
  private readonly getMeta;
  private readonly setMeta;
  private readonly maxSeq;
  private readonly since;
  private readonly refuse;

  constructor(
    private readonly db: Db,
    private readonly projections: readonly Projection[],
    private readonly now: () => number = Date.now,
  ) {
    this.getMeta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    this.setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.maxSeq = db.prepare('SELECT max(seq) FROM changes WHERE origin = ?').pluck();
    this.since = db.prepare('SELECT origin, seq, hlc, actor, entity, id, op, fields FROM changes WHERE origin = ? AND seq > ? ORDER BY seq LIMIT ?');
    let nodeId = this.getMeta.get('node_id') as string | undefined;
    if (!nodeId) {
      nodeId = randomBytes(8).toString('hex');
      this.setMeta.run('node_id', nodeId);
    }
    this.nodeId = nodeId;
    this.refuse = db.prepare('INSERT INTO refused_changes (origin, seq, kind, reason, change, received_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.rebuildStaleProjections();
    this.applyParked();
    const saved = this.getMeta.get('hlc') as string | undefined;
    this.clock = saved ? parseHlc(saved) : { wall: 0, counter: 0 };
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

  /**
   * Stamps local writes with the next seqs and clock values and applies them, in one
   * transaction. The clock in memory moves only after commit, so a rolled-back write
   * leaves no trace.
   */
  write(actor: string, writes: readonly Write[]): ApplyResult {
    if (writes.length === 0) return { applied: 0, duplicates: 0, maxHlc: null, touched: new Map() };
    const { result, clock: next } = this.db.transaction(() => {
      let clock = this.clock;
      let seq = (this.maxSeq.get(this.nodeId) as number | null) ?? 0;
      const changes: Change[] = writes.map((w) => {
        clock = tick(clock, this.now());
        return { origin: this.nodeId, seq: ++seq, hlc: formatHlc(clock), actor, entity: w.entity, id: w.id, op: 'put', fields: w.fields };
      });
      const result = applyChanges(this.db, changes, this.projections);
      this.setMeta.run('hlc', formatHlc(clock));
      return { result, clock };
    }).immediate();
    this.clock = next;
    return result;
  }

  /**
   * Applies changes from another node (sync), each checked by value first (shared/sync/change.ts).
   * A change that fails is kept in refused_changes with its reason, as rejected (never
   * applied) or parked (applied once this app knows its entity and fields), and counts as
   * received, so its origin's later changes still apply. Duplicates are skipped; a gap, or a
   * change that does not even say which it is (origin, seq), refuses the whole batch.
   */
  receive(received: readonly unknown[]): ReceiveResult {
    const addressed = received.map((c, i) => {
      const address = changeAddressSchema.safeParse(c);
      if (!address.success) {
        throw new AppError('INVALID_INPUT', `Change ${i + 1} of the batch does not say where it comes from (origin and number); nothing from this batch was saved.`);
      }
      return { ...address.data, change: c as Change };
    });
    addressed.sort((a, b) => (a.origin === b.origin ? a.seq - b.seq : a.origin < b.origin ? -1 : 1));
    const { result, clock } = this.db.transaction(() => {
      const total: ReceiveResult = { applied: 0, duplicates: 0, maxHlc: null, touched: new Map(), refused: [] };
      let run: Change[] = [];
      const flush = () => {
        if (!run.length) return;
        mergeResults(total, applyChanges(this.db, run, this.projections));
        run = [];
      };
      for (const { origin, seq, change } of addressed) {
        const verdict = checkReceivedChange(change);
        if (verdict.kind === 'ok') {
          run.push(change);
          continue;
        }
        // What came before it from this origin goes in first, so the sequence stays in order.
        flush();
        // Read from the database each time: runs applied in between moved the sequence on.
        if (!isNextInSequence(this.db, new Map(), origin, seq)) {
          total.duplicates++;
          continue;
        }
        this.refuse.run(origin, seq, verdict.kind, verdict.reason, JSON.stringify(change), this.now());
        total.refused.push({ origin, seq, kind: verdict.kind, reason: verdict.reason });
      }
      flush();
      const clock = total.maxHlc ? receive(this.clock, parseHlc(total.maxHlc), this.now()) : this.clock;
      this.setMeta.run('hlc', formatHlc(clock));
      return { result: total, clock };
    }).immediate();
    this.clock = clock;
    return result;
  }

  /**
   * Applies the parked changes this version now knows (an older one parked them), each checked
   * by value like any received change; one that now fails is rejected with its reason.
   */
  private applyParked(): void {
    const parked = this.db.prepare("SELECT origin, seq, change FROM refused_changes WHERE kind = 'parked' ORDER BY origin, seq").all() as { origin: string; seq: number; change: string }[];
    const ready = parked.filter((p) => {
      const c = JSON.parse(p.change) as Change;
      return knowsChange(c.entity, c.fields ?? {});
    });
    if (!ready.length) return;
    const unpark = this.db.prepare('DELETE FROM refused_changes WHERE origin = ? AND seq = ?');
    const reject = this.db.prepare("UPDATE refused_changes SET kind = 'rejected', reason = ? WHERE origin = ? AND seq = ?");
    this.db.transaction(() => {
      const apply: Change[] = [];
      for (const p of ready) {
        const change = JSON.parse(p.change) as Change;
        const verdict = checkReceivedChange(change);
        if (verdict.kind === 'ok') {
          unpark.run(p.origin, p.seq);
          apply.push(change);
        } else {
          reject.run(verdict.reason, p.origin, p.seq);
        }
      }
      if (apply.length) applyChanges(this.db, apply, this.projections, { parked: true });
    }).immediate();
  }

  /** Changes received but not applied, newest first: what the curator is shown. */
  refusedChanges(limit = 200): RefusedChange[] {
    return this.db.prepare('SELECT origin, seq, kind, reason FROM refused_changes ORDER BY received_at DESC, origin, seq LIMIT ?').all(limit) as RefusedChange[];
  }

  /** Every change in the log after `afterSeq` for one origin, in order: what sync sends. */
  changesSince(origin: string, afterSeq: number, limit = 1000): Change[] {
    const rows = this.since.all(origin, afterSeq, limit) as (Omit<Change, 'fields'> & { fields: string })[];
    return rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) }));
  }
}
