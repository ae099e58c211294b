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
    'reports.putAttachment': (i) => {
      const who = ctx.requireActor();
      if (who.role === 'reviewer') throw new AppError('NOT_ALLOWED', 'A reviewer cannot attach files to case studies, stories or interviews. Nothing was stored.');
      let bytes: Buffer;
      try {
        bytes = decodeBase64(i.dataBase64);
      } catch {
        throw new AppError('ATTACHMENT_INVALID', 'The file could not be read. Choose it again.');
      }
      return putAttachment(ctx.db, i.name, bytes, ctx.now());
    },
    'reports.putRecording': (i) => {
      const who = ctx.requireActor();
      if (who.role === 'reviewer') throw new AppError('NOT_ALLOWED', 'A reviewer cannot attach recordings to interviews. Nothing was stored.');
      let bytes: Buffer;
      try {
        bytes = decodeBase64(i.dataBase64);
      } catch {
        throw new AppError('ATTACHMENT_INVALID', 'The recording could not be read. Choose it again.');
      }
      return putRecording(ctx.db, i.name, bytes, ctx.now());
    },
    'comments.add': (i) => addComment(ctx, i),
    'comments.resolve': (i) => resolveComment(ctx, i),
    'interviews.list': (i) => listInterviews(ctx.db, i),
    'interviews.get': (i) => interviewDetail(ctx.db, i.id),
    'interviews.create': (i) => createInterview(ctx, i),
    'interviews.update': (i) => updateInterview(ctx, i),
    'interviews.remove': (i) => removeInterview(ctx, i.id),
  };
}
