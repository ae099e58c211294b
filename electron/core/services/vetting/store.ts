import { applicationDefaults, applicationFieldsSchema, type ApplicationFields } from '../../../../shared/model/vetting/application';
import { eventFromRecordText, type VettingEvent } from '../../../../shared/model/vetting/events';
import { hlcWallMs } from '../../../../shared/sync/hlc';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import { readRaw } from '../experts/read';

/**
 * Reads vetting records back: an application (its merged fields, defaults for any not yet
 * received) and its events. Every service of vetting reads through here; writes go through
 * the change funnel only.
 */

export interface StoredApplication {
  id: string;
  fields: ApplicationFields;
  createdAt: number;
  updatedAt: number;
}

const statements = perConnection((db) => ({
  events: db.prepare("SELECT id, data FROM records WHERE entity = 'vetting_event' AND json_extract(data, '$.applicationId') = ?"),
}));

/**
 * The application with this id, or null when there is none (or it was deleted). A field whose
 * stored value no longer passes its schema (written by a newer app) reads as its default.
 */
export function readApplication(db: Db, id: string): StoredApplication | null {
  const raw = readRaw(db, 'application', id);
  if (!raw || typeof raw.data.givenName !== 'string' || raw.data.deletedAt) return null;
  const fields: Record<string, unknown> = { ...applicationDefaults };
  for (const [key, schema] of Object.entries(applicationFieldsSchema.shape)) {
    if (!Object.hasOwn(raw.data, key)) continue;
    const parsed = schema.safeParse(raw.data[key]);
    if (parsed.success) fields[key] = parsed.data;
  }
  let created = Infinity;
  let updated = 0;
  for (const stamp of Object.values(raw.stamps)) {
    const at = hlcWallMs(stamp[0]);
    created = Math.min(created, at);
    updated = Math.max(updated, at);
  }
  return { id, fields: fields as ApplicationFields, createdAt: Number.isFinite(created) ? created : 0, updatedAt: updated };
}

/** Every stored event of the application, in no particular order (applicationState orders them). */
export function readEvents(db: Db, applicationId: string): VettingEvent[] {
  const rows = statements(db).events.all(applicationId) as { id: string; data: string }[];
  const out: VettingEvent[] = [];
  for (const row of rows) {
    const event = eventFromRecordText(row.id, row.data);
    if (event) out.push(event);
  }
  return out;
}
