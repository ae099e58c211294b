import { Badge } from '@mantine/core';
import type { VisibilityLevel } from '../../../shared/model/expert';
import { useT } from '../i18n';

const colors: Record<VisibilityLevel, string> = { public: 'teal', members: 'blue', secretariat: 'orange' };

export function VisibilityBadge({ level }: { level: VisibilityLevel }) {
  const t = useT();
  return (
    // Never cut: the label wraps inside a narrow column (under the photo) instead of ending in "…".
    <Badge
      size="sm"
      variant="light"
      color={colors[level]}
      styles={{
        root: { textTransform: 'none', height: 'auto', maxWidth: '100%', flex: '0 0 auto' },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', textAlign: 'center', lineHeight: 1.35, paddingBlock: 2 },
      }}
    >
      {t('visibility.badge', { level: t(`visibility.${level}`) })}
    </Badge>
  );
}
