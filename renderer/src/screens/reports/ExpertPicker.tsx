import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { apiQuery } from '../../api/queries';
import { displayName } from '../../../../shared/model/expert';
import { countryName, useI18n } from '../../i18n';

interface Props {
  value: string[];
  onChange(ids: string[]): void;
  readOnly: boolean;
  error?: string | null;
}

/**
 * The experts a document involves, linked to the directory by id: typing searches the
 * directory (experts.search, the same search as the Experts screen, so "Nguyen" finds
 * "Nguyễn" and an agency finds its people); the linked ones show by name. An id the
 * directory no longer holds still shows (as its id) so saving never drops it.
 */
export function ExpertPicker({ value, onChange, readOnly, error }: Props) {
  const { locale, t } = useI18n();
  const api = useApi();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const found = useQuery({ ...apiQuery(api, 'experts.search', { query, limit: 20 }), enabled: query.length > 0, placeholderData: keepPreviousData });
  const linked = useQueries({ queries: value.map((id) => ({ ...apiQuery(api, 'experts.get', { id }), retry: false })) });

  const options = new Map<string, string>();
  value.forEach((id, i) => {
    const e = linked[i]?.data;
    options.set(id, e ? `${displayName(e)} (${countryName(locale, e.country)})` : id);
  });
  if (query) for (const hit of found.data?.items ?? []) if (!options.has(hit.id)) options.set(hit.id, `${hit.displayName} (${countryName(locale, hit.country)})`);
  const data = [...options].map(([v, label]) => ({ value: v, label }));

  return (
    <MultiSelect
      label={t('reports.field.experts')}
      placeholder={value.length ? undefined : t('reports.field.expertsPlaceholder')}
      data={data}
      value={value}
      onChange={(ids) => {
        setSearch('');
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The directory's search already chose the matches (by agency, other names…); do not filter them again by label.
      filter={({ options }) => options}
      hidePickedOptions
      nothingFoundMessage={query && found.data ? t('reports.field.expertsNone') : undefined}
      readOnly={readOnly}
      error={error}
      clearable={!readOnly}
      clearButtonProps={{ 'aria-label': t('reports.filter.clear') }}
      maxDropdownHeight={280}
    />
  );
}
