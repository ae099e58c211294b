import { useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract';
import type { ReportsExportRequest } from '../../../../../shared/contract/reportsExport';
import { useApi, useApiEvent } from '../../../api/ApiProvider';
import { useNotify } from '../../../lib/notify';
import { saveFile } from '../../../lib/saveFile';
import { readRefusal, type Refusal } from './refusal';

export interface ExportState {
  running: boolean;
  /** A compilation's progress from the core's `progress` events (task 'export'); null before the first. */
  progress: { done: number; total: number } | null;
  /** The last refusal for want of consent, shown where the export was asked (not as a toast). */
  refusal: Refusal | null;
  /** The last NOT_ALLOWED refusal (e.g. no profile chosen yet), also shown in the dialog (ExportBlocked). */
  blocked: AppErrorShape | null;
  run(request: ReportsExportRequest): Promise<{ fileName: string; count: number } | null>;
  clear(): void;
}

/**
 * Runs reports.export in the core and hands the file to the curator the way every export of the
 * app does (lib/saveFile.ts: the system's save dialog in the desktop app, a download in a
 * browser). The window stays live meanwhile: the work is the core's. A NO_CONSENT or NOT_ALLOWED
 * refusal is kept for the dialog to show with the way to fix it; any other failure is a toast.
 */
export function useReportExport(): ExportState {
  const api = useApi();
  const notify = useNotify();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ExportState['progress']>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [blocked, setBlocked] = useState<AppErrorShape | null>(null);

  useApiEvent('progress', (p) => {
    if (p.task === 'export' && running) setProgress(p.finished ? null : { done: p.done, total: p.total });
  });

  const run = async (request: ReportsExportRequest) => {
    setRunning(true);
    setRefusal(null);
    setBlocked(null);
    setProgress(null);
    const result = await api.call('reports.export', request);
    setRunning(false);
    setProgress(null);
    if (!result.ok) {
      const refused = readRefusal(result.error as AppErrorShape);
      if (refused) setRefusal(refused);
      else if (result.error.code === 'NOT_ALLOWED') setBlocked(result.error as AppErrorShape);
      else notify.failure(result.error);
      return null;
    }
    saveFile(result.value);
    return { fileName: result.value.fileName, count: result.value.count };
  };

  const clear = () => {
    setRefusal(null);
    setBlocked(null);
  };
  return { running, progress, refusal, blocked, run, clear };
}
