import { Badge, Button, Group, Menu, SimpleGrid, Skeleton, Stack, Text, Title, Card } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ApplicationDetail } from '../../../../shared/contract/vetting';
import { useApi } from '../../api/ApiProvider';
import { callOrThrow, errorShape } from '../../api/queries';
import { ArrowLeftIcon } from '../../components/icons';
import { LoadError } from '../../components/LoadError';
import { RouteLink } from '../../components/RouteLink';
import { countryName, formatDateTime, locales, localeNames, useI18n, type Locale } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { saveFile } from '../../lib/saveFile';
import { useNavigation } from '../../nav/Navigation';
import { ActionsPanel } from './ActionsPanel';
import { ChecklistPanel } from './ChecklistPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { DuplicatesPanel } from './DuplicatesPanel';
import { ProfilePanel } from './ProfilePanel';
import { ReviewsPanel } from './ReviewsPanel';
import { TimelinePanel } from './TimelinePanel';
import { daysIn, daysText, stageColor, stageLabel } from './texts';
import { useAct, useApplication } from './useApplication';

export function ApplicationScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const { navigate } = useNavigation();
  const { query, detail, error, replace } = useApplication(id);
  const back = (
    <Group>
      <Button variant="subtle" leftSection={<ArrowLeftIcon />} onClick={() => navigate({ screen: 'applications' })} px="xs">
        {t('apps.back')}
      </Button>
    </Group>
  );
  if (!detail && error) return <LoadError before={back} error={error} onRetry={() => void query.refetch()} />;
  if (!detail) {
    return (
      <Stack aria-busy="true">
        {back}
        <Skeleton height={120} radius="md" />
        <Skeleton height={240} radius="md" />
      </Stack>
    );
  }
  return (
    <Stack>
      {back}
      <ApplicationPage detail={detail} onDone={replace} />
    </Stack>
  );
}

function ApplicationPage({ detail, onDone }: { detail: ApplicationDetail; onDone(d: ApplicationDetail): void }) {
  const { locale, t } = useI18n();
  const act = useAct(onDone);
  const [now] = useState(() => Date.now());
  const { stage, stageSince, submitted, decision, publication } = detail.state;
  // Opened from the list, the row that had focus is gone: focus lands on the name.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus({ preventScroll: true });
  }, [detail.id]);
  useEffect(() => {
    document.title = `${detail.displayName} · ${t('apps.title')}`;
  }, [detail.displayName, t]);

  return (
    <>
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 360px' }}>
            <Group gap="sm" align="center" wrap="wrap">
              <Title ref={heading} tabIndex={-1} order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="application-name">
                {detail.displayName}
              </Title>
              <Badge color={stageColor[stage]} variant="light" size="lg" style={{ textTransform: 'none' }} role="status" aria-label={t('apps.stage.label')} data-testid="application-stage">
                {stageLabel(t, stage)}
              </Badge>
            </Group>
            <Text>
              {[detail.fields.position, detail.fields.agency].filter(Boolean).join(', ')}
              {(detail.fields.position || detail.fields.agency) && ' — '}
              {countryName(locale, detail.fields.country)}
            </Text>
            <Text size="sm" c="dimmed">
              {[
                submitted ? t('apps.header.submitted', { when: formatDateTime(locale, submitted.at), source: t(`apps.source.${detail.fields.source}`) }) : null,
                stageSince !== null ? t('apps.header.inStage', { days: daysText(t, daysIn(stageSince, now)) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {publication && (
              <RouteLink to={{ screen: 'expert', id: publication.expertId }} size="sm">
                {t('apps.header.published')}
              </RouteLink>
            )}
          </Stack>
          <Exports id={detail.id} decided={decision !== null} />
        </Group>
      </Card>

      <ActionsPanel detail={detail} act={act} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ProfilePanel fields={detail.fields} />
      </SimpleGrid>
      <DocumentsPanel fields={detail.fields} />
      <ChecklistPanel detail={detail} act={act} />
      <DuplicatesPanel detail={detail} onDone={onDone} />
      <ReviewsPanel detail={detail} act={act} />
      <TimelinePanel detail={detail} />
    </>
  );
}

/** The decision letter (DOCX or PDF, in either language) and the audit trail as CSV, saved as files. */
function Exports({ id, decided }: { id: string; decided: boolean }) {
  const { locale, t } = useI18n();
  const api = useApi();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async (make: () => Promise<{ fileName: string; mime: string; dataBase64: string }>) => {
    setBusy(true);
    try {
      const file = await make();
      saveFile(file);
      notify.success(t('apps.export.saved', { name: file.fileName }));
    } catch (error) {
      notify.failure(errorShape(error)!);
    } finally {
      setBusy(false);
    }
  };
  const letter = (format: 'docx' | 'pdf', lang: Locale) => void run(() => callOrThrow(api, 'letters.export', { ids: [id], format, lang }));
  return (
    <Group gap="xs">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="light" disabled={!decided} loading={busy} title={decided ? undefined : t('apps.export.letterNeedsDecision')}>
            {t('apps.export.letter')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {locales.map((lang) =>
            (['docx', 'pdf'] as const).map((format) => (
              <Menu.Item key={`${lang}-${format}`} onClick={() => letter(format, lang)}>
                {t('apps.export.letterAs', { language: localeNames[lang], format: format.toUpperCase() })}
              </Menu.Item>
            )),
          )}
        </Menu.Dropdown>
      </Menu>
      <Button variant="default" loading={busy} onClick={() => void run(() => callOrThrow(api, 'vetting.auditCsv', { id, lang: locale }))}>
        {t('apps.export.audit')}
      </Button>
    </Group>
  );
}
