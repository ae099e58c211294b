import { Group, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { formatNumber, useI18n } from '../../../i18n';

export type Format = 'pdf' | 'docx';
export type Lang = 'en' | 'id';

/** The format and language of an export (the screen's language to start with). */
export function ExportChoices({ format, lang, onFormat, onLang, disabled }: { format: Format; lang: Lang; onFormat(f: Format): void; onLang(l: Lang): void; disabled: boolean }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <Group gap="md" align="end">
      <Stack gap={4}>
        <Text size="sm" fw={500} id={`${id}-format`}>
          {t('reportExport.format')}
        </Text>
        <SegmentedControl aria-labelledby={`${id}-format`} value={format} onChange={(v) => onFormat(v as Format)} data={[{ value: 'pdf', label: 'PDF' }, { value: 'docx', label: 'DOCX' }]} disabled={disabled} />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500} id={`${id}-lang`}>
          {t('reportExport.language')}
        </Text>
        <SegmentedControl
          aria-labelledby={`${id}-lang`}
          value={lang}
          onChange={(v) => onLang(v as Lang)}
          data={[
            { value: 'en', label: t('reportExport.lang.en') },
            { value: 'id', label: t('reportExport.lang.id') },
          ]}
          disabled={disabled}
        />
      </Stack>
    </Group>
  );
}

/** While the core works: its progress through a compilation, or a moving bar until the first event. */
export function ExportProgress({ running, progress, label }: { running: boolean; progress: { done: number; total: number } | null; label: string }) {
  const { locale, t } = useI18n();
  if (!running) return null;
  return (
    <Stack gap={4} aria-live="polite">
      <Progress value={progress && progress.total ? (100 * progress.done) / progress.total : 100} animated={!progress} striped={!progress} aria-label={label} transitionDuration={150} />
      <Text size="sm" c="dimmed">
        {progress ? t('reportExport.progress', { done: formatNumber(locale, progress.done), total: formatNumber(locale, progress.total) }) : t('reportExport.working')}
      </Text>
    </Stack>
  );
}
