import type { Db } from '../../electron/core/db/open';
import { readRaw } from '../../electron/core/services/experts/read';
import { readEvents } from '../../electron/core/services/vetting/store';
import { listFieldsOf, recordUpdatedAt, summaryOf } from '../../electron/core/services/vetting/summary';
import { applicationState } from '../../shared/model/vetting/compute';

/**
 * The import bench's raw reference (main.ts): the rows a real import left behind, written
 * again into another database of the app's schema by plain prepared INSERT statements, in the
 * import's batches. What a hand-written importer would have ready — each row's texts (the
 * records' JSON and stamps, the change log's fields, the list row's summary, the search text)
 * — is read or computed before the timed part, so the reference is the cost of storing the
 * same rows, as the foundation's `funnel.ratio_vs_raw` measures the change funnel against.
 *
 * Per application: its record and its `submitted` event's (records), their two changes with
 * their feed rows, its dedupe queue row, its list row (application_index, whose triggers
 * count it in application_stage_count as the schema has it), its reviewer rows (none for a new
 * application) and its search row (application_fts); per batch, the clock saved in meta.
 * raw.test.ts checks that this writes the same tables with the same row counts as the import.
 */

type Row = unknown[];

export interface RawBatch {
  changes: Row[];
  feed: Row[];
  records: Row[];
  pending: Row[];
  index: Row[];
  reviewers: Row[];
  search: Row[];
  /** The greatest clock value of the batch's changes: what the funnel saves after the batch. */
  hlc: string;
}

/** The rows an import wrote into `db` for its applications, grouped as its batches of `batchRows`. */
export function importedRows(db: Db, batchRows: number): RawBatch[] {
  const q = {
    // In the order the import wrote them (the change log's), which is the order of their list rows too.
    applications: db.prepare("SELECT id FROM changes WHERE entity = 'application' GROUP BY id ORDER BY min(rowid)").pluck(),
    // Not ORDER BY id: that leads SQLite's planner to the primary key, a scan of every event per application.
    events: db.prepare("SELECT id FROM records WHERE entity = 'vetting_event' AND json_extract(data, '$.applicationId') = ?").pluck(),
    record: db.prepare('SELECT entity, id, data, stamps FROM records WHERE entity = ? AND id = ?').raw(),
    changes: db.prepare('SELECT origin, seq, hlc, actor, entity, id, op, fields FROM changes WHERE entity = ? AND id = ? ORDER BY origin, seq').raw(),
    pending: db.prepare('SELECT entity, id FROM dedupe_pending WHERE entity = ? AND id = ?').raw(),
    index: db.prepare('SELECT seq, id, stage, stage_since, submitted_at, country, nominating_country, sort_name, reviews_pending, updated_at, summary FROM application_index WHERE id = ?').raw(),
    reviewers: db.prepare('SELECT reviewer, id, assigned FROM application_reviewer WHERE id = ?').raw(),
  };
  const ids = q.applications.all() as string[];
  const batches: RawBatch[] = [];
  for (let start = 0; start < ids.length; start += batchRows) {
    const b: RawBatch = { changes: [], feed: [], records: [], pending: [], index: [], reviewers: [], search: [], hlc: '' };
    for (const id of ids.slice(start, start + batchRows)) {
      for (const [entity, recordId] of [['application', id], ...(q.events.all(id) as string[]).sort().map((e) => ['vetting_event', e])] as [string, string][]) {
        b.records.push(...(q.record.all(entity, recordId) as Row[]));
        b.pending.push(...(q.pending.all(entity, recordId) as Row[]));
        for (const c of q.changes.all(entity, recordId) as Row[]) {
          b.changes.push(c);
          b.feed.push([c[0], c[1]]);
          if ((c[2] as string) > b.hlc) b.hlc = c[2] as string;
        }
      }
      const index = q.index.all(id) as Row[];
      b.index.push(...index);
      b.reviewers.push(...(q.reviewers.all(id) as Row[]));
      // The search text as the applications projection derives it (its FTS table keeps no copy).
      const record = readRaw(db, 'application', id)!;
      const fields = listFieldsOf(record.data);
      if (fields && index[0]) b.search.push([index[0][0], summaryOf(id, fields, recordUpdatedAt(record), applicationState(readEvents(db, id))).search]);
    }
    // The funnel stamps a batch's changes in order: their feed rows come in (origin, seq) order.
    b.feed.sort((x, y) => (x[0] === y[0] ? (x[1] as number) - (y[1] as number) : (x[0] as string) < (y[0] as string) ? -1 : 1));
    batches.push(b);
  }
  return batches;
}

/** Writes the batches by plain prepared statements, one transaction per batch, table by table. */
export function writeRaw(db: Db, batches: readonly RawBatch[]): void {
  const s = {
    changes: db.prepare('INSERT INTO changes (origin, seq, hlc, actor, entity, id, op, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    feed: db.prepare('INSERT INTO feed (origin, oseq) VALUES (?, ?)'),
    records: db.prepare('INSERT INTO records (entity, id, data, stamps) VALUES (?, ?, ?, ?)'),
    pending: db.prepare('INSERT INTO dedupe_pending (entity, id) VALUES (?, ?)'),
    index: db.prepare(
      'INSERT INTO application_index (seq, id, stage, stage_since, submitted_at, country, nominating_country, sort_name, reviews_pending, updated_at, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    reviewers: db.prepare('INSERT INTO application_reviewer (reviewer, id, assigned) VALUES (?, ?, ?)'),
    search: db.prepare('INSERT INTO application_fts (rowid, search) VALUES (?, ?)'),
    hlc: db.prepare("INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
  };
  const tables = ['changes', 'feed', 'records', 'pending', 'index', 'reviewers', 'search'] as const;
  for (const b of batches) {
    db.transaction(() => {
      for (const t of tables) for (const row of b[t]) s[t].run(row);
      if (b.hlc) s.hlc.run(b.hlc);
    })();
  }
}
