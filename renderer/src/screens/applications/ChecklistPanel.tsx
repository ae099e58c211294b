import { Alert, Badge, Button, Group, Radio, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ApplicationDetail } from '../../../../shared/contract/vetting';
import { optionalCriteria, screeningOutcomes, type CheckResult, type EligibilityCriterion, type ScreeningOutcome } from '../../../../shared/model/vetting';
import { formatDateTime, useI18n, type MessageKey } from '../../i18n';
import { Section } from '../../components/Section';
import { seenText } from './texts';
import type { useAct } from './useApplication';

const resultColor: Record<CheckResult, string> = { met: 'teal', not_met: 'red', unknown: 'gray' };

/**
 * The eligibility checklist: what the pre-check saw against each ACCSM criterion, and, while
 * the application awaits screening, the form where the curator confirms each criterion with
 * a note and records the outcome. Once screened, what the curator confirmed.
 */
export function ChecklistPanel({ detail, act }: { detail: ApplicationDetail; act: ReturnType<typeof useAct> }) {
  const { locale, t } = useI18n();
  const screening = detail.state.screening;
  const canScreen = detail.actions.includes('screened');
  const criterion = (c: EligibilityCriterion) => t(`vetting.criterion.${c}` as MessageKey);
  return (
    <Section title={t('apps.section.checklist')} aside={<Badge variant="light" color={detail.precheck.summary === 'likely_eligible' ? 'teal' : detail.precheck.summary === 'not_eligible' ? 'red' : 'gray'} style={{ textTransform: 'none' }}>{t(`apps.precheck.${detail.precheck.summary}`)}</Badge>}>
      {canScreen ? (
        <ScreeningForm detail={detail} act={act} />
      ) : (
        <Table verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="40%">{t('apps.checklist.criterion')}</Table.Th>
              <Table.Th>{t('apps.checklist.precheck')}</Table.Th>
              <Table.Th>{t('apps.checklist.confirmed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.precheck.criteria.map((c) => {
              const confirmed = screening?.criteria.find((x) => x.criterion === c.criterion);
              return (
                <Table.Tr key={c.criterion}>
                  <Table.Td>
                    {criterion(c.criterion)}
                    {!c.required && !optionalCriteria.has(c.criterion) && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        {t('apps.checklist.notRequired')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={resultColor[c.result]} variant="light" style={{ textTransform: 'none' }}>
                      {t(`apps.check.${c.result}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {Object.entries(c.seen).map(([k, v]) => seenText(t, k, v)).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {confirmed ? (
                      <>
                        <Badge color={confirmed.met ? 'teal' : 'red'} variant="light" style={{ textTransform: 'none' }}>
                          {t(confirmed.met ? 'apps.check.met' : 'apps.check.not_met')}
                        </Badge>
                        {confirmed.note && <Text size="sm">{confirmed.note}</Text>}
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {screening ? t('apps.checklist.notConfirmed') : t('apps.checklist.notScreened')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {screening && !canScreen && (
        <Text size="sm" mt="sm" data-testid="screening-outcome">
          {t('apps.screening.by', { outcome: t(`apps.screening.outcome.${screening.outcome}`), who: detail.people[screening.by] ?? screening.by, when: formatDateTime(locale, screening.at) })}
          {screening.what ? ` — ${screening.what}` : ''}
        </Text>
      )}
    </Section>
  );
}

type Choice = 'met' | 'not_met' | '';

function ScreeningForm({ detail, act }: { detail: ApplicationDetail; act: ReturnType<typeof useAct> }) {
  const { t } = useI18n();
  // What a screening confirms: the criteria this applicant's type requires, and the optional
  // ones. The others (publications for a practitioner) do not apply and are only listed.
  const applies = detail.precheck.criteria.filter((c) => c.required || optionalCriteria.has(c.criterion));
  const notApplying = detail.precheck.criteria.filter((c) => !applies.includes(c));
  const [choices, setChoices] = useState<Record<string, Choice>>(() => Object.fromEntries(applies.map((c) => [c.criterion, c.result === 'unknown' ? '' : c.result])));
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<ScreeningOutcome | ''>('');
  const [what, setWhat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const missing = applies.filter((c) => c.required && choices[c.criterion] === '');

  const submit = async () => {
    if (!outcome) return setProblem(t('apps.screening.chooseOutcome'));
    if (outcome !== 'info_requested' && missing.length > 0) return setProblem(t('apps.screening.confirmAll'));
    if (outcome === 'info_requested' && !what.trim()) return setProblem(t('vetting.refusal.NO_REQUEST_TEXT'));
    setProblem(null);
    const criteria = applies
      .filter((c) => choices[c.criterion] !== '')
      .map((c) => ({ criterion: c.criterion, met: choices[c.criterion] === 'met', note: (notes[c.criterion] ?? '').trim() }));
    const result = await act.act(
      { applicationId: detail.id, type: 'screened', payload: { criteria, outcome, ...(outcome === 'info_requested' ? { what: what.trim() } : {}) } },
      t('apps.screening.done'),
      { inline: true },
    );
    if (!result.ok) setProblem(act.describe(result.error));
  };

  return (
    <Stack gap="md" component="form" onSubmit={(e) => (e.preventDefault(), void submit())} aria-label={t('apps.screening.form')}>
      {applies.map((c) => (
        <Stack key={c.criterion} gap={4}>
          <Radio.Group
            label={t(`vetting.criterion.${c.criterion}` as MessageKey)}
            description={`${t('apps.checklist.precheck')}: ${t(`apps.check.${c.result}`)} — ${Object.entries(c.seen).map(([k, v]) => seenText(t, k, v)).join(' · ')}`}
            value={choices[c.criterion]}
            onChange={(v) => setChoices((x) => ({ ...x, [c.criterion]: v as Choice }))}
            withAsterisk={c.required}
          >
            <Group gap="lg" mt={4}>
              <Radio value="met" label={t('apps.check.met')} />
              <Radio value="not_met" label={t('apps.check.not_met')} />
            </Group>
          </Radio.Group>
          <TextInput
            size="xs"
            aria-label={t('apps.screening.note', { criterion: t(`vetting.criterion.${c.criterion}` as MessageKey) })}
            placeholder={t('apps.screening.notePlaceholder')}
            value={notes[c.criterion] ?? ''}
            maxLength={1000}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setNotes((x) => ({ ...x, [c.criterion]: value }));
            }}
          />
        </Stack>
      ))}
      {notApplying.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('apps.screening.notApplying', { criteria: notApplying.map((c) => t(`vetting.criterion.${c.criterion}` as MessageKey)).join(', ') })}
        </Text>
      )}
      <Radio.Group label={t('apps.screening.outcome')} value={outcome} onChange={(v) => setOutcome(v as ScreeningOutcome)} withAsterisk>
        <Group gap="lg" mt={4}>
          {screeningOutcomes.map((o) => (
            <Radio key={o} value={o} label={t(`apps.screening.outcome.${o}`)} />
          ))}
        </Group>
      </Radio.Group>
      {outcome === 'info_requested' && (
        <Textarea label={t('apps.screening.what')} value={what} onChange={(e) => setWhat(e.currentTarget.value)} autosize minRows={2} maxLength={2000} withAsterisk />
      )}
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={act.pending}>
          {t('apps.screening.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
