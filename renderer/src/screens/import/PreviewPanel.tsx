import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportPreviewOut } from '../../../../shared/contract/import';
import { formatNumber, useI18n, type MessageKey } from '../../i18n';
import { problemText } from './importText';

const statusColor = { new: 'teal', already_imported: 'gray', problems: 'red' } as const;

/** What importing the file would do: the counts, the first rows, and every row with problems. */
export function PreviewPanel({ preview }: { preview: ImportPreviewOut }) {
  const { locale, t } = useI18n();
  const s = preview.summary;
  const nameColumn = (cells: string[]) =>
    ['honorific', 'givenName', 'familyName']
      .map((f) => preview.mapping.indexOf(f as never))
      .filter((i) => i >= 0)
      .map((i) => cells[i]?.trim())
      .filter(Boolean)
      .join(' ');
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('import.preview.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('import.preview.read', {
            format: preview.format.toUpperCase(),
            encoding: preview.encoding ?? preview.sheetName ?? '',
            rows: formatNumber(locale, s.rows),
          })}
        </Text>
        <Group gap="xs" role="group" aria-label={t('import.summary.label')}>
          <Badge color="teal" variant="light">{t('import.summary.new', { count: formatNumber(locale, s.new) })}</Badge>
          <Badge color="gray" variant="light">{t('import.summary.already', { count: formatNumber(locale, s.alreadyImported) })}</Badge>
          <Badge color="red" variant="light">{t('import.summary.problems', { count: formatNumber(locale, s.withProblems) })}</Badge>
        </Group>
        <Table withTableBorder layout="fixed" aria-label={t('import.preview.rowsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('import.csv.row')}</Table.Th>
              <Table.Th w="30%">{t('import.csv.applicant')}</Table.Th>
              <Table.Th w={150}>{t('import.csv.outcome')}</Table.Th>
              <Table.Th>{t('import.csv.problems')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{nameColumn(r.cells)}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor[r.status]} variant="light">
                    {t(`import.status.${r.status}` as MessageKey)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.problems.map((p, k) => (
                    <Text key={k} size="sm">
                      {problemText(p, locale, t)}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {s.rows > preview.sample.length && <Text size="sm" c="dimmed">{t('import.preview.more', { shown: formatNumber(locale, preview.sample.length), total: formatNumber(locale, s.rows) })}</Text>}
        {preview.problemRows.length > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h5" id="import-problems-title">
              {t('import.preview.problemsTitle')}
            </Title>
            <Stack component="ul" gap={4} m={0} pl="md" aria-labelledby="import-problems-title">
              {preview.problemRows.map((r) => (
                <li key={r.row}>
                  <Text size="sm">
                    {r.problems.map((p) => problemText(p, locale, t)).join(' ')}
                    {r.name ? ` (${r.name})` : ''}
                  </Text>
                </li>
              ))}
            </Stack>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
