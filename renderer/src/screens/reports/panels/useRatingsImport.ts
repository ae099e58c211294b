import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract';
import { useApi, useInvalidate } from '../../../api/ApiProvider';
import { queryKey } from '../../../api/queries';
import { readAsBase64 } from '../../form/PhotoField';
import { ratingOf, type RatingField, type RatingValue, type ReportRecord, type SectionField } from './model';
import { criteriaOf } from './ratingsTemplate';

/** One rating the sheet would change: as recorded now and as the sheet has it. */
export interface RatingChange {
  field: RatingField;
  now: RatingValue<SectionField>;
  sheet: RatingValue<SectionField>;
}

export type ImportStep =
  | { step: 'idle' }
  | { step: 'reading'; name: string }
  | { step: 'preview'; name: string; dataBase64: string; changes: RatingChange[]; importing: boolean }
  | { step: 'refused'; name: string; error: AppErrorShape };

const same = (a: RatingValue<SectionField>, b: RatingValue<SectionField>) =>
  a.rating === b.rating && a.evidence === b.evidence && a.sections.length === b.sections.length && a.sections.every((s, i) => b.sections[i] === s);

/** The ratings that differ between the record now and the record as the sheet would leave it. */
export const ratingChanges = (now: ReportRecord, after: ReportRecord): RatingChange[] =>
  criteriaOf(now.type)
    .map((c) => ({ field: `r_${c}` as RatingField, now: ratingOf(now, `r_${c}`), sheet: ratingOf(after, `r_${c}`) }))
    .filter((c) => !same(c.now, c.sheet));

/**
 * An evaluation sheet into the record's ratings, in two calls of reports.importRatings: a dry
 * run that checks the whole sheet and answers what it would change (nothing written), then,
 * once the curator agrees, the import itself — all or nothing in the core either way. The
 * record on screen is replaced by the core's answer at once, and the screens that read it refresh.
 */
export function useRatingsImport(report: ReportRecord) {
  const api = useApi();
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const [state, setState] = useState<ImportStep>({ step: 'idle' });

  const choose = async (file: File | null) => {
    if (!file) return;
    setState({ step: 'reading', name: file.name });
    let dataBase64: string;
    try {
      dataBase64 = (await readAsBase64(file)).base64;
    } catch {
      setState({ step: 'refused', name: file.name, error: { code: 'IMPORT_UNREADABLE', message: '' } });
      return;
    }
    const preview = await api.call('reports.importRatings', { id: report.id, fileName: file.name, dataBase64, dryRun: true });
    if (!preview.ok) setState({ step: 'refused', name: file.name, error: preview.error });
    else setState({ step: 'preview', name: file.name, dataBase64, changes: ratingChanges(report, preview.value), importing: false });
  };

  /** Writes the previewed sheet; answers how many ratings it set, or null when the core refused. */
  const commit = async (): Promise<number | null> => {
    if (state.step !== 'preview') return null;
    setState({ ...state, importing: true });
    const done = await api.call('reports.importRatings', { id: report.id, fileName: state.name, dataBase64: state.dataBase64, dryRun: false });
    if (!done.ok) {
      setState({ step: 'refused', name: state.name, error: done.error });
      return null;
    }
    client.setQueryData(queryKey('reports.get', { id: report.id }), done.value);
    invalidate([report.type]);
    setState({ step: 'idle' });
    return state.changes.length;
  };

  return { state, choose, commit, close: () => setState({ step: 'idle' }) };
}
