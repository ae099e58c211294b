import type { Db } from '../../db/open';
import type { Projection, Touched } from '../../changes/types';

/** The kinds of record duplicate detection compares. */
export type DedupeEntity = 'expert' | 'application';

/**
 * Keeps dedupe_person and dedupe_key (migration 007) in step with the expert and application
 * records: one profile and its blocking keys per expert or application that is not deleted
 * (archived experts stay: an archived expert who applies again is still the same person;
 * closed applications stay too, and the vetting service leaves them out of its candidates,
 * since whether one is open is a matter of its events, not of its record). Rows are derived
 * from the records alone, so all nodes hold the same keys.
 *
 * Deferred: inside applyChanges' transaction this only notes the touched experts in
 * dedupe_pending (one cheap row each), so a first sync of many thousands of experts does not
 * pay for romanising names and parsing phones while it holds the write lock. pending.ts
 * recomputes them: every lookup drains the queue first (find.ts) and indexer.ts drains it in
 * batches when idle. Touched experts whose matching fields did not change cost one queue row
 * and, when drained, one comparison of profiles.
 */
export function dedupeProjection(db: Db): Projection {
  const s = {
    enqueue: db.prepare('INSERT OR IGNORE INTO dedupe_pending (entity, id) VALUES (?, ?)'),
  };
  return {
    name: 'dedupe',
    // Deferring changed when rows are derived, not which: still version 1.
    // 2: applications are indexed too.
    // 3: a name field holding only a title (Haji) is left out of the profile's forms.
    // 4: each person's agency is stored as a key too (a:), counted to weigh a shared agency; a
    //    one-word name has a j: key as well as its w: key.
    // 5: the profile holds the recorded gender and the degrees (institution and year); each
    //    degree is stored as a key too (g:), counted to weigh a shared degree.
    version: 5,
    rebuild() {
      db.exec(`DELETE FROM dedupe_key; DELETE FROM dedupe_person; DELETE FROM dedupe_pending;
        INSERT INTO dedupe_pending (entity, id) SELECT entity, id FROM records WHERE entity IN ('expert', 'application');`);
    },
    update(touched: Touched) {
      for (const entity of ['expert', 'application'] as const) for (const id of touched.get(entity) ?? []) s.enqueue.run(entity, id);
    },
  };
}
