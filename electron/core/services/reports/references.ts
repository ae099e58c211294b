import { AppError, type FieldIssue } from '../../../../shared/contract/result';
import { periodProblem, type ReportPhoto } from '../../../../shared/model/reports/parts';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import type { ReportsContext } from './context';

/**
 * What a report's fields point at must exist on this node when a curator writes them: expertise
 * areas in the taxonomy, experts in the directory, interviews (live), stored photos. Checked on
 * the fields a write sets, merged over the record, so nothing half-valid is written. (Sync does
 * not check them: a reference may arrive before what it names.)
 */

interface Referencing {
  expertise?: readonly string[];
  expertIds?: readonly string[];
  interviewIds?: readonly string[];
  quotes?: readonly { interviewId: string | null }[];
  photos?: readonly ReportPhoto[];
  consent?: { form: { hash: string } } | null;
  periodStart?: string | null;
  periodEnd?: string | null;
}

const statements = perConnection((db) => ({
  live: db.prepare("SELECT r.id FROM json_each(?) j JOIN records r ON r.entity = ? AND r.id = j.value WHERE json_extract(r.data, '$.deletedAt') IS NULL").pluck(),
  image: db.prepare("SELECT mime FROM attachments WHERE hash = ? AND mime LIKE 'image/%'").pluck(),
  stored: db.prepare('SELECT 1 FROM attachments WHERE hash = ?').pluck(),
}));

function missing(db: Db, entity: string, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const found = new Set(statements(db).live.all(JSON.stringify(ids), entity) as string[]);
  return ids.filter((id) => !found.has(id));
}

/** Throws one AppError naming every broken reference of the write (`merged`: the record as it would be). */
export function checkReferences(ctx: ReportsContext, patch: Referencing, merged: Referencing, path: string): void {
  const issues: FieldIssue[] = [];
  if (patch.expertise) {
    const unknown = ctx.taxonomy.unknown(patch.expertise);
    if (unknown.length) {
      throw new AppError('UNKNOWN_TERM', `These expertise areas are not in the taxonomy: ${unknown.join(', ')}. Choose areas from the list. Nothing was saved.`, [
        { path: [path, 'expertise'], message: `Unknown: ${unknown.join(', ')}` },
      ]);
    }
  }
  if (patch.expertIds) {
    const gone = missing(ctx.db, 'expert', patch.expertIds);
    if (gone.length) issues.push({ path: [path, 'expertIds'], message: `${gone.length} of the experts named are not in the directory (or were removed). Choose experts from the directory.` });
  }
  const interviewRefs = [...(patch.interviewIds ?? []), ...(patch.quotes ?? []).map((q) => q.interviewId).filter((i): i is string => i !== null)];
  const goneInterviews = missing(ctx.db, 'interview', [...new Set(interviewRefs)]);
  if (goneInterviews.length) {
    issues.push({ path: [path, patch.interviewIds ? 'interviewIds' : 'quotes'], message: `${goneInterviews.length} of the interviews named do not exist (or were removed). Choose a recorded interview.` });
  }
  for (const [i, photo] of (patch.photos ?? []).entries()) {
    if (!statements(ctx.db).image.get(photo.hash)) issues.push({ path: [path, 'photos', i], message: 'This photo is not stored on this computer. Add the photo again.' });
  }
  if (patch.consent && !attachmentStored(ctx.db, patch.consent.form.hash)) {
    issues.push({ path: [path, 'consent', 'form'], message: 'The signed consent form is not stored on this computer. Attach the form again.' });
  }
  const period = periodProblem(merged.periodStart ?? null, merged.periodEnd ?? null);
  if (period) issues.push({ path: [path, 'periodEnd'], message: period });
  if (issues.length) throw new AppError('INVALID_INPUT', `Some information needs correcting; nothing was saved. ${issues[0]!.message}`, issues);
}

/** Whether the attachment's bytes are stored here (reports.putAttachment stored them). */
export const attachmentStored = (db: Db, hash: string): boolean => statements(db).stored.get(hash) === 1;
