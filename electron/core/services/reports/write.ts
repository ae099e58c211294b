import type { ParsedInput } from '../../../../shared/contract/methods';
import type { ReportDetail } from '../../../../shared/contract/reports';
import { AppError } from '../../../../shared/contract/result';
import { canonicalJson } from '../../../../shared/canonical';
import { uuidv7 } from '../../../../shared/ids';
import { caseStudyDefaults } from '../../../../shared/model/reports/caseStudy';
import { canSetStatus } from '../../../../shared/model/reports/roles';
import { caseStudySections, storySections } from '../../../../shared/model/reports/sections';
import { storyDefaults } from '../../../../shared/model/reports/story';
import type { Write } from '../../changes/types';
import { commentWrite } from './comments';
import { refusal, requireWriter, typeName, type ReportsContext } from './context';
import { detailOf } from './detail';
import { checkReferences } from './references';
import { readReport, type StoredReport } from './read';

/**
 * Creating and changing case studies and stories, every write through the change funnel. Only
 * the fields that differ are written, so the history shows real edits and concurrent edits of
 * different fields merge. Sections are saved one by one (section-write.ts), never here.
 */

const sectionNames = new Set<string>([...caseStudySections, ...storySections]);
/** A new record's fields: every field but the sections (absent until first saved), then the curator's. */
const initial = {
  case_study: Object.fromEntries(Object.entries(caseStudyDefaults).filter(([k]) => !sectionNames.has(k))),
  story: Object.fromEntries(Object.entries(storyDefaults).filter(([k]) => !sectionNames.has(k))),
};

export function createReport(ctx: ReportsContext, input: ParsedInput<'reports.create'>): ReportDetail {
  const fields = { ...initial[input.type], ...input.fields } as StoredReport['fields'];
  const who = requireWriter(ctx, input.type, fields);
  checkReferences(ctx, input.fields, fields, 'fields');
  const id = uuidv7(ctx.now());
  ctx.funnel.write(who.id, [{ entity: input.type, id, fields }]);
  ctx.changed(input.type);
  return detailOf(ctx, readReport(ctx.db, id)!);
}

/** The live report, or NOT_FOUND; `type` when the caller says which kind it expects. */
export function requireReport(ctx: ReportsContext, id: string, type?: StoredReport['type']): StoredReport {
  const report = readReport(ctx.db, id);
  if (!report || (type && report.type !== type)) throw new AppError('NOT_FOUND', `This ${type ? typeName[type] : 'case study or story'} was not found. It may not have synced to this computer yet. Nothing was saved.`);
  if (report.removed) throw new AppError('NOT_FOUND', `This ${typeName[report.type]} was removed. Restore it first (Removed records), then edit it. Nothing was saved.`);
  return report;
}

function changedFields(patch: object, current: object): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined && canonicalJson(v) !== canonicalJson((current as Record<string, unknown>)[k])) changed[k] = v;
  }
  return changed;
}

export function updateReport(ctx: ReportsContext, input: ParsedInput<'reports.update'>): ReportDetail {
  const report = requireReport(ctx, input.id, input.type);
  const changed = changedFields(input.patch, report.fields);
  const merged = { ...report.fields, ...changed } as StoredReport['fields'];
  // A focal point may neither edit another country's record nor move one out of their country.
  const who = requireWriter(ctx, report.type, report.fields);
  requireWriter(ctx, report.type, merged);
  if (Object.keys(changed).length === 0) return detailOf(ctx, report);
  checkReferences(ctx, changed, merged, 'patch');
  ctx.funnel.write(who.id, [{ entity: report.type, id: report.id, fields: changed }]);
  ctx.changed(report.type);
  return detailOf(ctx, readReport(ctx.db, report.id)!);
}

export function setReportStatus(ctx: ReportsContext, input: ParsedInput<'reports.setStatus'>): ReportDetail {
  const report = requireReport(ctx, input.id);
  const who = ctx.requireActor();
  if (!canSetStatus(who, report.fields, input.status)) {
    throw new AppError('NOT_ALLOWED', input.status === 'approved' && who.role === 'focal_point' ? 'Only the secretariat approves a case study or story. Send it to review instead. Nothing was saved.' : refusal(who, report.type));
  }
  const writes: Write[] = [];
  if (report.fields.status !== input.status) writes.push({ entity: report.type, id: report.id, fields: { status: input.status } });
  // The status change and its comment are one batch: both or neither.
  if (input.comment !== undefined) writes.push(commentWrite(report.id, null, input.comment));
  if (writes.length === 0) return detailOf(ctx, report);
  ctx.funnel.write(who.id, writes);
  ctx.changed(report.type, 'report_comment');
  return detailOf(ctx, readReport(ctx.db, report.id)!);
}

/** Removal is a field, so an offline edit of the same record elsewhere is not lost, and it can be restored. */
export function removeReport(ctx: ReportsContext, id: string): { id: string } {
  const report = readReport(ctx.db, id);
  if (!report) throw new AppError('NOT_FOUND', 'This case study or story was not found. Nothing was removed.');
  const who = requireWriter(ctx, report.type, report.fields);
  if (!report.removed) {
    ctx.funnel.write(who.id, [{ entity: report.type, id, fields: { deletedAt: ctx.now() } }]);
    ctx.changed(report.type);
  }
  return { id };
}

export function restoreReport(ctx: ReportsContext, id: string): ReportDetail {
  const report = readReport(ctx.db, id);
  if (!report) throw new AppError('NOT_FOUND', 'This case study or story was not found. Nothing was restored.');
  const who = requireWriter(ctx, report.type, report.fields);
  if (report.removed) {
    ctx.funnel.write(who.id, [{ entity: report.type, id, fields: { deletedAt: null } }]);
    ctx.changed(report.type);
  }
  return detailOf(ctx, readReport(ctx.db, id)!);
}
