import { Button, Group, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useApi, useApiEvent } from '../../api/ApiProvider';
import { formatNumber, useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { saveFile } from '../../lib/saveFile';

type Format = 'pdf' | 'docx';
type Lang = 'en' | 'id';

/**
 * "Export all letters": every decided application's decision letter, in one ZIP, as PDF or DOCX,
 * in English or Bahasa Indonesia (the screen's language to start with). Shows the core's
 * progress while the letters are made; the core refuses with a sentence when none is decided.
 */
export function ExportLetters() {
  const api = useApi();
  const { locale, t } = useI18n();
  const notify = useNotify();
  const [format, setFormat] = useState<Format>('pdf');
  const [lang, setLang] = useState<Lang>(locale === 'id' ? 'id' : 'en');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  useApiEvent('progress', (p) => {
    if (p.task === 'export' && running) setProgress(p.finished ? null : { done: p.done, total: p.total });
  });

  const exportAll = async () => {
    setRunning(true);
    const result = await api.call('letters.export', { format, lang });
    setRunning(false);
    setProgress(null);
    if (!result.ok) return notify.failure(result.error);
    saveFile(result.value);
    notify.success(t('letters.exported', { count: formatNumber(locale, result.value.count) }));
  };

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('letters.hint')}
      </Text>
      <Group gap="md" align="end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="letters-format">
            {t('letters.format')}
          </Text>
          <SegmentedControl aria-labelledby="letters-format" value={format} onChange={(v) => setFormat(v as Format)} data={[{ value: 'pdf', label: 'PDF' }, { value: 'docx', label: 'DOCX' }]} disabled={running} />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="letters-language">
            {t('letters.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="letters-language"
            value={lang}
            onChange={(v) => setLang(v as Lang)}
            data={[
              { value: 'en', label: t('letters.lang.en') },
              { value: 'id', label: t('letters.lang.id') },
            ]}
            disabled={running}
          />
        </Stack>
        <Button onClick={exportAll} loading={running}>
          {t('letters.exportAll')}
        </Button>
      </Group>
      {progress && (
        <Stack gap={4} aria-live="polite">
          <Progress value={progress.total ? (100 * progress.done) / progress.total : 0} aria-label={t('letters.exportAll')} transitionDuration={150} />
          <Text size="sm" c="dimmed">
            {t('letters.exporting', { done: formatNumber(locale, progress.done), total: formatNumber(locale, progress.total) })}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
