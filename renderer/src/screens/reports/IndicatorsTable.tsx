import { ActionIcon, Button, Group, NumberInput, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { MAX_INDICATORS, type Indicator } from '../../../../shared/model/reports';
import { errorShape } from '../../api/queries';
import { PlusIcon, TrashIcon } from '../../components/icons';
import { useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { useLeaveGuard } from '../../nav/Navigation';
import type { PanelProps } from './panels';

const blank = (): Indicator => ({ name: '', unit: '', baseline: null, target: null, actual: null });
const numberOrNull = (v: string | number) => (v === '' || v === null ? null : typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : null);
const same = (a: Indicator[], b: Indicator[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The figures the results are measured by: name, unit, baseline, target, actual. Edited as a
 * table and saved together (one field of the record), so a half-filled row is never stored;
 * the stored rows come back in when nothing is being edited here.
 */
export function IndicatorsTable({ indicators, readOnly, onPatch }: { indicators: Indicator[] } & Pick<PanelProps, 'readOnly' | 'onPatch'>) {
  const { t } = useI18n();
  const notify = useNotify();
  const [rows, setRows] = useState(indicators);
  const [base, setBase] = useState(indicators);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const dirty = !same(rows, base);
  useLeaveGuard(dirty);
  useEffect(() => {
    if (!dirty && !same(indicators, base)) {
      setRows(indicators);
      setBase(indicators);
    }
  }, [indicators, base, dirty]);

  const change = (i: number, patch: Partial<Indicator>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    if (rows.some((r) => !r.name.trim())) {
      setProblem(t('reports.indicators.needsName'));
      return;
    }
    setProblem(null);
    setBusy(true);
    const next = rows.map((r) => ({ ...r, name: r.name.trim(), unit: r.unit.trim() }));
    try {
      await onPatch({ indicators: next });
      setBase(next);
      setRows(next);
      notify.success(t('reports.indicators.saved'));
    } catch (err) {
      setProblem(notify.describe(errorShape(err)!));
    } finally {
      setBusy(false);
    }
  };
  const cols = ['name', 'unit', 'baseline', 'target', 'actual'] as const;

  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {t('reports.indicators.title')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.indicators.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} aria-label={t('reports.indicators.title')}>
            <Table.Thead>
              <Table.Tr>
                {cols.map((c) => (
                  <Table.Th key={c}>{t(`reports.indicators.${c}`)}</Table.Th>
                ))}
                {/* Named for screen readers: an empty header cell reads as nothing (axe empty-table-header). */}
                {!readOnly && (
                  <Table.Th>
                    <VisuallyHidden>{t('reports.indicators.removeColumn')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const named = r.name.trim() || String(i + 1);
                const cell = (c: (typeof cols)[number]) => `${t(`reports.indicators.${c}`)} ${named}`;
                return (
                  <Table.Tr key={i}>
                    <Table.Td miw={160}>
                      <TextInput size="xs" aria-label={cell('name')} value={r.name} maxLength={200} readOnly={readOnly} onChange={(e) => change(i, { name: e.currentTarget.value })} />
                    </Table.Td>
                    <Table.Td w={90}>
                      <TextInput size="xs" aria-label={cell('unit')} value={r.unit} maxLength={50} readOnly={readOnly} onChange={(e) => change(i, { unit: e.currentTarget.value })} />
                    </Table.Td>
                    {(['baseline', 'target', 'actual'] as const).map((c) => (
                      <Table.Td key={c} w={100}>
                        <NumberInput size="xs" aria-label={cell(c)} value={r[c] ?? ''} readOnly={readOnly} hideControls onChange={(v) => change(i, { [c]: numberOrNull(v) })} />
                      </Table.Td>
                    ))}
                    {!readOnly && (
                      <Table.Td w={40}>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('reports.indicators.remove', { name: named })} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                          <TrashIcon />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {problem && (
        <Text size="sm" c="red" role="alert" mt={4}>
          {problem}
        </Text>
      )}
      {!readOnly && (
        <Group justify="space-between" mt="xs">
          <Button size="xs" variant="subtle" leftSection={<PlusIcon />} disabled={rows.length >= MAX_INDICATORS} onClick={() => setRows((rs) => [...rs, blank()])}>
            {t('reports.indicators.add')}
          </Button>
          <Button size="xs" disabled={!dirty} loading={busy} onClick={() => void save()}>
            {t('reports.indicators.save')}
          </Button>
        </Group>
      )}
    </div>
  );
}
