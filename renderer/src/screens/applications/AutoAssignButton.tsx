import { Button } from '@mantine/core';
import type { ApplicationDetail } from '../../../../shared/contract/vetting';
import { errorShape } from '../../api/queries';
import { useVettingWrite } from '../../api/vetting';
import { useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { autoAssignSkipText } from './autoAssignSkip';

/**
 * Assigns this application's reviewers by the planner (`applications.autoAssign`): k reviewers
 * by expertise and load, never a conflicted one. Says how many were assigned, or why a place
 * stayed empty (the core's reason, by its code, in the curator's language); the page refreshes
 * from the write.
 */
export function AutoAssignButton({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const notify = useNotify();
  const write = useVettingWrite('applications.autoAssign');

  const run = async () => {
    try {
      const { assigned, skipped } = await write.mutateAsync({ ids: [detail.id] });
      const reasons = skipped.filter((s) => s.applicationId === detail.id).map((s) => autoAssignSkipText(s, t));
      const count = t(assigned === 1 ? 'apps.autoAssign.count.one' : 'apps.autoAssign.count.other', { count: assigned });
      if (reasons.length === 0) notify.success(t('apps.autoAssign.done', { assigned: count }));
      else notify.problem(assigned > 0 ? t('apps.autoAssign.partial', { assigned: count }) : t('apps.autoAssign.none'), reasons.join(' '));
    } catch (error) {
      notify.failure(errorShape(error)!, t('apps.autoAssign.none'));
    }
  };

  return (
    <Button size="xs" variant="light" loading={write.isPending} onClick={() => void run()}>
      {t('apps.autoAssign.button')}
    </Button>
  );
}
