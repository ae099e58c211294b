import { Badge, type BadgeProps } from '@mantine/core';
import { useT } from '../i18n';

/** Marks a synthetic expert made by "Load demo data", wherever an expert is shown; `hint` says what else it marks (a demo case study). */
export function DemoBadge({ hint, ...props }: BadgeProps & { hint?: string }) {
  const t = useT();
  const said = hint ?? t('demo.badge.hint');
  return (
    <Badge color="grape" variant="light" title={said} aria-label={said} data-testid="demo-badge" style={{ flex: '0 0 auto' }} {...props}>
      {t('demo.badge')}
    </Badge>
  );
}
