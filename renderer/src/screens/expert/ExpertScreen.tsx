import { Alert, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { LoadError } from '../../components/LoadError';
import { useEffect, useRef, useState } from 'react';
import { displayName, type Expert } from '../../../../shared/model/expert';
import { DemoBadge } from '../../components/DemoBadge';
import { ExpertAvatar } from '../../components/ExpertAvatar';
import { ArchiveIcon, ArrowLeftIcon, EditIcon, HistoryIcon, RestoreIcon } from '../../components/icons';
import { Detail, Section } from '../../components/Section';
import { VisibilityBadge } from '../../components/VisibilityBadge';
import { countryName, formatDateTime, languageName, plural, useI18n } from '../../i18n';
import { useNavigation } from '../../nav/Navigation';
import { PortfolioList } from '../../portfolio/PortfolioList';
import { useTaxonomy } from '../../taxonomy/TaxonomyProvider';
import { ArchiveModal } from './ArchiveModal';
import { CopyableText } from '../../components/CopyableText';
import { HistoryDrawer } from './HistoryDrawer';
import { useExpert } from './useExpert';

export function ExpertScreen({ id }: { id: string }) {
  const state = useExpert(id);
  const { t } = useI18n();
  const { navigate } = useNavigation();

  const back = (
    <Group>
      <Button variant="subtle" leftSection={<ArrowLeftIcon />} onClick={() => navigate({ screen: 'directory' })} px="xs">
        {t('expert.back')}
      </Button>
    </Group>
  );

  if (state.status === 'loading') {
    return (
      <Stack aria-busy="true">
        {back}
        <Skeleton height={140} radius="md" />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Skeleton height={180} radius="md" />
          <Skeleton height={180} radius="md" />
        </SimpleGrid>
      </Stack>
    );
  }
  if (state.status === 'error' && !state.expert) {
    return <LoadError before={back} error={state.error} onRetry={state.reload} />;
  }
  return (
    <Stack>
      {back}
      <ExpertProfile expert={state.expert!} onReplace={state.replace} onReload={state.reload} />
    </Stack>
  );
}

function ExpertProfile({ expert, onReplace, onReload }: { expert: Expert; onReplace(e: Expert): void; onReload(): void }) {
  const { locale, t } = useI18n();
  const taxonomy = useTaxonomy();
  const { navigate } = useNavigation();
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const name = displayName(expert);
  const archived = expert.status === 'archived';
  // Opened from the list with Enter, the row that had focus is gone: focus lands on the name,
  // so a screen reader says where the curator is and Tab goes on from the header. Focus that
  // is somewhere already is left alone.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus({ preventScroll: true });
  }, [expert.id]);
  const notGiven = (
    <Text span c="dimmed">
      {t('common.notGiven')}
    </Text>
  );

  return (
    <>
      <Card withBorder radius="md" padding="lg">
        {/* The actions sit beside the name when there is room for both, else they wrap below
            it: a long name never gets squeezed into a narrow column at 1024 px. */}
        <Group align="flex-start" justify="space-between" gap="lg">
          <Group align="flex-start" gap="lg" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Stack align="center" gap={6} maw={140} style={{ flex: '0 0 auto' }}>
              <ExpertAvatar photo={expert.photo} name={name} alt={t('expert.photoOf', { name })} size={112} radius={112} />
              {expert.photo && <VisibilityBadge level={expert.visibility.photo} />}
            </Stack>
            <Stack gap={4} style={{ minWidth: 0 }}>
              {expert.honorific && <Text c="dimmed">{expert.honorific}</Text>}
              <Group gap="sm" align="center" wrap="wrap">
                <Title ref={heading} tabIndex={-1} order={1} size="h2" data-testid="expert-name" style={{ overflowWrap: 'anywhere' }}>
                  {name}
                </Title>
                <Badge color={archived ? 'gray' : 'teal'} variant="light" role="status" aria-label={t('expert.status.label')} data-testid="expert-status">
                  {t(archived ? 'status.archived' : 'status.active')}
                </Badge>
                {expert.demo && <DemoBadge />}
              </Group>
              {expert.otherNames.length > 0 && (
                <Text size="sm" c="dimmed">
                  {expert.otherNames.join(' · ')}
                </Text>
              )}
              <Text>
                {[expert.position, expert.agency].filter(Boolean).join(', ')}
                {(expert.position || expert.agency) && ' — '}
                {countryName(locale, expert.country)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('expert.lastUpdate', { when: formatDateTime(locale, expert.updatedAt), who: expert.updatedBy })}
              </Text>
            </Stack>
          </Group>
          <Group gap="xs">
            <Button leftSection={<EditIcon />} onClick={() => navigate({ screen: 'edit', id: expert.id })}>
              {t('expert.actions.edit')}
            </Button>
            <Button
              data-testid="archive-expert"
              variant="light"
              color={archived ? 'teal' : 'red'}
              leftSection={archived ? <RestoreIcon /> : <ArchiveIcon />}
              onClick={() => setArchiveOpen(true)}
            >
              {t(archived ? 'expert.actions.restore' : 'expert.actions.archive')}
            </Button>
            <Button data-testid="history-expert" variant="default" leftSection={<HistoryIcon />} onClick={() => setHistoryOpen(true)}>
              {t('expert.actions.history')}
            </Button>
          </Group>
        </Group>
      </Card>

      {archived && (
        <Alert color="gray" title={t('expert.archivedNotice')} data-testid="archived-notice">
          {expert.statusReason && t('expert.statusReason', { reason: expert.statusReason })}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('expert.section.contact')} aside={<VisibilityBadge level={expert.visibility.contact} />}>
          <Stack gap="sm">
            <Detail label={t('field.email')}>{expert.email ? <CopyableText value={expert.email} /> : notGiven}</Detail>
            <Detail label={t('field.phone')}>{expert.phone || notGiven}</Detail>
          </Stack>
        </Section>

        <Section title={t('expert.section.identity')}>
          <SimpleGrid cols={2} spacing="sm">
            <Detail label={t('field.givenName')}>{expert.givenName}</Detail>
            <Detail label={t('field.familyName')}>{expert.familyName || notGiven}</Detail>
            <Detail label={t('field.nameOrder')}>{t(`nameOrder.${expert.nameOrder}`)}</Detail>
            <Detail label={t('field.gender')}>{expert.gender ? t(`gender.${expert.gender}`) : t('gender.unstated')}</Detail>
          </SimpleGrid>
        </Section>

        <Section title={t('expert.section.career')} aside={<VisibilityBadge level={expert.visibility.career} />}>
          <Stack gap="sm">
            <SimpleGrid cols={2} spacing="sm">
              <Detail label={t('field.position')}>{expert.position || notGiven}</Detail>
              <Detail label={t('field.agency')}>{expert.agency || notGiven}</Detail>
            </SimpleGrid>
            {expert.yearsExperience !== null && <Text fw={500}>{plural(t, locale, 'expert.years', expert.yearsExperience)}</Text>}
            {expert.careerSummary && <Text style={{ whiteSpace: 'pre-wrap' }}>{expert.careerSummary}</Text>}
            <Detail label={t('expert.section.education')}>
              {expert.education.length === 0 ? (
                notGiven
              ) : (
                <Stack gap={2} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
                  {expert.education.map((e, i) => (
                    <li key={i}>
                      <Text span fw={500}>
                        {e.qualification}
                      </Text>
                      {[e.institution, e.year].filter((x) => x !== null && x !== '').length > 0 && (
                        <Text span c="dimmed">
                          {' — '}
                          {[e.institution, e.year].filter((x) => x !== null && x !== '').join(', ')}
                        </Text>
                      )}
                    </li>
                  ))}
                </Stack>
              )}
            </Detail>
          </Stack>
        </Section>

        <Section title={t('expert.section.expertise')} aside={<VisibilityBadge level={expert.visibility.expertise} />}>
          <Stack gap="md">
            {expert.expertise.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('expert.noExpertise')}
              </Text>
            ) : (
              <Group gap={6}>
                {expert.expertise.map((id) => {
                  const path = taxonomy.path(id);
                  return (
                    <Badge
                      key={id}
                      variant="light"
                      size="lg"
                      radius="sm"
                      // A long term wraps onto a second line rather than being cut with "…" in a narrow column.
                      style={{ textTransform: 'none', height: 'auto', whiteSpace: 'normal', maxWidth: '100%', paddingBlock: 4 }}
                      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'start' } }}
                      title={path.join(' › ')}
                    >
                      {path.length > 1 && (
                        <Text span size="xs" c="dimmed" mr={4}>
                          {path.slice(0, -1).join(' › ')} ›
                        </Text>
                      )}
                      {path.at(-1)}
                    </Badge>
                  );
                })}
              </Group>
            )}
            <Detail label={t('expert.section.languages')}>
              {expert.languages.length === 0 ? (
                notGiven
              ) : (
                <Group gap={6}>
                  {expert.languages.map((l) => (
                    <Badge key={l.code} variant="outline" color="gray" radius="sm" style={{ textTransform: 'none' }}>
                      {languageName(locale, l.code)} · {t(`proficiency.${l.proficiency}`)}
                    </Badge>
                  ))}
                </Group>
              )}
            </Detail>
          </Stack>
        </Section>
      </SimpleGrid>

      <Section title={t('expert.section.portfolio')} aside={<VisibilityBadge level={expert.visibility.portfolio} />}>
        <PortfolioList expertId={expert.id} items={expert.portfolio} editable onChanged={onReload} />
      </Section>

      <ArchiveModal expert={expert} opened={archiveOpen} onClose={() => setArchiveOpen(false)} onDone={onReplace} />
      <HistoryDrawer expert={expert} opened={historyOpen} onClose={() => setHistoryOpen(false)} />
    </>
  );
}
