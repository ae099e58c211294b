import type { ImportFileInput, ImportReport, RowOutcome } from '../../../../shared/contract/import';
import { AppError } from '../../../../shared/contract/result';
import { uuidv7 } from '../../../../shared/ids';
import { nextEvent } from '../../../../shared/model/vetting/build';
import { eventFields } from '../../../../shared/model/vetting/events';
import type { Write } from '../../changes/types';
import type { VettingContext } from '../vetting/context';
import type { AdmittedRow } from './admit';
import { analyseImport } from './analyse';
import { heldImportKeys } from './existing';

export interface RunOptions {
  dryRun: boolean;
  /** Rows written per transaction. */
  batchSize?: number;
  onProgress?: (p: { done: number; total: number; finished: boolean }) => void;
  /** Logs a failure that is not an AppError (the database refused a batch), once. */
  log?: (message: string, error: unknown) => void;
}

export const IMPORT_BATCH_ROWS = 500;

/**
 * Imports the admitted rows of a sheet as applications (source 'import', their import key),
 * each with its `submitted` event (the first of its chain: it follows nothing), through the
 * change funnel in batches: one funnel.write per batch, so one transaction per batch.
 *
 * Invariants: a row with problems writes nothing; a row whose import key an application holds
 * adds nothing (checked again right before each batch, since a sync may have brought the same
 * applicant in meanwhile); a batch the database refuses is rolled back whole, the import stops
 * there, and the report says what was written (whole applications with their event) and what
 * was not. A dry run computes the same report and writes nothing.
 */
export async function runImport(ctx: VettingContext, input: ImportFileInput, options: RunOptions): Promise<ImportReport> {
  const analysis = await analyseImport(ctx, input);
  const { who, rows } = analysis;
  const outcome = new Map<number, { outcome: RowOutcome; applicationId: string | null }>();
  const pending = rows.filter((r) => r.status === 'new');
  let added = 0;
  let failure: ImportReport['failure'] = null;

  if (!options.dryRun) {
    const size = Math.max(1, options.batchSize ?? IMPORT_BATCH_ROWS);
    options.onProgress?.({ done: 0, total: pending.length, finished: pending.length === 0 });
    for (let start = 0; start < pending.length; start += size) {
      const batch = pending.slice(start, start + size);
      try {
        const wrote = writeBatch(ctx, who.id, batch, outcome);
        added += wrote;
        // The screens (and sync) learn of each committed batch, not only of the whole import.
        if (wrote > 0) ctx.changed('application', 'vetting_event');
      } catch (error) {
        failure = failureOf(error, batch, added, options.log);
        break;
      }
      const done = Math.min(start + size, pending.length);
      options.onProgress?.({ done, total: pending.length, finished: done === pending.length });
      // Lets other calls and the progress event through between transactions.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (failure) options.onProgress?.({ done: added, total: pending.length, finished: true });
  }

  const items = rows.map((r) => {
    const done = outcome.get(r.row);
    const o: RowOutcome = done ? done.outcome : r.status === 'new' ? (options.dryRun ? 'would_add' : 'not_written') : r.status;
    return { row: r.row, name: r.name, outcome: o, applicationId: done?.applicationId ?? null, problems: r.problems };
  });
  const count = (o: RowOutcome) => items.filter((i) => i.outcome === o).length;
  return {
    fileName: input.fileName,
    dryRun: options.dryRun,
    rows: rows.length,
    added,
    wouldAdd: options.dryRun ? count('would_add') : added + count('not_written'),
    alreadyImported: count('already_imported'),
    withProblems: count('problems'),
    notWritten: count('not_written'),
    failure,
    items,
  };
}

/** One transaction: the batch's applications and their first events, minus keys held meanwhile. Returns how many were added. */
function writeBatch(ctx: VettingContext, actorId: string, batch: readonly AdmittedRow[], outcome: Map<number, { outcome: RowOutcome; applicationId: string | null }>): number {
  const held = heldImportKeys(ctx.db, batch.map((r) => r.importKey));
  const writes: Write[] = [];
  const written: { row: number; id: string }[] = [];
  const at = ctx.now();
  for (const r of batch) {
    if (held.has(r.importKey)) continue;
    const id = uuidv7();
    const event = nextEvent({ heads: [] }, { id: uuidv7(), applicationId: id, type: 'submitted', payload: {}, at, by: actorId });
    writes.push({ entity: 'application', id, fields: r.fields! }, { entity: 'vetting_event', id: event.id, fields: eventFields(event) });
    written.push({ row: r.row, id });
  }
  ctx.funnel.write(actorId, writes);
  // Only after the commit: a refused batch leaves its rows as not written.
  for (const r of batch) if (held.has(r.importKey)) outcome.set(r.row, { outcome: 'already_imported', applicationId: null });
  for (const w of written) outcome.set(w.row, { outcome: 'added', applicationId: w.id });
  return written.length;
}

function failureOf(error: unknown, batch: readonly AdmittedRow[], added: number, log: RunOptions['log']): NonNullable<ImportReport['failure']> {
  const rows = `rows ${batch[0]!.row}–${batch[batch.length - 1]!.row}`;
  const before = `${added} application${added === 1 ? ' was' : 's were'} imported before them, each whole`;
  if (error instanceof AppError) return { code: error.code, message: `The import stopped at ${rows}: ${error.message} ${before}; nothing of those rows or after them was written. Fix the cause and import the same file again: rows already imported are skipped.` };
  (log ?? ((m, e) => console.error(m, e)))('import.run: a batch was refused', error);
  return {
    code: 'INTERNAL',
    message: `The data file refused ${rows}, so the import stopped there. ${before}; nothing of those rows or after them was written. Try again: importing the same file again skips the rows already imported. If it happens again, restart the app.`,
  };
}
