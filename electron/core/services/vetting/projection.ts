import { applicationState } from '../../../../shared/model/vetting/compute';
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
    seqOf: db.prepare('SELECT seq FROM application_index WHERE id = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO application_index (id, stage, stage_since, submitted_at, country, nominating_country, sort_name, reviews_pending, updated_at, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
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

  const reindex = (id: string, known: StoredRecord | undefined) => {
    const seq = s.seqOf.get(id) as number | undefined;
    s.removeReviewers.run(id);
    const record = known ?? readRaw(db, 'application', id) ?? undefined;
    const fields = record ? listFieldsOf(record.data) : null;
    if (!record || !fields) {
      if (seq !== undefined) {
        s.removeFts.run(seq);
        s.remove.run(seq);
      }
      return;
    }
    const { summary: x, search, sortName, reviewers } = summaryOf(id, fields, recordUpdatedAt(record), applicationState(readEvents(db, id)));
    const columns = [x.stage, x.stageSince, x.submittedAt, x.country, x.nominatingCountry, sortName, x.reviewsPending, x.updatedAt, JSON.stringify(x)] as const;
    let rowid: number;
    if (seq === undefined) rowid = Number(s.insert.run(id, ...columns).lastInsertRowid);
    else {
      s.update.run(...columns, (rowid = seq));
      s.removeFts.run(rowid);
    }
    s.insertFts.run(rowid, search);
    for (const [reviewer, assigned] of reviewers) s.putReviewer.run(reviewer, id, assigned ? 1 : 0);
  };

  return {
    name: 'applications',
    version: 1,
    rebuild() {
      db.exec("DELETE FROM application_reviewer; DELETE FROM application_index; DELETE FROM application_fts;");
      const ids = db.prepare("SELECT id FROM records WHERE entity = 'application' ORDER BY id").pluck().all() as string[];
      for (const id of ids) reindex(id, undefined);
    },
    update(touched: Touched, states: RecordStates) {
      const ids = new Set(touched.get('application') ?? []);
      for (const eventId of touched.get('vetting_event') ?? []) {
        const owner = states.get(recordKey('vetting_event', eventId))?.data.applicationId ?? s.eventOwner.get(eventId);
        if (typeof owner === 'string') ids.add(owner);
      }
      for (const id of ids) reindex(id, states.get(recordKey('application', id)));
    },
  };
}
