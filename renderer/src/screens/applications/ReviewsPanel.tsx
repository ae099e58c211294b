import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApplicationDetail } from '../../../../shared/contract/vetting';
import { weightedScore } from '../../../../shared/model/vetting';
import { useApi } from '../../api/ApiProvider';
import { vettingQuery } from '../../api/vetting';
import { formatDateTime, useI18n } from '../../i18n';
import { AssignModal } from './AssignModal';
import { AutoAssignButton } from './AutoAssignButton';
import { Section } from '../../components/Section';
import type { useAct } from './useApplication';

/**
 * Who reviews the application and what they said. Reviews are those the core lets the
 * signed-in user see (visibility.ts): a reviewer sees others' only after submitting their own.
 */
export function ReviewsPanel({ detail, act }: { detail: ApplicationDetail; act: ReturnType<typeof useAct> }) {
  const { locale, t } = useI18n();
  const api = useApi();
  const settings = useQuery(vettingQuery(api, 'vetting.settings', {}));
  const [assigning, setAssigning] = useState(false);
  const { assignments, reviews } = detail.state;
  const name = (id: string) => detail.people[id] ?? id;
  const rubric = settings.data?.rubric ?? [];
  const canAssign = detail.actions.includes('assigned');
  const canUnassign = detail.actions.includes('unassigned');

  return (
    <Section
      title={t('apps.section.reviews')}
      aside={
        canAssign && (
          <Group gap="xs">
            <AutoAssignButton detail={detail} />
            <Button size="xs" onClick={() => setAssigning(true)}>
              {t('apps.assign.open')}
            </Button>
          </Group>
        )
      }
    >
      <Stack gap="md">
        {assignments.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('apps.reviews.noAssignments')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('apps.reviews.assigned')}>
            {assignments.map((a) => {
              const reviewed = reviews.some((r) => r.reviewerId === a.reviewerId);
              return (
                <Group key={a.reviewerId} component="li" justify="space-between" wrap="nowrap" gap="sm">
                  <div style={{ minWidth: 0 }}>
                    <Group gap={6}>
                      <Text fw={500}>{name(a.reviewerId)}</Text>
                      <Badge size="sm" variant="light" color={reviewed ? 'teal' : 'gray'} style={{ textTransform: 'none' }}>
                        {t(reviewed ? 'apps.reviews.submitted' : 'apps.reviews.pending')}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('apps.reviews.assignedBy', { who: name(a.by), when: formatDateTime(locale, a.at) })}
                    </Text>
                    {a.override && (
                      <Text size="sm" fw={500} data-testid="override-reason">
                        {t('apps.reviews.override', { reason: a.override.reason })}
                      </Text>
                    )}
                  </div>
                  {canUnassign && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={act.pending}
                      aria-label={t('apps.reviews.unassignNamed', { name: name(a.reviewerId) })}
                      onClick={() => void act.act({ applicationId: detail.id, type: 'unassigned', payload: { reviewerId: a.reviewerId } }, t('apps.reviews.unassigned', { name: name(a.reviewerId) }))}
                    >
                      {t('apps.reviews.unassign')}
                    </Button>
                  )}
                </Group>
              );
            })}
          </Stack>
        )}
        {reviews.map((r) => {
          const score = weightedScore(r.scores, rubric);
          return (
            <Stack key={r.eventId} gap={4} p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{name(r.reviewerId)}</Text>
                <Badge variant="light" color={r.recommendation === 'accept' ? 'teal' : r.recommendation === 'reject' ? 'red' : 'yellow'} style={{ textTransform: 'none' }}>
                  {t(`apps.recommendation.${r.recommendation}`)}
                </Badge>
              </Group>
              <Text size="sm">
                {rubric.map((c) => `${c.label[locale]}: ${r.scores[c.key] ?? '—'}/${c.scale}`).join(' · ')}
                {score !== null && ` · ${t('apps.reviews.overall', { percent: Math.round(score * 100) })}`}
              </Text>
              {r.comments && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.comments}</Text>}
              <Text size="xs" c="dimmed">
                {formatDateTime(locale, r.at)}
              </Text>
            </Stack>
          );
        })}
      </Stack>
      {canAssign && <AssignModal detail={detail} opened={assigning} onClose={() => setAssigning(false)} act={act} />}
    </Section>
  );
}
