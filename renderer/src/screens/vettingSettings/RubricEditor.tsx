import { ActionIcon, Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useI18n } from '../../i18n';
import { rowId, type DraftCriterion, type Problems } from './settingsModel';

const num = (v: string | number) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

/**
 * The review rubric: each criterion with its English and Indonesian label, its weight in the
 * overall score and its scale (1 to n). A saved criterion keeps its key when renamed, so
 * reviews already scored under it still count.
 */
export function RubricEditor({ rubric, onChange, problems, readOnly }: { rubric: DraftCriterion[]; onChange(next: DraftCriterion[]): void; problems: Problems; readOnly: boolean }) {
  const { t } = useI18n();
  const update = (row: string, patch: Partial<DraftCriterion>) => onChange(rubric.map((c) => (c.rowId === row ? { ...c, ...patch } : c)));
  const totalWeight = rubric.reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="rubric-title">
      <Title order={2} size="h4" id="rubric-title">
        {t('oversight.rubric.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('oversight.rubric.body')}
      </Text>
      {problems.rubric && (
        <Alert color="red" mb="sm" role="alert">
          {problems.rubric}
        </Alert>
      )}
      <Stack gap="sm">
        {rubric.map((c, i) => {
          const n = i + 1;
          const share = totalWeight > 0 && Number.isFinite(c.weight) ? Math.round((c.weight / totalWeight) * 100) : 0;
          return (
            <fieldset key={c.rowId} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, padding: '8px 12px 12px', margin: 0 }} data-testid="rubric-row">
              <legend style={{ padding: '0 4px' }}>
                <Text span size="sm" fw={600}>
                  {t('oversight.rubric.criterion', { n })}
                </Text>
                {c.key && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t('oversight.rubric.key', { key: c.key })}
                  </Text>
                )}
              </legend>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('oversight.rubric.labelEn')} value={c.label.en} onChange={(e) => update(c.rowId, { label: { ...c.label, en: e.currentTarget.value } })} error={problems[`rubric.${c.rowId}.en`]} required />
                <TextInput label={t('oversight.rubric.labelId')} value={c.label.id} onChange={(e) => update(c.rowId, { label: { ...c.label, id: e.currentTarget.value } })} error={problems[`rubric.${c.rowId}.id`]} required />
              </SimpleGrid>
              <Group align="flex-end" gap="sm" mt="xs" wrap="wrap">
                <NumberInput
                  label={t('oversight.rubric.weight')}
                  description={t('oversight.rubric.share', { share })}
                  value={Number.isNaN(c.weight) ? '' : c.weight}
                  onChange={(v) => update(c.rowId, { weight: num(v) })}
                  min={0.01}
                  max={100}
                  decimalScale={2}
                  w={170}
                  error={problems[`rubric.${c.rowId}.weight`]}
                />
                <NumberInput
                  label={t('oversight.rubric.scale')}
                  description={t('oversight.rubric.scale.description')}
                  value={Number.isNaN(c.scale) ? '' : c.scale}
                  onChange={(v) => update(c.rowId, { scale: num(v) })}
                  min={2}
                  max={10}
                  allowDecimal={false}
                  w={170}
                  error={problems[`rubric.${c.rowId}.scale`]}
                />
                {!readOnly && (
                  <Group gap={4} ml="auto">
                    <ActionIcon variant="default" size="lg" disabled={i === 0} onClick={() => onChange(move(rubric, i, -1))} aria-label={t('oversight.rubric.up', { n })}>
                      ↑
                    </ActionIcon>
                    <ActionIcon variant="default" size="lg" disabled={i === rubric.length - 1} onClick={() => onChange(move(rubric, i, 1))} aria-label={t('oversight.rubric.down', { n })}>
                      ↓
                    </ActionIcon>
                    <Button variant="subtle" color="red" onClick={() => onChange(rubric.filter((x) => x.rowId !== c.rowId))} aria-label={t('oversight.rubric.removeNamed', { n })}>
                      {t('common.remove')}
                    </Button>
                  </Group>
                )}
              </Group>
            </fieldset>
          );
        })}
        {!readOnly && (
          <Group>
            <Button variant="light" disabled={rubric.length >= 20} onClick={() => onChange([...rubric, { key: null, rowId: rowId(), label: { en: '', id: '' }, weight: 1, scale: 5 }])}>
              {t('oversight.rubric.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item!);
  return next;
}
