import { checkReceivedChange, knowsChange } from '../../../shared/sync/change';
import type { Db } from '../db/open';
import { applyChanges } from './apply';
import type { Change, Projection } from './types';

/**
 * Applies the changes this node parked that this version now knows (an older one parked
 * them), each checked by value like any received change; one that now fails is rejected with
 * its reason. Each one applied gets a feed row (applyChanges), so nodes pulling from this one
 * see it applied. A change parked by upstream's verdict is upstream's to apply: skipped.
 */
export function applyParked(db: Db, projections: readonly Projection[]): void {
  const parked = db.prepare("SELECT origin, seq, change FROM refused_changes WHERE kind = 'parked' AND upstream = 0 ORDER BY origin, seq").all() as {
    origin: string;
    seq: number;
    change: string;
  }[];
  const ready = parked.filter((p) => {
    const c = JSON.parse(p.change) as Change;
    return knowsChange(c.entity, c.fields ?? {});
  });
  if (!ready.length) return;
  const unpark = db.prepare('DELETE FROM refused_changes WHERE origin = ? AND seq = ?');
  const reject = db.prepare("UPDATE refused_changes SET kind = 'rejected', code = ?, reason = ? WHERE origin = ? AND seq = ?");
  const feed = db.prepare('INSERT INTO feed (origin, oseq) VALUES (?, ?)');
  db.transaction(() => {
    const apply: Change[] = [];
    for (const p of ready) {
      const change = JSON.parse(p.change) as Change;
      const verdict = checkReceivedChange(change);
      if (verdict.kind === 'ok') {
        unpark.run(p.origin, p.seq);
        apply.push(change);
      } else {
        reject.run(verdict.code, verdict.reason, p.origin, p.seq);
        feed.run(p.origin, p.seq);
      }
    }
    if (apply.length) applyChanges(db, apply, projections, { sequenced: true });
  }).immediate();
}
