import { Paper, Skeleton, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { callOrThrow } from '../../api/queries';
import { useI18n } from '../../i18n';
import { HostHub } from './HostHub';
import { JoinHub } from './JoinHub';

/**
 * The workshop hub section of Settings: host one on this laptop, or join one. While hosting,
 * the status is read again every few seconds so the count of joined laptops stays current.
 */
export function WorkshopHub({ signedIn }: { signedIn: boolean }) {
  const api = useApi();
  const { t } = useI18n();
  const status = useQuery({
    queryKey: ['hub.status'],
    queryFn: () => callOrThrow(api, 'hub.status', {}),
    refetchInterval: (q) => (q.state.data?.running ? 5000 : false),
  });
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={t('hub.title')} data-testid="workshop-hub">
      <Title order={2} size="h4" mb={4}>
        {t('hub.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('hub.intro')}
      </Text>
      {!status.data ? (
        <Skeleton height={80} />
      ) : (
        <Tabs defaultValue={status.data.joined ? 'join' : 'host'} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="host">{t('hub.tab.host')}</Tabs.Tab>
            <Tabs.Tab value="join">{t('hub.tab.join')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="host">
            <HostHub status={status.data} signedIn={signedIn} />
          </Tabs.Panel>
          <Tabs.Panel value="join">
            <JoinHub status={status.data} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Paper>
  );
}
