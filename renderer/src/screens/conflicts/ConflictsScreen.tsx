import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { canDecide } from '../../../../shared/model/vetting/roles';
import { useVettingQuery } from '../../api/oversight';
import { errorShape } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { countryName, formatDateTime, useI18n } from '../../i18n';
import { GatedScreen } from '../profile/ProfileGate';
import { ResolveModal } from './ResolveModal';
import { verdictText } from './verdict';

export type ConflictItem = Output<'vetting.conflicts'>['items'][number];

/**
 * The conflict inbox: applications on which concurrent steps (two laptops offline) disagree,
 * with each side — who, when, what — and a resolution that supersedes them all.
 */
export function ConflictsScreen() {
  const { t } = useI18n();
  return <GatedScreen title={t('oversight.conflicts.title')} maw={960}>{(user) => <Inbox canResolve={canDecide(user)} />}</GatedScreen>;
}

function Inbox({ canResolve }: { canResolve: boolean }) {
  const { t, locale } = useI18n();
  const conflicts = useVettingQuery('vetting.conflicts', {});
  const [resolving, setResolving] = useState<ConflictItem | null>(null);
  if (conflicts.isPending) return <Skeleton height={160} />;
  if (conflicts.isError) return <LoadError error={errorShape(conflicts.error)} onRetry={() => void conflicts.refetch()} />;
  const items = conflicts.data.items;
  if (items.length === 0) {
    return <EmptyState framed testId="conflicts-empty" title={t('oversight.conflicts.empty')} body={t('oversight.conflicts.emptyBody')} />;
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('oversight.conflicts.body')}
      </Text>
      {items.map((item) => (
        <Paper key={item.id} withBorder radius="md" p="lg" component="section" aria-labelledby={`conflict-${item.id}`} data-testid="conflict">
          <Group justify="space-between" mb="xs" wrap="wrap">
            <div>
              <Title order={2} size="h4" id={`conflict-${item.id}`}>
                {item.displayName}
              </Title>
              <Text size="sm" c="dimmed">
                {countryName(locale, item.country)}
              </Text>
            </div>
            {canResolve ? (
              <Button onClick={() => setResolving(item)} aria-label={t('oversight.conflicts.resolveNamed', { name: item.displayName })}>
                {t('oversight.conflicts.resolve')}
              </Button>
            ) : (
              <Badge color="gray" variant="light">
                {t('oversight.conflicts.curatorsOnly')}
              </Badge>
            )}
          </Group>
          <Table layout="fixed">
            <Table.Caption>{t('oversight.conflicts.sidesCaption', { name: item.displayName })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('oversight.conflicts.what')}</Table.Th>
                <Table.Th scope="col">{t('oversight.conflicts.who')}</Table.Th>
                <Table.Th scope="col">{t('oversight.conflicts.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.sides.map((s) => (
                <Table.Tr key={s.eventId}>
                  <Table.Td fw={500}>{verdictText(s.verdict, locale, t)}</Table.Td>
                  <Table.Td>{s.byName || s.by}</Table.Td>
                  <Table.Td>{formatDateTime(locale, s.at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      {resolving && <ResolveModal item={resolving} onClose={() => setResolving(null)} />}
    </Stack>
  );
}
