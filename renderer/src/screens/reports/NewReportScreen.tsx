import { Button, Group, MultiSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { countryCodes, type CountryCode } from '../../../../shared/model/countries';
import { MAX_TITLE_CHARS, type ReportType } from '../../../../shared/model/reports';
import { errorShape } from '../../api/queries';
import { ArrowLeftIcon } from '../../components/icons';
import { countryName, issueMessage, useI18n, type MessageKey } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { useNavigation } from '../../nav/Navigation';
import { useReportWrite } from './useReports';

/**
 * The start of a case study or story: a title and the countries it is about (a focal point
 * may write only their own country's). Everything else is written on the record's page,
 * saved as the curator types, so this form holds nothing that could be lost.
 */
export function NewReportScreen({ type }: { type: ReportType }) {
  const { locale, t } = useI18n();
  const { navigate } = useNavigation();
  const notify = useNotify();
  const create = useReportWrite('reports.create');
  const [title, setTitle] = useState('');
  const [countries, setCountries] = useState<CountryCode[]>([]);
  const [error, setError] = useState<string | null>(null);
  const heading = t(`reports.new.title.${type}` as MessageKey);

  useEffect(() => {
    document.title = `${heading} · ${t('app.name')}`;
  }, [heading, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t('validation.title'));
      return;
    }
    setError(null);
    create.mutate(
      { type, fields: { title: title.trim(), countries } },
      {
        onSuccess: (detail) => {
          notify.success(t('reports.new.created', { title: title.trim() }));
          navigate({ screen: 'report', id: detail.id }, { replace: true });
        },
        onError: (err) => {
          const shape = errorShape(err)!;
          const titleIssue = shape.issues?.find((i) => i.path.includes('title'));
          if (titleIssue) setError(issueMessage(titleIssue, t));
          else notify.failure(shape);
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={720}>
      <Group>
        <Button variant="subtle" leftSection={<ArrowLeftIcon />} onClick={() => navigate({ screen: 'reports' })} px="xs">
          {t('reports.back')}
        </Button>
      </Group>
      <Title order={1} size="h2">
        {heading}
      </Title>
      <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text c="dimmed" size="sm">
            {t(`reports.new.intro.${type}` as MessageKey)}
          </Text>
          <TextInput label={t('reports.field.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={error} maxLength={MAX_TITLE_CHARS} required data-autofocus autoFocus />
          <MultiSelect
            label={t('reports.field.countries')}
            placeholder={countries.length ? undefined : t('reports.new.countriesPlaceholder')}
            data={countryCodes.map((c) => ({ value: c, label: countryName(locale, c) }))}
            value={countries}
            onChange={(v) => setCountries(v as CountryCode[])}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('reports.filter.clear') }}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('reports.new.create')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
