import type { Migration } from '../migrate';

/**
 * An application's state is computed from its events every time it is read (shared/model/vetting),
 * so its events must be found without scanning every record: an index on the application each
 * vetting event belongs to.
 */
export const m009VettingEvents: Migration = {
  version: 9,
  name: 'vetting-events',
  up(db) {
    db.exec(`CREATE INDEX records_event_by_application ON records (json_extract(data, '$.applicationId')) WHERE entity = 'vetting_event';`);
  },
};
