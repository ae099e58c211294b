import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SyncProblem } from '../../../../shared/contract';
import { useApi } from '../../api/ApiProvider';
import { apiQuery, errorShape } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { RouteLink } from '../../components/RouteLink';
import { formatDateTime, formatNumber, useI18n } from '../../i18n';
import { entityName, problemReason, problemTodo } from './problemText';

/**
 * "Sync problems": the changes sync did not apply (sync.problems), newest first. Each says
 * which record, who wrote it and where, why (in the curator's language, by its code), and
 * what to do. Nothing listed here was deleted; the funnel keeps every refused change.
 */
export function SyncProblemsScreen() {
  const api = useApi();
  const { locale, t } = useI18n();
  // Refreshed when the status's count of problems moves (sync/SyncStatusProvider.tsx).
  const problems = useQuery(apiQuery(api, 'sync.problems', { limit: 200 }));
  const data = problems.data ?? null;
  const error = data ? null : errorShape(problems.error);

  return (
    <Stack maw={860} gap="md">
      <div>
        <Title order={1} size="h2">
          {t('problems.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('problems.intro')}
        </Text>
      </div>
      {error && <LoadError error={error} title={t('problems.error.title')} onRetry={() => void problems.refetch()} />}
      {!data && !error && <Skeleton height={160} radius="md" />}
      {data && data.items.length === 0 && (
        <Paper withBorder radius="md" p="xl" data-testid="sync-problems-empty">
          <Title order={2} size="h4" mb={4}>
            {t('problems.empty.title')}
          </Title>
          <Text c="dimmed">{t('problems.empty.body')}</Text>
        </Paper>
      )}
      {data && data.items.length > 0 && (
        <>
          {data.total > data.items.length && (
            <Text size="sm">{t('problems.shown', { shown: formatNumber(locale, data.items.length), total: formatNumber(locale, data.total) })}</Text>
          )}
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('problems.title')}>
            {data.items.map((p) => (
              <ProblemCard key={`${p.origin}:${p.seq}`} problem={p} />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

/**
 * Whether the expert a problem names is held here, so its name can lead to it: a refused
 * creation names an expert that never came to be. The query is the expert page's own, so it
 * is cached and refreshed with it.
 */
function useExpertHeld(problem: SyncProblem): boolean {
  const api = useApi();
  const held = useQuery({ ...apiQuery(api, 'experts.get', { id: problem.id }), enabled: problem.entity === 'expert' && problem.id !== '' });
  return held.isSuccess;
}

function ProblemCard({ problem: p }: { problem: SyncProblem }) {
  const { locale, t } = useI18n();
  const held = useExpertHeld(p);
  const record = p.label ?? t('problems.unknownRecord', { id: p.id.slice(0, 8) });
  const reason = problemReason(p, t);
  return (
    <Paper component="li" withBorder radius="md" p="md" data-testid="sync-problem">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Title order={2} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {/* An expert held here can be opened; a portfolio item's problem does not say which expert it belongs to. */}
            {held ? (
              <RouteLink to={{ screen: 'expert', id: p.id }} aria-label={t('problems.openRecord', { label: record })}>
                {record}
              </RouteLink>
            ) : (
              record
            )}
          </Title>
          <Text size="sm" c="dimmed">
            {entityName(p.entity, t)}
          </Text>
        </div>
        <Badge color={p.kind === 'parked' ? 'yellow' : 'red'} variant="light" style={{ flex: 'none' }}>
          {t(`problems.kind.${p.kind}`)}
        </Badge>
      </Group>
      <Text mt="sm" fw={500}>
        {reason}
      </Text>
      <Text mt={4}>
        <Text span fw={600}>
          {t('problems.whatToDo')}:
        </Text>{' '}
        {problemTodo(p, t)}
      </Text>
      <Text size="sm" c="dimmed" mt="sm">
        {[t('problems.by', { who: p.actor }), t(p.own ? 'problems.own' : 'problems.other'), t('problems.received', { when: formatDateTime(locale, p.receivedAt) })].join(' · ')}
      </Text>
      {/* The refusing node's own words: more precise (which field, which rule), and what an administrator searches the logs for. */}
      {reason !== p.reason && (
        <Text size="xs" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
          {t('problems.details')}: <span lang="en">{`${p.reason} (${p.code})`}</span>
        </Text>
      )}
    </Paper>
  );
}
