import { Alert, Code, Paper, SegmentedControl, Skeleton, Stack, Table, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { Output } from '../../../../shared/contract';
import { useApi } from '../../api/ApiProvider';
import { apiQuery, errorShape } from '../../api/queries';
import { DemoLoader } from '../../components/DemoLoader';
import { formatNumber, localeNames, locales, useI18n, type Locale } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { describeUser, SyncSettings } from './SyncSettings';
import { WorkshopHub } from '../hub/WorkshopHub';
import { KioskStartPanel } from '../kiosk/KioskStartPanel';
import { ProfileSection } from '../profile/ProfileSection';

type AppInfo = Output<'app.info'>;

function Setting({ label, description, children }: { label: string; description?: string; children: (labelId: string) => React.ReactNode }) {
  const id = useId();
  return (
    <Stack gap={6}>
      <div>
        <Text id={id} fw={500}>
          {label}
        </Text>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {children(id)}
    </Stack>
  );
}

export function SettingsScreen() {
  const api = useApi();
  const { locale, setLocale, t } = useI18n();
  const notify = useNotify();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const appInfo = useQuery(apiQuery(api, 'app.info', {}));
  const info: AppInfo | null = appInfo.data ?? null;
  const error = info ? null : errorShape(appInfo.error);

  return (
    <Stack maw={720} gap="md">
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>

      <Paper withBorder radius="md" p="lg">
        <Stack gap="lg">
          <Setting label={t('settings.language')} description={t('settings.language.description')}>
            {(labelId) => (
              <SegmentedControl
                role="radiogroup"
                aria-labelledby={labelId}
                value={locale}
                onChange={(v) => setLocale(v as Locale)}
                data={locales.map((l) => ({ value: l, label: localeNames[l] }))}
                w="fit-content"
              />
            )}
          </Setting>
          <Setting label={t('settings.colorScheme')}>
            {(labelId) => (
              <SegmentedControl
                role="radiogroup"
                aria-labelledby={labelId}
                value={colorScheme}
                onChange={(v) => setColorScheme(v as MantineColorScheme)}
                data={(['light', 'dark', 'auto'] as const).map((s) => ({ value: s, label: t(`settings.colorScheme.${s}`) }))}
                w="fit-content"
              />
            )}
          </Setting>
        </Stack>
      </Paper>

      <ProfileSection />

      <SyncSettings />

      {/* Only development and demo builds offer demo data; a packaged build says nothing of it. */}
      {info?.demoAllowed && (
        <Paper withBorder radius="md" p="lg" component="section" aria-label={t('demo.settings.title')}>
          <Title order={2} size="h4" mb={4}>
            {t('demo.settings.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('demo.settings.body')}
          </Text>
          {info.expertCount > 0 && (
            <Text size="sm" mb="sm">
              {t('demo.settings.notEmpty')}
            </Text>
          )}
          <div style={{ width: 'fit-content' }}>
            <DemoLoader disabled={info.expertCount > 0} variant="light" />
          </div>
        </Paper>
      )}

      {info && <WorkshopHub signedIn={info.user !== null} />}

      <KioskStartPanel />

      <Paper withBorder radius="md" p="lg" component="section" aria-label={t('settings.about')}>
        <Title order={2} size="h4" mb="sm">
          {t('settings.about')}
        </Title>
        {error && <Alert color="red">{notify.describe(error)}</Alert>}
        {!info && !error && <Skeleton height={120} />}
        {info && (
          <Table variant="vertical" layout="fixed" withTableBorder={false} data-testid="about-table">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={240}>{t('settings.about.version')}</Table.Th>
                <Table.Td>{info.version}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.about.experts')}</Table.Th>
                <Table.Td>{formatNumber(locale, info.expertCount)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.about.mode')}</Table.Th>
                <Table.Td>{t(`settings.mode.${info.mode}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.about.actor')}</Table.Th>
                {/* Once signed in to sync, the actor is the user's id: say whose it is. */}
                <Table.Td>{info.user ? describeUser(info.user, locale, t) : info.actor}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.about.nodeId')}</Table.Th>
                <Table.Td>
                  <Code style={{ overflowWrap: 'anywhere' }}>{info.nodeId}</Code>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
