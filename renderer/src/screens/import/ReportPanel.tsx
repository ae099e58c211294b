import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ImportReport } from '../../../../shared/contract/import';
import { formatNumber, useI18n } from '../../i18n';
import { saveFile } from '../../lib/saveFile';
import { outcomeLabel, problemText, reportCsv } from './importText';

/** Rows listed on screen; the downloaded report lists every row. */
const SHOWN = 200;

/** What a dry run would do, or what the import did: counts, each row not added and why, and the whole report as CSV. */
export function ReportPanel({ report }: { report: ImportReport }) {
  const { locale, t } = useI18n();
  const n = (v: number) => formatNumber(locale, v);
  const notAdded = report.items.filter((i) => i.outcome === 'problems' || i.outcome === 'not_written');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="import-report-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="import-report-title">
          {report.dryRun ? t('import.report.dryTitle') : t('import.report.title')}
        </Title>
        <Text>
          {report.dryRun
            ? t('import.report.drySummary', { add: n(report.wouldAdd), already: n(report.alreadyImported), problems: n(report.withProblems) })
            : t('import.report.summary', { added: n(report.added), already: n(report.alreadyImported), problems: n(report.withProblems) })}
        </Text>
        {report.failure && (
          <Alert color="red" title={t('import.report.stopped')} role="alert">
            {locale === 'en' ? report.failure.message : t('import.report.stoppedBody', { added: n(report.added), notWritten: n(report.notWritten) })}
          </Alert>
        )}
        {notAdded.length > 0 && (
          <Stack component="ul" gap={4} m={0} pl="md" aria-label={t('import.report.rowsLabel')}>
            {notAdded.slice(0, SHOWN).map((i) => (
              <li key={i.row}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
                    {outcomeLabel(t, i.outcome)}
                  </Badge>
                  <Text size="sm">
                    {i.problems.length ? i.problems.map((p) => problemText(p, locale, t)).join(' ') : t('import.report.rowNotWritten', { row: i.row })}
                    {i.name ? ` (${i.name})` : ''}
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        )}
        {notAdded.length > SHOWN && <Text size="sm" c="dimmed">{t('import.report.more', { count: n(notAdded.length - SHOWN) })}</Text>}
        <Group>
          <Button variant="default" onClick={() => saveFile(reportCsv(report, locale, t))}>
            {t('import.report.download')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
