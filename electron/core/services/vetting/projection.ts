import { applicationState } from '../../../../shared/model/vetting/compute';
import { eventFromRecordData, eventFromRecordText, type VettingEvent } from '../../../../shared/model/vetting/events';
import type { Db } from '../../db/open';
import { recordKey, type Projection, type RecordStates, type StoredRecord, type Touched } from '../../changes/types';
import { readRaw } from '../experts/read';
import { readEvents } from './store';
import { listFieldsOf, recordUpdatedAt, summaryOf } from './summary';

/**
 * Keeps application_index, application_fts and application_reviewer (migration 010) in step
 * with the records: an application's row is recomputed when its record or one of its events
 * changes, locally or by sync, inside the funnel's transaction. Rows come from the records
 * alone (the stage from the events by the shared state machine), so every node lists the
 * same applications the same way.
 */
export function applicationProjection(db: Db): Projection {
  const s = {
    eventOwner: db.prepare("SELECT json_extract(data, '$.applicationId') FROM records WHERE entity = 'vetting_event' AND id = ?").pluck(),
    // The events of many applications in one statement, through the index on their application
    // (named: json_each's rows first, each looked up in it, never a scan of the events).
    eventsOf: db.prepare(
      `SELECT j.value AS owner, r.id AS id, r.data AS data FROM json_each(?) j CROSS JOIN records r INDEXED BY records_event_by_application
       WHERE r.entity = 'vetting_event' AND json_extract(r.data, '$.applicationId') = j.value`,
    ),
    seqOf: db.prepare('SELECT seq FROM application_index WHERE id = ?').pluck(),
    // An application listed already keeps its row (and seq): then this inserts nothing and returns no row.
    insert: db.prepare(
      `INSERT INTO application_index (id, stage, stage_since, submitted_at, country, nominating_country, sort_name, reviews_pending, updated_at, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq`,
    ).pluck(),
    update: db.prepare(
      `UPDATE application_index SET stage = ?, stage_since = ?, submitted_at = ?, country = ?, nominating_country = ?, sort_name = ?, reviews_pending = ?, updated_at = ?, summary = ?
       WHERE seq = ?`,
    ),
    remove: db.prepare('DELETE FROM application_index WHERE seq = ?'),
    removeFts: db.prepare('DELETE FROM application_fts WHERE rowid = ?'),
    insertFts: db.prepare('INSERT INTO application_fts (rowid, search) VALUES (?, ?)'),
    removeReviewers: db.prepare('DELETE FROM application_reviewer WHERE id = ?'),
    putReviewer: db.prepare('INSERT INTO application_reviewer (reviewer, id, assigned) VALUES (?, ?, ?)'),
  };

  /**
   * Rewrites one application's rows; its search row is only noted in `fts` (null: the row is
   * removed), for writeFts after every index row of the batch. FTS5 writes its pending terms
   * to disk as a new segment whenever a statement opens a savepoint, and every write to
   * application_index does (its stage-count triggers): interleaved, each application's search
   * row became a segment of its own, merged again and again (a bulk import spent ~130 µs per
   * application on its index and search rows, ~40 once grouped). Grouped, a batch's terms
   * are written once, at its first savepoint after them or at commit.
   */
  const reindex = (id: string, known: StoredRecord | undefined, fts: [rowid: number, search: string | null][], events?: readonly VettingEvent[]) => {
    const record = known ?? readRaw(db, 'application', id) ?? undefined;
    const fields = record ? listFieldsOf(record.data) : null;
    if (!record || !fields) {
      const seq = s.seqOf.get(id) as number | undefined;
      if (seq !== undefined) {
        // Reviewer rows exist only beside a list row (written and removed with it).
        s.removeReviewers.run(id);
        fts.push([seq, null]);
        s.remove.run(seq);
      }
      return;
    }
    const { summary: x, search, sortName, reviewers } = summaryOf(id, fields, recordUpdatedAt(record), applicationState(events ?? readEvents(db, id)));
    const columns = [x.stage, x.stageSince, x.submittedAt, x.country, x.nominatingCountry, sortName, x.reviewsPending, x.updatedAt, JSON.stringify(x)] as const;
    // A new list row (most rows an import or a first sync writes) in one statement; a listed
    // application's row is updated in place, its reviewer and search rows written again.
    let rowid = s.insert.get(id, ...columns) as number | undefined;
    if (rowid === undefined) {
      rowid = s.seqOf.get(id) as number;
      s.removeReviewers.run(id);
      s.update.run(...columns, rowid);
      fts.push([rowid, null]);
    }
    fts.push([rowid, search]);
    for (const [reviewer, assigned] of reviewers) s.putReviewer.run(reviewer, id, assigned ? 1 : 0);
  };
  /**
   * The events of several applications (as readEvents reads each), by application, in one
   * statement: a bulk import or a sync page updates hundreds at once. An event the batch wrote
   * or merged is taken as the batch holds it, parsed (its row's data, RecordStates).
   */
  const eventsOf = (ids: readonly string[], states: RecordStates): Map<string, VettingEvent[]> => {
    const out = new Map<string, VettingEvent[]>();
    for (const row of s.eventsOf.all(JSON.stringify(ids)) as { owner: string; id: string; data: string }[]) {
      const held = states.get(recordKey('vetting_event', row.id));
      const event = held ? eventFromRecordData(row.id, held.data, row.data) : eventFromRecordText(row.id, row.data);
      if (!event) continue;
      const mine = out.get(row.owner);
      if (mine) mine.push(event);
      else out.set(row.owner, [event]);
    }
    return out;
  };
  /** The search rows noted by reindex, in the order noted (a row's removal before its new text). */
  const writeFts = (fts: readonly [number, string | null][]) => {
    for (const [rowid, search] of fts) {
      if (search === null) s.removeFts.run(rowid);
      else s.insertFts.run(rowid, search);
    }
  };

  return {
    name: 'applications',
    version: 1,
    rebuild() {
      db.exec("DELETE FROM application_reviewer; DELETE FROM application_index; DELETE FROM application_fts;");
      const ids = db.prepare("SELECT id FROM records WHERE entity = 'application' ORDER BY id").pluck().all() as string[];
      const fts: [number, string | null][] = [];
      for (const id of ids) reindex(id, undefined, fts);
      writeFts(fts);
    },
    update(touched: Touched, states: RecordStates) {
      const ids = new Set(touched.get('application') ?? []);
      for (const eventId of touched.get('vetting_event') ?? []) {
        const owner = states.get(recordKey('vetting_event', eventId))?.data.applicationId ?? s.eventOwner.get(eventId);
        if (typeof owner === 'string') ids.add(owner);
      }
      const fts: [number, string | null][] = [];
      const events = ids.size > 1 ? eventsOf([...ids], states) : null;
      for (const id of ids) reindex(id, states.get(recordKey('application', id)), fts, events ? (events.get(id) ?? []) : undefined);
      writeFts(fts);
    },
  };
}
