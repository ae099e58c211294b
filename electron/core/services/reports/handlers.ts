import type { reportsContract } from '../../../../shared/contract/reports';
import { AppError } from '../../../../shared/contract/result';
import type { Handlers } from '../../rpc/dispatch';
import { decodeBase64, putAttachment, putRecording } from '../attachments';
import { addComment, resolveComment } from './comments';
import type { ReportsContext } from './context';
import { reportDetail } from './detail';
import { importRatings } from './import-ratings';
import { createInterview, interviewDetail, listInterviews, removeInterview, updateInterview } from './interviews';
import { listReports } from './list';
import { writeSection } from './section-write';
import { createReport, removeReport, restoreReport, setReportStatus, updateReport } from './write';

type ReportMethod = keyof typeof reportsContract;

/** Case studies, stories, their review comments and interviews (issue 8); core/app.ts spreads them into the one dispatch. */
export function reportsHandlers(ctx: ReportsContext): Pick<Handlers, ReportMethod> {
  return {
    'reports.list': (i) => listReports(ctx.db, i),
    'reports.get': (i) => reportDetail(ctx, i.id),
    'reports.create': (i) => createReport(ctx, i),
    'reports.update': (i) => updateReport(ctx, i),
    'reports.writeSection': (i) => writeSection(ctx, i),
    'reports.remove': (i) => removeReport(ctx, i.id),
    'reports.restore': (i) => restoreReport(ctx, i.id),
    'reports.setStatus': (i) => setReportStatus(ctx, i),
    'reports.importRatings': (i) => importRatings(ctx, i),
    'reports.putAttachment': (i) => putAttachment(ctx.db, i.name, uploadedBytes(ctx, i.dataBase64, 'files to case studies, stories or interviews', 'file'), ctx.now()),
    'reports.putRecording': (i) => putRecording(ctx.db, i.name, uploadedBytes(ctx, i.dataBase64, 'recordings to interviews', 'recording'), ctx.now()),
    'comments.add': (i) => addComment(ctx, i),
    'comments.resolve': (i) => resolveComment(ctx, i),
    'interviews.list': (i) => listInterviews(ctx.db, i),
    'interviews.get': (i) => interviewDetail(ctx.db, i.id),
    'interviews.create': (i) => createInterview(ctx, i),
    'interviews.update': (i) => updateInterview(ctx, i),
    'interviews.remove': (i) => removeInterview(ctx, i.id),
  };
}

/** An upload's bytes, once the writer may attach (a reviewer may not) and the base64 reads; else a refusal that stores nothing. */
function uploadedBytes(ctx: ReportsContext, dataBase64: string, what: string, noun: string): Buffer {
  if (ctx.requireActor().role === 'reviewer') throw new AppError('NOT_ALLOWED', `A reviewer cannot attach ${what}. Nothing was stored.`);
  try {
    return decodeBase64(dataBase64);
  } catch {
    throw new AppError('ATTACHMENT_INVALID', `The ${noun} could not be read. Choose it again.`);
  }
}
