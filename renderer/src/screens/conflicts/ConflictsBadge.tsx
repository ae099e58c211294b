import { Badge } from '@mantine/core';
import { useVettingQuery } from '../../api/oversight';
import { useT } from '../../i18n';
import { useProfile } from '../profile/ProfileGate';

/**
 * How many applications wait in the conflict inbox, beside its link; nothing when none (or when
 * the core cannot say). Asked only once a profile is chosen: the inbox depends on who acts.
 */
export function ConflictsBadge() {
  const t = useT();
  const signedIn = !!useProfile().data?.user;
  const count = useVettingQuery('vetting.conflicts', {}, { enabled: signedIn }).data?.items.length ?? 0;
  if (!signedIn || count <= 0) return null;
  return (
    <Badge size="sm" color="red" variant="filled" data-testid="conflicts-count" aria-label={t('oversight.conflicts.badge', { count })}>
      {count}
    </Badge>
  );
}
