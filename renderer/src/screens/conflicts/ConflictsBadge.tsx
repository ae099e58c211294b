import { Badge } from '@mantine/core';
import { useVettingQuery } from '../../api/oversight';
import { useT } from '../../i18n';

/** How many applications wait in the conflict inbox, beside its link; nothing when none (or when the core cannot say). */
export function ConflictsBadge() {
  const t = useT();
  const count = useVettingQuery('vetting.conflicts', {}).data?.items.length ?? 0;
  if (count <= 0) return null;
  return (
    <Badge size="sm" color="red" variant="filled" data-testid="conflicts-count" aria-label={t('oversight.conflicts.badge', { count })}>
      {count}
    </Badge>
  );
}
