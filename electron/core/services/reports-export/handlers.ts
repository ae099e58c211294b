import { AppError } from '../../../../shared/contract/result';
import type { Handlers } from '../../rpc/dispatch';
import type { VettingContext } from '../vetting/context';
import type { TaxonomyIndex } from '../taxonomy';
import { exportReports, type ReportsProgress } from './service';

/**
 * `reports.export` (issue 8 point 6): anyone signed in reads every report, so anyone signed in
 * exports; one export at a time; a compilation's progress goes out as task 'export'.
 */
export function reportsExportHandlers(ctx: VettingContext, taxonomy: TaxonomyIndex, progress: ReportsProgress): Pick<Handlers, 'reports.export'> {
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
  };
}
