import { List, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useI18n } from '../../../i18n';
import type { ReportRecord } from './model';
import { acceptedCriteria, acceptedRatings, sectionShortNames } from './ratingsTemplate';

/**
 * What an evaluation sheet may contain, shown beside a refused sheet: the criteria of this type
 * and the ratings, in the curator's language with the short names the importer also reads (it
 * takes the English and Indonesian names alike), and the sections by their short names.
 */
export function AcceptedNames({ type }: { type: ReportRecord['type'] }) {
  const { locale, t } = useI18n();
  // Each list is named by the sentence that leads into it.
  const id = useId();
  return (
    <Stack gap={6} data-testid="import-accepted">
      <Text size="sm" id={`${id}-criteria`}>
        {t('reportPanels.import.acceptedCriteria')}
      </Text>
      <List size="sm" spacing={2} aria-labelledby={`${id}-criteria`} style={{ columns: 2, columnGap: 'var(--mantine-spacing-lg)' }}>
        {acceptedCriteria(type, locale).map((c) => (
          <List.Item key={c.key}>
            {c.name} <Text span c="dimmed" size="sm">({c.key})</Text>
          </List.Item>
        ))}
      </List>
      <Text size="sm" id={`${id}-ratings`}>
        {t('reportPanels.import.acceptedRatings')}
      </Text>
      <List size="sm" spacing={2} aria-labelledby={`${id}-ratings`} style={{ columns: 2, columnGap: 'var(--mantine-spacing-lg)' }}>
        {acceptedRatings(locale).map((r) => (
          <List.Item key={r.key}>
            {r.name} <Text span c="dimmed" size="sm">({r.key.replace('_', ' ')})</Text>
          </List.Item>
        ))}
      </List>
      <Text size="sm">{t('reportPanels.import.acceptedSections', { list: sectionShortNames(type).join(', ') })}</Text>
    </Stack>
  );
}
