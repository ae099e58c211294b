import { CloseButton, Group, MultiSelect, SegmentedControl, Select, TextInput } from '@mantine/core';
import { countryCodes, type CountryCode } from '../../../../shared/model/countries';
import { criteria, ratings, reportStatuses, type Criterion, type Rating, type ReportStatus, type ReportType } from '../../../../shared/model/reports';
import { SearchIcon } from '../../components/icons';
import { countryName, useI18n } from '../../i18n';
import { criterionLabel, ratingLabel, statusLabel } from './texts';
import classes from './ReportsScreen.module.css';

export interface Criteria {
  query: string;
  type: ReportType | null;
  countries: CountryCode[];
  status: ReportStatus | null;
  /** Months, 'YYYY-MM', or '' when open. */
  from: string;
  to: string;
  criterion: Criterion | null;
  min: Rating;
}

export const noCriteria: Criteria = { query: '', type: null, countries: [], status: null, from: '', to: '', criterion: null, min: 'evident' };

export const isFiltered = (c: Criteria) =>
  c.query !== '' || c.type !== null || c.countries.length > 0 || c.status !== null || c.from !== '' || c.to !== '' || c.criterion !== null;

const month = (v: string) => (/^\d{4}-\d{2}$/.test(v) ? v : null);

/** What reports.list is asked for these criteria (a half-typed month is left out rather than refused). */
export const listInput = (c: Criteria, query: string) => ({
  query,
  type: c.type ? [c.type] : [],
  countries: c.countries,
  status: c.status ? [c.status] : [],
  periodFrom: month(c.from),
  periodTo: month(c.to),
  rating: c.criterion ? { criterion: c.criterion, min: c.min } : null,
  removed: false,
});

/** The list's search and filters: type, country, status, period, and a characteristic rated at least so high. */
export function ReportFilters({ criteria: c, set }: { criteria: Criteria; set(next: Partial<Criteria>): void }) {
  const { locale, t } = useI18n();
  const clear = { 'aria-label': t('reports.filter.clear') };
  return (
    <>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          aria-label={t('reports.filter.type')}
          value={c.type ?? 'all'}
          onChange={(v) => set({ type: v === 'all' ? null : (v as ReportType) })}
          data={[
            { value: 'all', label: t('reports.types.all') },
            { value: 'case_study', label: t('reports.types.case_study') },
            { value: 'story', label: t('reports.types.story') },
          ]}
        />
        <TextInput
          className={classes.search}
          label={t('reports.search.label')}
          placeholder={t('reports.search.placeholder')}
          value={c.query}
          maxLength={200}
          onChange={(e) => set({ query: e.currentTarget.value })}
          onKeyDown={(e) => e.key === 'Escape' && c.query && set({ query: '' })}
          leftSection={<SearchIcon />}
          rightSection={c.query ? <CloseButton size="sm" aria-label={t('reports.search.clear')} onClick={() => set({ query: '' })} /> : null}
          autoComplete="off"
        />
      </Group>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <MultiSelect
          className={classes.filter}
          label={t('reports.filter.country')}
          placeholder={c.countries.length ? undefined : t('reports.filter.any')}
          data={countryCodes.map((code) => ({ value: code, label: countryName(locale, code) }))}
          value={c.countries}
          onChange={(v) => set({ countries: v as CountryCode[] })}
          clearable
          searchable
          clearButtonProps={clear}
          // Mantine's 100 px minimum for the typing field put it on a second line after one country, so the row grew and its neighbours dropped.
          styles={{ inputField: { minWidth: '3rem' } }}
        />
        <Select
          className={classes.narrow}
          label={t('reports.filter.status')}
          placeholder={t('reports.filter.any')}
          data={reportStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
          value={c.status}
          onChange={(v) => set({ status: v as ReportStatus | null })}
          clearable
          clearButtonProps={clear}
        />
        <TextInput className={classes.month} type="month" label={t('reports.filter.from')} value={c.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        <TextInput className={classes.month} type="month" label={t('reports.filter.to')} value={c.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        <Select
          className={classes.criterion}
          label={t('reports.filter.characteristic')}
          placeholder={t('reports.filter.any')}
          data={criteria.map((k) => ({ value: k, label: criterionLabel(t, k) }))}
          value={c.criterion}
          onChange={(v) => set({ criterion: v as Criterion | null })}
          clearable
          clearButtonProps={clear}
          comboboxProps={{ width: 280, position: 'bottom-start' }}
        />
        <Select
          className={classes.narrow}
          label={t('reports.filter.minRating')}
          data={ratings.map((r) => ({ value: r, label: ratingLabel(t, r) }))}
          value={c.min}
          onChange={(v) => v && set({ min: v as Rating })}
          disabled={c.criterion === null}
          allowDeselect={false}
        />
      </Group>
    </>
  );
}
