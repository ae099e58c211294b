import { Badge } from '@mantine/core';
import type { VisibilityLevel } from '../../../shared/model/expert';
import { useT } from '../i18n';

const colors: Record<VisibilityLevel, string> = { public: 'teal', members: 'blue', secretariat: 'orange' };

export function VisibilityBadge({ level }: { level: VisibilityLevel }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={colors[level]} data-testid="visibility-badge" style={{ textTransform: 'none' }}>
      {t('visibility.badge', { level: t(`visibility.${level}`) })}
    </Badge>
  );
}
