import { AppError } from '../../../../shared/contract/result';
import type { Handlers } from '../../rpc/dispatch';
import type { VettingContext } from '../vetting/context';
import type { TaxonomyIndex } from '../taxonomy';
import { previewReport } from './preview';
import { exportReports, type ReportsProgress } from './service';

/**
 * `reports.export` (issue 8 point 6): anyone signed in reads every report, so anyone signed in
 * exports; one export at a time; a compilation's progress goes out as task 'export'.
 * `reports.preview` (point 7): the same reading, for the same people; previews do not wait for
 * an export (one record's document, made in the core's own thread like any call).
 */
export function reportsExportHandlers(ctx: VettingContext, taxonomy: TaxonomyIndex, progress: ReportsProgress): Pick<Handlers, 'reports.export' | 'reports.preview'> {
  let running = false;
  return {
    'reports.export': async (input) => {
      ctx.requireActor();
      if (running) throw new AppError('BUSY', 'A document is already being exported. Wait for that export to finish, then try again.');
      running = true;
      try {
        const file = await exportReports({ db: ctx.db, taxonomy, now: ctx.now }, input, progress);
        return { fileName: file.fileName, mime: file.mime, dataBase64: file.bytes.toString('base64'), count: file.count };
      } finally {
        running = false;
      }
    },
    'reports.preview': async (input) => {
      ctx.requireActor();
      const preview = await previewReport({ db: ctx.db, taxonomy, now: ctx.now }, input);
      return { pdfBase64: preview.bytes.toString('base64'), pages: preview.pages, madeAt: preview.madeAt, recordUpdatedAt: preview.recordUpdatedAt };
    },
  };
}
