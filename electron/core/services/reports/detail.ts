import type { ReportDetail } from '../../../../shared/contract/reports';
import type { Interview } from '../../../../shared/contract/reports';
import { AppError } from '../../../../shared/contract/result';
import { canComment, canSetStatus, canWriteReport } from '../../../../shared/model/reports/roles';
import type { ReportsContext } from './context';
import { readComments } from './comments';
import { readInterview } from './interviews';
import { readReport, type StoredReport } from './read';
import { sectionStates } from './versions';

/** One report as the editor shows it: fields, each section with its heads when several, comments, cited interviews. */
export function reportDetail(ctx: ReportsContext, id: string): ReportDetail {
  const report = readReport(ctx.db, id);
  if (!report) throw new AppError('NOT_FOUND', 'This case study or story was not found. It may not have synced to this computer yet.');
  return detailOf(ctx, report);
}

export function detailOf(ctx: ReportsContext, report: StoredReport): ReportDetail {
  const sections = sectionStates(ctx.db, report);
  const interviewIds = new Set([...report.fields.interviewIds, ...report.fields.quotes.map((q) => q.interviewId).filter((i): i is string => i !== null)]);
  const interviews = [...interviewIds].map((i) => readInterview(ctx.db, i)).filter((i): i is Interview => i !== null);
  const who = ctx.actor();
  const common = {
    id: report.id,
    sections,
    comments: readComments(ctx.db, report.id),
    interviews,
    complete: sections.filter((s) => s.complete).length,
    totalSections: sections.length,
    words: sections.reduce((n, s) => n + s.words, 0),
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    updatedBy: report.updatedBy,
    removed: report.removed,
    permissions: {
      write: !!who && canWriteReport(who, report.fields),
      approve: !!who && canSetStatus(who, report.fields, 'approved'),
      comment: !!who && canComment(who),
    },
  };
  return report.type === 'case_study' ? { type: 'case_study', fields: report.fields, ...common } : { type: 'story', fields: report.fields, ...common };
}
