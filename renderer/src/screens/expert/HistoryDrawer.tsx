import { Alert, Badge, Drawer, Group, Loader, Paper, Stack, Switch, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { expertFieldNames, photoRefSchema, type Expert } from '../../../../shared/model/expert';
import { useApi } from '../../api/ApiProvider';
import { apiQuery, errorShape } from '../../api/queries';
import { ExpertAvatar } from '../../components/ExpertAvatar';
import { intlLocale, useI18n, type Locale } from '../../i18n';
import { fieldLabel, formatFieldValue } from '../../lib/formatValue';
import { useNotify } from '../../lib/notify';
import { useTaxonomy } from '../../taxonomy/TaxonomyProvider';

type HistoryField = Output<'experts.history'>['fields'][number];

const expertOrder = [...expertFieldNames, 'status', 'statusReason', 'deletedAt', 'demo'] as string[];
/** The form's order; a field this list does not name yet goes after the known ones, never first. */
const expertRank = (field: string) => {
  const i = expertOrder.indexOf(field);
  return i < 0 ? expertOrder.length : i;
};

/** To the second: two edits a few seconds apart (a concurrent pair) must read as different times. */
const formatStamp = (locale: Locale, at: number) => new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'medium' }).format(at);

/** A field holds a history worth opening on when it has more than its value from creation. */
const edited = (f: HistoryField) => f.entries.length > 1;

/** Every field's values over time, newest first, with who set each and when; the current one marked. */
export function HistoryDrawer({ expert, opened, onClose }: { expert: Expert; opened: boolean; onClose(): void }) {
  const api = useApi();
  const { locale, t } = useI18n();
  const headingPrefix = useId();
  const notify = useNotify();
  const taxonomy = useTaxonomy();
  // Read while open; a `changed` event for experts or portfolio items refreshes it (api/queries.ts).
  const history = useQuery({ ...apiQuery(api, 'experts.history', { id: expert.id }), enabled: opened });
  const fields: HistoryField[] | null = history.data?.fields ?? null;
  const error = errorShape(history.error);
  // Opens on the fields that were edited after creation (null: decide from the history);
  // a record never edited shows every field, and the switch shows the rest on demand.
  const [onlyChangedChoice, setOnlyChanged] = useState<boolean | null>(null);
  const onlyChanged = onlyChangedChoice ?? (fields?.some(edited) ?? false);

  const ctx = { locale, t, termLabel: taxonomy.label };
  const portfolioTitle = (recordId: string): string => {
    const live = expert.portfolio.find((p) => p.id === recordId);
    if (live) return live.title;
    const titleField = fields?.find((f) => f.entity === 'portfolio' && f.recordId === recordId && f.field === 'title');
    const current = titleField?.entries.find((e) => e.current) ?? titleField?.entries[0];
    return typeof current?.value === 'string' ? current.value : recordId.slice(0, 8);
  };
  const rank = (f: HistoryField) => (f.entity === 'expert' ? expertRank(f.field) : 1000);
  const sorted = [...(fields ?? [])]
    .filter((f) => !onlyChanged || edited(f))
    .sort((a, b) => rank(a) - rank(b) || a.recordId.localeCompare(b.recordId));

  return (
    <Drawer opened={opened} onClose={() => {
        // The next opening decides again from the history.
        setOnlyChanged(null);
        onClose();
      }} position="right" size="lg" title={t('history.title')}>
      {!fields && !error && <Loader aria-label={t('common.loading')} />}
      {error && <Alert color="red">{notify.describe(error)}</Alert>}
      {fields && (
        <Switch
          mb="md"
          label={t('history.onlyChanged')}
          checked={onlyChanged}
          onChange={(e) => setOnlyChanged(e.currentTarget.checked)}
          data-testid="history-only-changed"
        />
      )}
      {fields && sorted.length === 0 && <Text c="dimmed">{t('history.empty')}</Text>}
      <Stack gap="md">
        {sorted.map((f) => {
          const label = fieldLabel(f.entity, f.field, t);
          const heading = f.entity === 'portfolio' ? t('history.portfolioField', { title: portfolioTitle(f.recordId), field: label }) : label;
          const entries = [...f.entries].sort((a, b) => b.at - a.at);
          return (
            <Paper
              key={`${f.entity}:${f.recordId}:${f.field}`}
              withBorder
              p="sm"
              component="section"
              aria-labelledby={`${headingPrefix}-${f.entity}-${f.recordId}-${f.field}`}
              data-testid={`history-${f.entity}-${f.field}`}
            >
              <Title order={3} size="h5" mb="xs" id={`${headingPrefix}-${f.entity}-${f.recordId}-${f.field}`}>
                {heading}
              </Title>
              <Timeline role="list" bulletSize={12} lineWidth={2} active={entries.findIndex((e) => e.current)}>
                {entries.map((e) => (
                  <Timeline.Item
                    role="listitem"
                    key={`${e.hlc}:${e.origin}`}
                    data-lost-concurrent={e.lostConcurrent || undefined}
                    title={
                      <Group gap="xs" wrap="wrap">
                        {f.entity === 'expert' && f.field === 'photo' ? (
                          <PhotoValue value={e.value} alt={t('history.photo', { when: formatStamp(locale, e.at) })} />
                        ) : (
                          <Text
                            size="sm"
                            fw={e.current ? 600 : 400}
                            td={e.lostConcurrent ? 'line-through' : undefined}
                            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                          >
                            {formatFieldValue(f.field, e.value, ctx)}
                          </Text>
                        )}
                        {e.current && (
                          <Badge size="xs" variant="light" color="teal">
                            {t('history.current')}
                          </Badge>
                        )}
                        {e.lostConcurrent && (
                          <Tooltip label={t('history.lostConcurrent.hint')} multiline w={300} withArrow>
                            <Badge size="xs" variant="light" color="orange" tabIndex={0} aria-description={t('history.lostConcurrent.hint')}>
                              {t('history.lostConcurrent')}
                            </Badge>
                          </Tooltip>
                        )}
                      </Group>
                    }
                  >
                    <Text size="xs" c="dimmed">
                      {formatStamp(locale, e.at)} · {t('history.by', { actor: e.actor })}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Paper>
          );
        })}
      </Stack>
    </Drawer>
  );
}

/**
 * A photo value as a thumbnail. Through ExpertAvatar for now; when photos are served by hash
 * (renderer/src/api/photos.ts, photoUrl(hash, size)) this is the one place to switch.
 */
function PhotoValue({ value, alt }: { value: unknown; alt: string }) {
  const t = useI18n().t;
  const photo = photoRefSchema.safeParse(value);
  if (!photo.success) {
    return (
      <Text size="sm" c="dimmed">
        {t('history.noPhoto')}
      </Text>
    );
  }
  return <ExpertAvatar photo={photo.data} name="" alt={alt} size={56} radius="sm" />;
}
