import { Anchor, Checkbox, Group, ScrollArea, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useId, useState } from 'react';
import type { Facets } from '../../../../shared/contract';
import { errorShape } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { countryName, formatNumber, languageName, useI18n, type MessageKey } from '../../i18n';
import { useTaxonomy } from '../../taxonomy/TaxonomyProvider';
import { useDirectory, type FacetName } from './DirectoryProvider';
import { useFacets } from './useDirectoryData';
import classes from './FacetPanel.module.css';

const groups: { name: FacetName; title: MessageKey }[] = [
  { name: 'country', title: 'facets.country' },
  { name: 'expertise', title: 'facets.expertise' },
  { name: 'language', title: 'facets.language' },
  { name: 'status', title: 'facets.status' },
];

const COLLAPSED_SIZE = 8;

/** Checkbox filters with counts from `experts.facets`; each group clears on its own. */
export function FacetPanel({ withTitle = true }: { withTitle?: boolean }) {
  const { query, filters, clearAll } = useDirectory();
  const facetsQuery = useFacets({ query, filters });
  const facets = facetsQuery.data;
  const { t } = useI18n();
  const anySelected = Object.values(filters).some((v) => v.length > 0);

  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars>
      <Stack gap="lg" pr="xs" component="section" aria-label={t('facets.title')}>
        <Group justify={withTitle ? 'space-between' : 'flex-end'} wrap="nowrap">
          {withTitle && (
            <Title order={2} size="h4">
              {t('facets.title')}
            </Title>
          )}
          {anySelected && (
            <Anchor component="button" type="button" size="sm" onClick={clearAll}>
              {t('facets.clearAll')}
            </Anchor>
          )}
        </Group>
        {/* Counts kept from before a failed refresh would pass for current ones: say they are not. */}
        {facetsQuery.isError && <LoadError title={t('facets.error.title')} error={errorShape(facetsQuery.error)} onRetry={() => void facetsQuery.refetch()} />}
        {!facets
          ? !facetsQuery.isError && groups.map((g) => <Skeleton key={g.name} height={120} radius="sm" />)
          : groups.map((g) => <FacetGroup key={g.name} name={g.name} title={t(g.title)} counts={facets[g.name]} counting={facetsQuery.isFetching} />)}
      </Stack>
    </ScrollArea>
  );
}

/**
 * `counting`: new counts are on their way. An empty group then says so rather than "Nothing to
 * filter by", which the counts of an empty directory would otherwise claim while the experts a
 * sync just brought are already listed.
 */
function FacetGroup({ name, title, counts, counting }: { name: FacetName; title: string; counts: Facets[FacetName]; counting: boolean }) {
  const { filters, toggleFilter, clearFilter } = useDirectory();
  const { locale, t } = useI18n();
  const taxonomy = useTaxonomy();
  const [expanded, setExpanded] = useState(false);
  const headingId = useId();
  const selected = filters[name] as string[];

  const label = (value: string): string => {
    switch (name) {
      case 'country':
        return countryName(locale, value);
      case 'language':
        return languageName(locale, value);
      case 'status':
        return value === 'archived' ? t('status.archived') : t('status.active');
      case 'expertise':
        return taxonomy.label(value);
    }
  };

  // A selected value stays visible (and clearable) even when its count dropped to nothing.
  const rows = [...counts];
  for (const value of selected) if (!rows.some((r) => r.value === value)) rows.push({ value, count: 0 });
  const visible = expanded ? rows : rows.filter((r, i) => i < COLLAPSED_SIZE || selected.includes(r.value));
  const hidden = rows.length - visible.length;

  return (
    <div role="group" aria-labelledby={headingId} data-testid={`facet-${name}`}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text id={headingId} fw={600} size="sm" tt="uppercase" c="dimmed" className={classes.heading}>
          {title}
        </Text>
        {selected.length > 0 && (
          <Anchor component="button" type="button" size="xs" onClick={() => clearFilter(name)} aria-label={t('facets.clearGroup', { group: title })}>
            {t('facets.clear')}
          </Anchor>
        )}
      </Group>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {counting ? t('facets.counting') : t('facets.noValues')}
        </Text>
      )}
      <Stack gap={6}>
        {visible.map((row) => (
          <FacetRow
            key={row.value}
            label={label(row.value)}
            title={name === 'expertise' ? taxonomy.path(row.value).join(' › ') : undefined}
            count={formatNumber(locale, row.count)}
            checked={selected.includes(row.value)}
            onChange={() => toggleFilter(name, row.value)}
          />
        ))}
      </Stack>
      {(hidden > 0 || expanded) && rows.length > COLLAPSED_SIZE && (
        <UnstyledButton className={classes.more} onClick={() => setExpanded((e) => !e)} aria-expanded={expanded}>
          {expanded ? t('facets.showLess') : t('facets.showMore', { count: hidden })}
        </UnstyledButton>
      )}
    </div>
  );
}

function FacetRow(props: { label: string; title?: string; count: string; checked: boolean; onChange(): void }) {
  const countId = useId();
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" title={props.title}>
      <Checkbox
        size="sm"
        label={props.label}
        checked={props.checked}
        onChange={props.onChange}
        aria-describedby={countId}
        classNames={{ root: classes.checkRoot, body: classes.checkBody, labelWrapper: classes.checkLabelWrapper, label: classes.checkLabel }}
      />
      <Text id={countId} size="xs" c="dimmed" className={classes.count}>
        {props.count}
      </Text>
    </Group>
  );
}
