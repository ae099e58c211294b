import { randomBytes } from 'node:crypto';
import { formatHlc, parseHlc, receive, tick, type HlcState } from '../../../shared/sync/hlc';
import type { Db } from '../db/open';
import { applyChanges, type ApplyResult } from './apply';
import type { Change, Projection, Write } from './types';

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
    this.rebuildStaleProjections();
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

  /** Applies changes from another node (sync). Duplicates are skipped; a gap refuses the batch. */
  receive(changes: readonly Change[]): ApplyResult {
    const { result, clock } = this.db.transaction(() => {
      const result = applyChanges(this.db, changes, this.projections);
      const clock = result.maxHlc ? receive(this.clock, parseHlc(result.maxHlc), this.now()) : this.clock;
      this.setMeta.run('hlc', formatHlc(clock));
      return { result, clock };
    }).immediate();
    this.clock = clock;
    return result;
  }

  /** Every change in the log after `afterSeq` for one origin, in order: what sync sends. */
  changesSince(origin: string, afterSeq: number, limit = 1000): Change[] {
    const rows = this.since.all(origin, afterSeq, limit) as (Omit<Change, 'fields'> & { fields: string })[];
    return rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) }));
  }
}
