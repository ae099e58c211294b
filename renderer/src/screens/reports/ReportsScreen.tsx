import { Button, Group, Loader, Paper, SegmentedControl, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { errorShape } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { RouteButton, RouteLink } from '../../components/RouteLink';
import { PlusIcon } from '../../components/icons';
import { plural, useI18n } from '../../i18n';
import { useNavigation } from '../../nav/Navigation';
import { CompileMtrDialog } from './export/CompileMtrDialog';
import { ReportFilters, isFiltered, listInput, noCriteria, type Criteria } from './ReportFilters';
import { RatingsMatrix } from './panels';
import { RemovedRows } from './RemovedRows';
import { ReportRows } from './ReportRows';
import { useReportList } from './useReports';
import classes from './ReportsScreen.module.css';

// Kept while the app runs, so Back from a document finds the list as it was left.
let remembered: Criteria = noCriteria;
let rememberedView: 'rows' | 'matrix' = 'rows';
let rememberedRemoved = false;
/** Tests start each from a fresh list. */
export const forgetReportCriteria = () => void ((remembered = noCriteria), (rememberedView = 'rows'), (rememberedRemoved = false));

/** Case studies and human-interest stories for the Blueprint mid-term review: found by type, country, status, period and rating. */
export function ReportsScreen() {
  const { locale, t } = useI18n();
  const { navigate } = useNavigation();
  const [criteria, setCriteriaState] = useState<Criteria>(remembered);
  const set = (next: Partial<Criteria>) => setCriteriaState((c) => (remembered = { ...c, ...next }));
  // The same documents as rows, or as the matrix of their five characteristics (as the MTR summary shows them).
  const [view, setView] = useState(rememberedView);
  // The removed documents instead (to restore one); not a filter the MTR compilation shares.
  const [removed, setRemoved] = useState(rememberedRemoved);
  // Rows follow typing once it pauses.
  const [query] = useDebouncedValue(criteria.query, 150);
  const list = useReportList({ ...listInput(criteria, query), removed });
  const items = list.data?.items ?? [];
  const status = list.data ? 'ready' : list.isError ? 'error' : 'loading';
  const filtered = isFiltered(criteria);

  useEffect(() => {
    document.title = `${t('reports.title')} · ${t('app.name')}`;
  }, [t]);

  const newButtons = (variant: 'filled' | 'light') => (
    <>
      <RouteButton to={{ screen: 'report-new', type: 'case_study' }} leftSection={<PlusIcon />} variant={variant}>
        {t('reports.newCaseStudy')}
      </RouteButton>
      <RouteButton to={{ screen: 'report-new', type: 'story' }} leftSection={<PlusIcon />} variant={variant === 'filled' ? 'default' : variant}>
        {t('reports.newStory')}
      </RouteButton>
    </>
  );

  return (
    <Stack className={classes.screen} gap="sm">
      {/* Wraps: at 1024 px the title and its four actions do not fit on one line. */}
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          {t('reports.title')}
        </Title>
        <Group gap="sm" wrap="nowrap">
          {list.isFetching && status === 'ready' && <Loader size="xs" aria-hidden />}
          <CompileMtrDialog initial={criteria} />
          {newButtons('filled')}
        </Group>
      </Group>

      <ReportFilters criteria={criteria} set={set} />

      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text c="dimmed" size="sm" role="status" aria-label={t('reports.count.label')} data-testid="report-count">
          {status === 'ready' ? plural(t, locale, 'reports.total', items.length) : '\u00a0'}
        </Text>
        <Group gap="md" wrap="nowrap">
          <Switch label={t('reports.remove.show')} checked={removed} onChange={(e) => setRemoved((rememberedRemoved = e.currentTarget.checked))} />
          {!removed && (
            <SegmentedControl
              size="xs"
              aria-label={t('reports.view.label')}
              value={view}
              onChange={(v) => setView((rememberedView = v as 'rows' | 'matrix'))}
              data={[
                { value: 'rows', label: t('reports.view.rows') },
                { value: 'matrix', label: t('reports.view.matrix') },
              ]}
            />
          )}
        </Group>
      </Group>

      <Paper withBorder className={classes.results}>
        {status === 'loading' && (
          <Stack p="md" gap="md" aria-busy="true">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} height={40} />
            ))}
          </Stack>
        )}
        {status === 'error' && <LoadError p="lg" title={t('reports.error.list')} error={errorShape(list.error)} onRetry={() => void list.refetch()} />}
        {status === 'ready' && items.length === 0 && !filtered && !removed && (
          <EmptyState testId="no-reports" title={t('reports.empty.title')} body={t('reports.empty.body')} bodyWidth={520}>
            <Group gap="sm">{newButtons('light')}</Group>
          </EmptyState>
        )}
        {status === 'ready' && items.length === 0 && filtered && (
          <EmptyState testId="no-matching-reports" title={t('reports.noMatch.title')} body={t('reports.noMatch.body')}>
            <Button variant="light" onClick={() => set(noCriteria)}>
              {t('reports.noMatch.clear')}
            </Button>
          </EmptyState>
        )}
        {status === 'ready' && items.length === 0 && !filtered && removed && <EmptyState testId="no-removed-reports" title={t('reports.remove.emptyTitle')} body={t('reports.remove.emptyBody')} />}
        {status === 'ready' && items.length > 0 && removed && <RemovedRows items={items} onOpen={(id) => navigate({ screen: 'report', id })} />}
        {status === 'ready' && items.length > 0 && !removed && view === 'rows' && <ReportRows items={items} onOpen={(id) => navigate({ screen: 'report', id })} />}
        {status === 'ready' && items.length > 0 && !removed && view === 'matrix' && (
          <div className={classes.scroller}>
            <RatingsMatrix records={items.map((i) => ({ ...i, title: i.title || t('reports.untitled') }))} renderTitle={(r) => <RouteLink to={{ screen: 'report', id: r.id }}>{r.title}</RouteLink>} />
          </div>
        )}
      </Paper>
    </Stack>
  );
}
