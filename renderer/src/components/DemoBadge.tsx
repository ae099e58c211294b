import { Badge, type BadgeProps } from '@mantine/core';
import { useT } from '../i18n';

/** Marks a synthetic expert made by "Load demo data", wherever an expert is shown. */
export function DemoBadge(props: BadgeProps) {
  const t = useT();
  return (
    <Badge color="grape" variant="light" title={t('demo.badge.hint')} aria-label={t('demo.badge.hint')} data-testid="demo-badge" style={{ flex: '0 0 auto' }} {...props}>
      {t('demo.badge')}
    </Badge>
  );
}
