import type { Output, ParsedInput } from '../../../../shared/contract/methods';
import type { Interview } from '../../../../shared/contract/reports';
import { AppError } from '../../../../shared/contract/result';
import { canonicalJson } from '../../../../shared/canonical';
import { uuidv7 } from '../../../../shared/ids';
import { interviewDefaults, interviewFieldsSchema } from '../../../../shared/model/reports/interview';
import { canWriteInterview } from '../../../../shared/model/reports/roles';
import { hlcWallMs } from '../../../../shared/sync/hlc';
import { decodeStamps } from '../../changes/stamps';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import type { ReportsContext } from './context';
import { fold } from './fold';
import { fieldsOf, reportFromRow } from './read';
import { attachmentStored } from './references';

/**
 * Interviews: first-class sources, shared by the reports that cite them. A quote in a document
 * cites its interview (who, role, organisation, when) and is exported only with its consent to
 * be quoted (shared/model/reports/consent.ts).
 */

const statements = perConnection((db) => ({
  one: db.prepare("SELECT id, data, stamps FROM records WHERE entity = 'interview' AND id = ?"),
  all: db.prepare("SELECT id, data, stamps FROM records WHERE entity = 'interview'"),
  // A cheap text match first; the JSON is then read to be sure the id is an interview reference.
  citing: db.prepare("SELECT entity, id, data, stamps FROM records WHERE entity IN ('case_study', 'story') AND instr(data, ?) > 0"),
}));

interface Row {
  id: string;
  data: string;
  stamps: string;
}

export function toInterview(row: Row): Interview | null {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  if (typeof data.name !== 'string') return null;
  const { deletedAt, ...rest } = fieldsOf(data, interviewFieldsSchema.shape, interviewDefaults);
  const walls = [...new Set(Object.values(decodeStamps(row.stamps)))].map((s) => hlcWallMs(s[0]));
  return { ...rest, id: row.id, removed: deletedAt != null, createdAt: walls.length ? Math.min(...walls) : 0, updatedAt: walls.length ? Math.max(...walls) : 0 };
}

/** The interview with this id, removed ones included, or null. */
export function readInterview(db: Db, id: string): Interview | null {
  const row = statements(db).one.get(id) as Row | undefined;
  return row ? toInterview(row) : null;
}

export function listInterviews(db: Db, input: ParsedInput<'interviews.list'>): Output<'interviews.list'> {
  const q = fold(input.query.trim());
  const items = (statements(db).all.all() as Row[])
    .map(toInterview)
    .filter((i): i is Interview => i !== null && i.removed === input.removed)
    .filter((i) => !q || fold([i.name, i.role, i.organisation, i.sectoralBody].join(' ')).includes(q))
    .sort((a, b) => (b.heldAt ?? 0) - (a.heldAt ?? 0) || a.name.localeCompare(b.name));
  return { items };
}

export function interviewDetail(db: Db, id: string): Output<'interviews.get'> {
  const interview = readInterview(db, id);
  if (!interview) throw new AppError('NOT_FOUND', 'This interview was not found. It may not have synced to this computer yet.');
  const usedBy: Output<'interviews.get'>['usedBy'] = [];
  for (const row of statements(db).citing.all(id) as (Row & { entity: string })[]) {
    const report = reportFromRow(row);
    if (!report || report.removed) continue;
    if (report.fields.interviewIds.includes(id) || report.fields.quotes.some((q) => q.interviewId === id)) usedBy.push({ id: report.id, type: report.type, title: report.fields.title });
  }
  return { ...interview, usedBy };
}

function checkAttachment(ctx: ReportsContext, attachment: { hash: string } | null | undefined): void {
  if (attachment && !attachmentStored(ctx.db, attachment.hash)) {
    throw new AppError('INVALID_INPUT', 'The attached file is not stored on this computer. Attach it again; nothing was saved.', [{ path: ['attachment'], message: 'Not a stored file.' }]);
  }
}

const storedMime = perConnection((db) => db.prepare('SELECT mime FROM attachments WHERE hash = ?').pluck());

/** A recording must be stored here as the audio type its reference says (reports.putRecording stored it). */
function checkRecordingRef(ctx: ReportsContext, recording: { hash: string; mime: string } | null | undefined): void {
  if (recording && storedMime(ctx.db).get(recording.hash) !== recording.mime) {
    throw new AppError('INVALID_INPUT', 'The recording is not stored on this computer. Attach it again; nothing was saved.', [{ path: ['recording'], message: 'Not a stored recording.' }]);
  }
}

function requireInterviewWriter(ctx: ReportsContext) {
  const who = ctx.requireActor();
  if (!canWriteInterview(who)) throw new AppError('NOT_ALLOWED', 'A reviewer reads interviews but cannot record or change them. Ask a curator or a focal point. Nothing was saved.');
  return who;
}

export function createInterview(ctx: ReportsContext, input: ParsedInput<'interviews.create'>): Interview {
  const who = requireInterviewWriter(ctx);
  checkAttachment(ctx, input.fields.attachment);
  checkRecordingRef(ctx, input.fields.recording);
  const id = uuidv7(ctx.now());
  ctx.funnel.write(who.id, [{ entity: 'interview', id, fields: { ...interviewDefaults, ...input.fields } }]);
  ctx.changed('interview');
  return readInterview(ctx.db, id)!;
}

export function updateInterview(ctx: ReportsContext, input: ParsedInput<'interviews.update'>): Interview {
  const who = requireInterviewWriter(ctx);
  const current = readInterview(ctx.db, input.id);
  if (!current || current.removed) throw new AppError('NOT_FOUND', 'This interview was not found; it may have been removed. Nothing was saved.');
  const changed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input.patch)) {
    if (v !== undefined && canonicalJson(v) !== canonicalJson((current as unknown as Record<string, unknown>)[k])) changed[k] = v;
  }
  checkAttachment(ctx, changed.attachment as { hash: string } | null | undefined);
  checkRecordingRef(ctx, changed.recording as { hash: string; mime: string } | null | undefined);
  if (Object.keys(changed).length) {
    ctx.funnel.write(who.id, [{ entity: 'interview', id: input.id, fields: changed }]);
    ctx.changed('interview');
  }
  return readInterview(ctx.db, input.id)!;
}

/** Removal is a field: the reports citing it keep the citation, and its quotes are no longer exported. */
export function removeInterview(ctx: ReportsContext, id: string): { id: string } {
  const who = requireInterviewWriter(ctx);
  const current = readInterview(ctx.db, id);
  if (!current) throw new AppError('NOT_FOUND', 'This interview was not found. Nothing was removed.');
  if (!current.removed) {
    ctx.funnel.write(who.id, [{ entity: 'interview', id, fields: { deletedAt: ctx.now() } }]);
    ctx.changed('interview');
  }
  return { id };
}
