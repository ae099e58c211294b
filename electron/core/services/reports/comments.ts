import type { ParsedInput } from '../../../../shared/contract/methods';
import type { ReportComment } from '../../../../shared/contract/reports';
import { AppError } from '../../../../shared/contract/result';
import { uuidv7 } from '../../../../shared/ids';
import { reportCommentFieldsSchema } from '../../../../shared/model/reports/comment';
import { canComment, canResolveComment } from '../../../../shared/model/reports/roles';
import { isSectionOf } from '../../../../shared/model/reports/sections';
import { hlcWallMs } from '../../../../shared/sync/hlc';
import { decodeStamps } from '../../changes/stamps';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import { typeName, type ReportsContext } from './context';
import { readReport } from './read';
import { actorName } from './versions';

/**
 * Review comments: a `report_comment` record each, so concurrent comments never overwrite one
 * another. The author and time are the stamp of the comment's `reportId`, a field written once,
 * when the comment is created (nothing here writes it again), so no later write can change who
 * wrote a comment.
 */

const statements = perConnection((db) => ({
  one: db.prepare("SELECT id, data, stamps FROM records WHERE entity = 'report_comment' AND id = ?"),
  ofReport: db.prepare("SELECT id, data, stamps FROM records WHERE entity = 'report_comment' AND json_extract(data, '$.reportId') = ?"),
  openCounts: db.prepare(
    `SELECT json_extract(data, '$.reportId') AS reportId, count(*) AS n FROM records
     WHERE entity = 'report_comment' AND json_extract(data, '$.resolved') = 0 AND json_extract(data, '$.deletedAt') IS NULL
     GROUP BY 1`,
  ),
}));

interface Row {
  id: string;
  data: string;
  stamps: string;
}

function toComment(db: Db, row: Row): ReportComment | null {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const parsed = reportCommentFieldsSchema.safeParse(data);
  if (!parsed.success || parsed.data.deletedAt != null) return null;
  const stamp = decodeStamps(row.stamps).reportId;
  const authorId = stamp?.[2] ?? '';
  return {
    id: row.id,
    reportId: parsed.data.reportId,
    section: parsed.data.section,
    text: parsed.data.text,
    resolved: parsed.data.resolved,
    authorId,
    authorName: actorName(db, authorId),
    at: stamp ? hlcWallMs(stamp[0]) : 0,
  };
}

/** The report's live comments, oldest first. */
export function readComments(db: Db, reportId: string): ReportComment[] {
  const rows = statements(db).ofReport.all(reportId) as Row[];
  return rows
    .map((r) => toComment(db, r))
    .filter((c): c is ReportComment => c !== null)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

/** Open (unresolved) comments per report: one query for the whole list. */
export function openCommentCounts(db: Db): Map<string, number> {
  const rows = statements(db).openCounts.all() as { reportId: string; n: number }[];
  return new Map(rows.map((r) => [r.reportId, r.n]));
}

/** The fields of a new comment (also written by reports.setStatus with its optional comment). */
export function commentWrite(reportId: string, section: string | null, text: string) {
  return { entity: 'report_comment', id: uuidv7(), fields: { reportId, section, text, resolved: false, deletedAt: null } };
}

export function addComment(ctx: ReportsContext, input: ParsedInput<'comments.add'>): ReportComment {
  const who = ctx.requireActor();
  if (!canComment(who)) throw new AppError('NOT_ALLOWED', 'Your role cannot comment on case studies and stories. Nothing was saved.');
  const report = readReport(ctx.db, input.reportId);
  if (!report || report.removed) throw new AppError('NOT_FOUND', 'This case study or story was not found; it may have been removed. Nothing was saved.');
  if (input.section !== null && !isSectionOf(report.type, input.section)) {
    throw new AppError('INVALID_INPUT', `A ${typeName[report.type]} has no section "${input.section}". Comment on one of its sections, or on the whole record. Nothing was saved.`, [
      { path: ['section'], message: 'Not a section of this record.' },
    ]);
  }
  const write = commentWrite(report.id, input.section, input.text);
  ctx.funnel.write(who.id, [write]);
  ctx.changed('report_comment');
  return readComment(ctx.db, write.id)!;
}

export function resolveComment(ctx: ReportsContext, input: ParsedInput<'comments.resolve'>): ReportComment {
  const who = ctx.requireActor();
  const comment = readComment(ctx.db, input.id);
  const report = comment && readReport(ctx.db, comment.reportId);
  if (!comment || !report) throw new AppError('NOT_FOUND', 'This comment was not found; it may have been removed. Nothing was saved.');
  // As for adding one: a removed record's review is closed until the record is restored.
  if (report.removed) throw new AppError('NOT_FOUND', `This ${typeName[report.type]} was removed. Restore it first, then resolve its comments. Nothing was saved.`);
  if (!canResolveComment(who, comment, report.fields)) {
    throw new AppError('NOT_ALLOWED', 'Only the comment’s author or someone who may edit the record can resolve it. Nothing was saved.');
  }
  if (comment.resolved === input.resolved) return comment;
  ctx.funnel.write(who.id, [{ entity: 'report_comment', id: comment.id, fields: { resolved: input.resolved } }]);
  ctx.changed('report_comment');
  return readComment(ctx.db, comment.id)!;
}

export function readComment(db: Db, id: string): ReportComment | null {
  const row = statements(db).one.get(id) as Row | undefined;
  return row ? toComment(db, row) : null;
}
