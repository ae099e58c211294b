import { Badge, Button, CloseButton, Group, Loader, MultiSelect, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { countryCodes, type CountryCode } from '../../../../shared/model/countries';
import { stages, type Stage } from '../../../../shared/model/vetting/state';
import { errorShape } from '../../api/queries';
import { PlusIcon, SearchIcon } from '../../components/icons';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { countryName, formatNumber, useI18n } from '../../i18n';
import { useNavigation } from '../../nav/Navigation';
import { ApplicationRows } from './ApplicationRows';
import { stageLabel } from './texts';
import { useFirstPage, useReviewers, useRows, type ListCriteria } from './useApplications';
import classes from './ApplicationsScreen.module.css';

/** The stages a curator works through, in order; `new` never lists (an application is submitted when created). */
const listedStages = stages.filter((s) => s !== 'new');

interface Criteria {
  query: string;
  stage: Stage | null;
  country: CountryCode[];
  reviewer: string[];
}
const noCriteria: Criteria = { query: '', stage: null, country: [], reviewer: [] };
// Kept while the app runs, so Back from an application finds the list as it was left.
let remembered: Criteria = noCriteria;
/** Tests start each from a fresh list. */
export const forgetListCriteria = () => void (remembered = noCriteria);

export function ApplicationsScreen() {
  const { locale, t } = useI18n();
  const { navigate } = useNavigation();
  const [criteria, setCriteriaState] = useState<Criteria>(remembered);
  const setCriteria = (next: Partial<Criteria>) => setCriteriaState((c) => (remembered = { ...c, ...next }));
  // Counts and rows follow typing once it pauses: every keystroke need not cost a query.
  const [query] = useDebouncedValue(criteria.query, 150);
  const [now] = useState(() => Date.now());
  const base: ListCriteria = { query, filters: { stage: [], country: criteria.country, reviewer: criteria.reviewer } };
  const list: ListCriteria = { ...base, filters: { ...base.filters, stage: criteria.stage ? [criteria.stage] : [] } };
  const firstPage = useFirstPage(list);
  const [range, setRange] = useState({ first: 0, last: -1 });
  const onRangeChange = useCallback((first: number, last: number) => setRange({ first, last }), []);
  const rowAt = useRows(list, firstPage.data, range.first, range.last);
  const reviewers = useReviewers();
  const total = firstPage.data?.total ?? 0;
  const counts = new Map(firstPage.data?.stageCounts.map((c) => [c.stage, c.count]) ?? []);
  const allCount = [...counts.values()].reduce((a, b) => a + b, 0);
  const status = firstPage.data ? 'ready' : firstPage.isError ? 'error' : 'loading';
  const filtered = criteria.query !== '' || criteria.stage !== null || criteria.country.length > 0 || criteria.reviewer.length > 0;

  useEffect(() => {
    document.title = `${t('apps.title')} · ${t('app.name')}`;
  }, [t]);

  const stageButton = (stage: Stage | null, label: string, count: number) => {
    const pressed = criteria.stage === stage;
    return (
      <Button
        key={stage ?? 'all'}
        size="compact-sm"
        variant={pressed ? 'filled' : 'default'}
        aria-pressed={pressed}
        onClick={() => setCriteria({ stage })}
        rightSection={
          <Badge size="sm" variant={pressed ? 'white' : 'light'} color={pressed ? 'dark' : 'gray'} circle={count < 10}>
            {formatNumber(locale, count)}
          </Badge>
        }
      >
        {label}
      </Button>
    );
  };

  return (
    <Stack className={classes.screen} gap="sm">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Title order={1} size="h2">
          {t('apps.title')}
        </Title>
        <Group gap="sm" wrap="nowrap">
          {firstPage.isFetching && status === 'ready' && <Loader size="xs" aria-hidden />}
          <Text c="dimmed" size="sm" aria-live="polite" aria-atomic data-testid="application-count">
            {status === 'ready' ? t(total === 1 ? 'apps.total.one' : 'apps.total.other', { count: formatNumber(locale, total) }) : '\u00a0'}
          </Text>
          {/* The entry form (screens/applicationForm) owns this route. */}
          <Button component="a" href="#/applications/new" leftSection={<PlusIcon />}>
            {t('apps.new')}
          </Button>
        </Group>
      </Group>

      <div role="group" aria-label={t('apps.filter.stage')} className={classes.stages}>
        {stageButton(null, t('apps.stage.all'), allCount)}
        {listedStages.filter((s) => (counts.get(s) ?? 0) > 0 || criteria.stage === s).map((s) => stageButton(s, stageLabel(t, s), counts.get(s) ?? 0))}
      </div>

      <Group gap="sm" wrap="nowrap" align="flex-end">
        <TextInput
          className={classes.search}
          label={t('apps.search.label')}
          placeholder={t('apps.search.placeholder')}
          value={criteria.query}
          maxLength={200}
          onChange={(e) => setCriteria({ query: e.currentTarget.value })}
          onKeyDown={(e) => e.key === 'Escape' && criteria.query && setCriteria({ query: '' })}
          leftSection={<SearchIcon />}
          rightSection={criteria.query ? <CloseButton size="sm" aria-label={t('apps.search.clear')} onClick={() => setCriteria({ query: '' })} /> : null}
          autoComplete="off"
          spellCheck={false}
        />
        <MultiSelect
          className={classes.filter}
          label={t('apps.filter.country')}
          placeholder={criteria.country.length ? undefined : t('apps.filter.any')}
          data={countryCodes.map((c) => ({ value: c, label: countryName(locale, c) }))}
          value={criteria.country}
          onChange={(v) => setCriteria({ country: v as CountryCode[] })}
          clearable
          searchable
          clearButtonProps={{ 'aria-label': t('apps.filter.clear') }}
        />
        <MultiSelect
          className={classes.filter}
          label={t('apps.filter.reviewer')}
          placeholder={criteria.reviewer.length ? undefined : t('apps.filter.any')}
          data={reviewers.map((r) => ({ value: r.id, label: r.name }))}
          value={criteria.reviewer}
          onChange={(v) => setCriteria({ reviewer: v })}
          nothingFoundMessage={t('apps.filter.noReviewers')}
          clearable
          searchable
          clearButtonProps={{ 'aria-label': t('apps.filter.clear') }}
        />
      </Group>

      <Paper withBorder className={classes.results}>
        {status === 'loading' && (
          <Stack p="md" gap="md" aria-busy="true">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} height={36} />
            ))}
          </Stack>
        )}
        {status === 'error' && <LoadError p="lg" title={t('apps.error.list')} error={errorShape(firstPage.error)} onRetry={() => void firstPage.refetch()} />}
        {status === 'ready' && total === 0 && !filtered && (
          <EmptyState testId="no-applications" title={t('apps.empty.title')} body={t('apps.empty.body')} bodyWidth={460}>
            <Button component="a" href="#/applications/new" variant="light" leftSection={<PlusIcon />}>
              {t('apps.new')}
            </Button>
          </EmptyState>
        )}
        {status === 'ready' && total === 0 && filtered && (
          <EmptyState testId="no-matching-applications" title={t('apps.noMatch.title')} body={t('apps.noMatch.body')}>
            <Button variant="light" onClick={() => setCriteria(noCriteria)}>
              {t('apps.noMatch.clear')}
            </Button>
          </EmptyState>
        )}
        {status === 'ready' && total > 0 && (
          <ApplicationRows
            total={total}
            rowAt={rowAt}
            searchKey={JSON.stringify(list)}
            now={now}
            onOpen={(id) => navigate({ screen: 'application', id })}
            onRangeChange={onRangeChange}
          />
        )}
      </Paper>
    </Stack>
  );
}
