import { useCallback, useState } from 'react';
import { useApi, useInvalidate } from '../../api/ApiProvider';
import { useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';

/**
 * Removing and restoring a case study or story (reports.remove / reports.restore): removal is a
 * field (deletedAt), so restoring gives back the record exactly as it was. Each says so in a
 * toast; a removal's toast offers Undo, which is a restore.
 */
export function useReportRemoval() {
  const api = useApi();
  const invalidate = useInvalidate();
  const notify = useNotify();
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);

  const restore = useCallback(
    async (id: string, title: string): Promise<boolean> => {
      setBusy(id);
      const result = await api.call('reports.restore', { id });
      setBusy(null);
      if (!result.ok) {
        notify.failure(result.error);
        return false;
      }
      invalidate([result.value.type]);
      notify.success(t('reports.remove.restored', { title }));
      return true;
    },
    [api, invalidate, notify, t],
  );

  /** Removes it; `then` runs once it is removed, in the same turn as the toast (so a move to the list keeps the toast). */
  const remove = useCallback(
    async (id: string, title: string, then: () => void): Promise<boolean> => {
      setBusy(id);
      const result = await api.call('reports.remove', { id });
      setBusy(null);
      if (!result.ok) {
        notify.failure(result.error);
        return false;
      }
      invalidate(['case_study', 'story']);
      notify.success(t('reports.remove.done', { title }), () => void restore(id, title));
      then();
      return true;
    },
    [api, invalidate, notify, restore, t],
  );

  return { remove, restore, busy };
}
