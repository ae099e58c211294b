import { useCallback, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract';
import { ApiError } from '../../../api/queries';
import { errorMessage, useI18n } from '../../../i18n';
import type { ReportPatch } from './model';

const isAppError = (value: unknown): value is AppErrorShape => typeof value === 'object' && value !== null && typeof (value as AppErrorShape).code === 'string';
/** The core's refusal, whether onPatch rejects with it as it is or wrapped as a query's ApiError. */
const refusalOf = (error: unknown): AppErrorShape | null => (error instanceof ApiError ? error.error : isAppError(error) ? error : null);

/**
 * Saving a panel's patch: whether a save is under way, and the sentence for the last refusal
 * (cleared by the next success). `save` answers whether the patch was written, so a field
 * keeps what the curator typed when it was not.
 */
export function useSave(onPatch: (patch: ReportPatch) => Promise<void>) {
  const { locale, t } = useI18n();
  const [pending, setPending] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(onPatch);
  latest.current = onPatch;

  const save = useCallback(
    async (patch: ReportPatch): Promise<boolean> => {
      setPending((n) => n + 1);
      try {
        await latest.current(patch);
        setProblem(null);
        return true;
      } catch (error) {
        const refusal = refusalOf(error);
        setProblem(refusal ? errorMessage(refusal, locale, t) : t('reportPanels.saveFailed'));
        return false;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [locale, t],
  );
  return { save, saving: pending > 0, problem, setProblem };
}
