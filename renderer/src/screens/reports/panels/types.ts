/**
 * What every editor panel receives (the editor page renders each as a tab): the record as
 * `reports.get` answers it, a patch writer that calls `reports.update`, and whether the
 * signed-in curator may write it (a reviewer reads; a focal point writes only their country's).
 */
import type { ReportPatch, ReportRecord } from './model';

export interface PanelProps {
  report: ReportRecord;
  /** Writes these fields of the record (reports.update); rejects with the core's error when refused. */
  onPatch(patch: ReportPatch): Promise<void>;
  readOnly: boolean;
}
