import { Badge } from '@mantine/core';
import { useSyncStatus } from './SyncStatusProvider';

/**
 * The count of sync problems beside "Sync problems" in the navigation, when there are any.
 * Its own component, so the status events of a long sync re-render this badge, not the shell
 * and the screen inside it.
 */
export function SyncProblemsBadge() {
  const problems = useSyncStatus().status?.problems ?? 0;
  if (problems <= 0) return null;
  return (
    <Badge size="sm" color="red" variant="filled" data-testid="sync-problems-count">
      {problems}
    </Badge>
  );
}
