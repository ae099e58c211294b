import { applicationState } from '../../../../shared/model/vetting/compute';
import type { Db } from '../../db/open';
import { recordKey, type Projection, type RecordStates, type Touched } from '../../changes/types';
import { readApplication, readEvents } from './store';
import { summaryOf } from './summary';

/**
 * Keeps application_index and application_reviewer (migration 010) in step with the records:
 * an application's row is recomputed when its record or one of its events changes, locally
 * or by sync, inside the funnel's transaction. Rows come from the records alone (the stage
 * from the events by the shared state machine), so every node lists the same rows.
 */
export function applicationProjection(db: Db): Projection {
  const s = {
    eventOwner: db.prepare("SELECT json_extract(data, '$.applicationId') FROM records WHERE entity = 'vetting_event' AND id = ?").pluck(),
    put: db.prepare(
      `INSERT OR REPLACE INTO application_index (id, stage, stage_since, submitted_at, country, nominating_country, sort_name, search, reviews_pending, updated_at, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    remove: db.prepare('DELETE FROM application_index WHERE id = ?'),
    removeReviewers: db.prepare('DELETE FROM application_reviewer WHERE id = ?'),
    putReviewer: db.prepare('INSERT INTO application_reviewer (reviewer, id, assigned) VALUES (?, ?, ?)'),
  };

  const reindex = (id: string) => {
    s.removeReviewers.run(id);
    const app = readApplication(db, id);
    if (!app) {
      s.remove.run(id);
      return;
    }
    const { summary: x, search, sortName, reviewers } = summaryOf(app, applicationState(readEvents(db, id)));
    s.put.run(id, x.stage, x.stageSince, x.submittedAt, x.country, x.nominatingCountry, sortName, search, x.reviewsPending, x.updatedAt, JSON.stringify(x));
    for (const [reviewer, assigned] of reviewers) s.putReviewer.run(reviewer, id, assigned ? 1 : 0);
  };

  return {
    name: 'applications',
    version: 1,
    rebuild() {
      db.exec('DELETE FROM application_reviewer; DELETE FROM application_index;');
      const ids = db.prepare("SELECT id FROM records WHERE entity = 'application' ORDER BY id").pluck().all() as string[];
      for (const id of ids) reindex(id);
    },
    update(touched: Touched, states: RecordStates) {
      const ids = new Set(touched.get('application') ?? []);
      for (const eventId of touched.get('vetting_event') ?? []) {
        const owner = states.get(recordKey('vetting_event', eventId))?.data.applicationId ?? s.eventOwner.get(eventId);
        if (typeof owner === 'string') ids.add(owner);
      }
      for (const id of ids) reindex(id);
    },
  };
}
