import type { EventPayload } from '../../../../shared/contract/events';
import { AppError } from '../../../../shared/contract/result';
import type { Handlers } from '../../rpc/dispatch';
import type { VettingContext } from '../vetting/context';
import { analyseImport, previewOut } from './analyse';
import { runImport } from './run';

type Progress = Omit<EventPayload<'progress'>, 'task'>;

/**
 * The bulk import's methods (shared/contract/import.ts). One import runs at a time.
 * `onRunning` is told when an import starts and stops writing (app.ts holds the duplicate
 * index's background catch-up meanwhile: it would otherwise take turns with the import's
 * batches for the same CPU and write lock, and it catches up on the whole import once done).
 */
export function importHandlers(ctx: VettingContext, progress: (p: Progress) => void, onRunning?: (running: boolean) => void): Pick<Handlers, 'import.preview' | 'import.run'> {
  let running = false;
  return {
    'import.preview': async (i) => previewOut(i.fileName, await analyseImport(ctx, i)),
    'import.run': async (i) => {
      if (running && !i.dryRun) throw new AppError('BUSY', 'Another import is running. Wait for it to finish, then import this file.');
      if (i.dryRun) return runImport(ctx, i, { dryRun: true });
      running = true;
      onRunning?.(true);
      try {
        return await runImport(ctx, i, { dryRun: false, onProgress: progress });
      } finally {
        running = false;
        onRunning?.(false);
      }
    },
  };
}
