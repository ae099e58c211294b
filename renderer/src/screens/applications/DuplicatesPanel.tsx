import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ApplicationDetail, DuplicateCandidate } from '../../../../shared/contract/vetting';
import { errorShape } from '../../api/queries';
import { useVettingWrite } from '../../api/vetting';
import { RouteLink } from '../../components/RouteLink';
import { countryName, useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { Section } from '../../components/Section';
import { matchReasonText } from './texts';

/**
 * People this application may already be: experts in the directory and other applications,
 * each with why it matches. The curator marks each "same person" (an accepted application then
 * updates that expert) or "different"; a mark can be taken back.
 */
export function DuplicatesPanel({ detail, onDone }: { detail: ApplicationDetail; onDone(d: ApplicationDetail): void }) {
  const { t } = useI18n();
  return (
    <Section title={t('apps.section.duplicates')} aside={<Badge variant="light" color={detail.duplicates.length ? 'orange' : 'gray'}>{detail.duplicates.length}</Badge>}>
      {detail.duplicates.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('apps.duplicates.none')}
        </Text>
      ) : (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {detail.duplicates.map((c) => (
            <Candidate key={`${c.entity}:${c.id}`} applicationId={detail.id} candidate={c} onDone={onDone} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function Candidate({ applicationId, candidate: c, onDone }: { applicationId: string; candidate: DuplicateCandidate; onDone(d: ApplicationDetail): void }) {
  const { locale, t } = useI18n();
  const notify = useNotify();
  const mark = useVettingWrite('applications.markDuplicate');
  const set = (verdict: 'same' | 'different' | null) =>
    mark.mutate(
      { id: applicationId, candidate: { entity: c.entity, id: c.id }, verdict },
      { onSuccess: (d) => (onDone(d), notify.success(t(verdict === null ? 'apps.duplicates.cleared' : verdict === 'same' ? 'apps.duplicates.markedSame' : 'apps.duplicates.markedDifferent'))), onError: (e) => notify.failure(errorShape(e)!) },
    );
  const to = c.entity === 'expert' ? ({ screen: 'expert', id: c.id } as const) : ({ screen: 'application', id: c.id } as const);
  // Namesakes are common: the buttons name the workplace too, so each says whom it marks.
  const who = c.agency ? `${c.displayName} (${c.agency})` : c.displayName;
  return (
    <li>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Group gap={6}>
            <RouteLink to={to} fw={600}>
              {c.displayName}
            </RouteLink>
            <Badge size="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
              {t(c.entity === 'expert' ? 'apps.duplicates.expert' : 'apps.duplicates.application')}
            </Badge>
            {c.likely && (
              <Badge size="sm" color="orange" variant="light" style={{ textTransform: 'none' }}>
                {t('apps.duplicates.likely')}
              </Badge>
            )}
            {c.mark && (
              <Badge size="sm" color={c.mark === 'same' ? 'teal' : 'gray'} variant="light" style={{ textTransform: 'none' }} data-testid="duplicate-mark">
                {t(c.mark === 'same' ? 'apps.duplicates.same' : 'apps.duplicates.different')}
              </Badge>
            )}
          </Group>
          {(c.country || c.agency) && (
            <Text size="sm" c="dimmed">
              {[c.country ? countryName(locale, c.country) : '', c.agency].filter(Boolean).join(' · ')}
            </Text>
          )}
          <Text size="sm" component="ul" style={{ paddingLeft: 18, margin: '4px 0 0' }}>
            {c.reasons.map((r, i) => (
              <li key={i}>{matchReasonText(t, locale, r)}</li>
            ))}
          </Text>
        </div>
        <Group gap="xs">
          {c.mark === null ? (
            <>
              <Button size="xs" variant="light" color="teal" loading={mark.isPending} onClick={() => set('same')} aria-label={t('apps.duplicates.sameNamed', { name: who })}>
                {t('apps.duplicates.same')}
              </Button>
              <Button size="xs" variant="default" loading={mark.isPending} onClick={() => set('different')} aria-label={t('apps.duplicates.differentNamed', { name: who })}>
                {t('apps.duplicates.different')}
              </Button>
            </>
          ) : (
            <Button size="xs" variant="subtle" loading={mark.isPending} onClick={() => set(null)} aria-label={t('apps.duplicates.clearNamed', { name: who })}>
              {t('apps.duplicates.clear')}
            </Button>
          )}
        </Group>
      </Group>
    </li>
  );
}
