import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ActInput, ApplicationDetail } from '../../../../shared/contract/vetting';
import { decisionOutcomes, type DecisionOutcome } from '../../../../shared/model/vetting';
import { formatDateTime, useI18n } from '../../i18n';
import { Section } from '../../components/Section';
import type { useAct } from './useApplication';

type Step = 'info_received' | 'decided' | 'withdrawn' | 'note';
const steps: Step[] = ['info_received', 'decided', 'withdrawn', 'note'];

/**
 * The steps the state and the curator's role allow now (`detail.actions`), each a button that
 * opens its short form. A step the core refuses says why, and nothing is recorded.
 */
export function ActionsPanel({ detail, act }: { detail: ApplicationDetail; act: ReturnType<typeof useAct> }) {
  const { locale, t } = useI18n();
  const [open, setOpen] = useState<Step | null>(null);
  const available = steps.filter((s) => detail.actions.includes(s));
  const request = detail.state.infoRequest;
  const decision = detail.state.decision;
  return (
    <Section title={t('apps.section.actions')}>
      <Stack gap="sm">
        {request && (
          <Alert color="yellow" title={t('apps.info.requested')} data-testid="info-request">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {request.what}
            </Text>
            <Text size="xs" c="dimmed">
              {t('apps.info.by', { who: detail.people[request.by] ?? request.by, when: formatDateTime(locale, request.at) })}
            </Text>
          </Alert>
        )}
        {decision && (
          <Text size="sm" data-testid="decision">
            {t('apps.decision.by', { outcome: t(`apps.decision.${decision.outcome}`), who: detail.people[decision.by] ?? decision.by, when: formatDateTime(locale, decision.at) })}
            {decision.reason ? ` — ${decision.reason}` : ''}
          </Text>
        )}
        {available.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('apps.actions.none')}
          </Text>
        ) : (
          <Group gap="xs">
            {available.map((s) => (
              <Button key={s} variant={s === 'withdrawn' ? 'light' : s === 'note' ? 'default' : 'filled'} color={s === 'withdrawn' ? 'red' : undefined} onClick={() => setOpen(s)}>
                {t(`apps.actions.${s}`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? t(`apps.actions.${open}`) : ''} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {open && <StepForm step={open} detail={detail} act={act} onDone={() => setOpen(null)} />}
      </Modal>
    </Section>
  );
}

function StepForm({ step, detail, act, onDone }: { step: Step; detail: ApplicationDetail; act: ReturnType<typeof useAct>; onDone(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<DecisionOutcome | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  const applicationId = detail.id;

  const submit = async () => {
    const value = text.trim();
    let input: ActInput;
    if (step === 'decided') {
      if (!outcome) return setProblem(t('apps.decide.chooseOutcome'));
      if (outcome !== 'accept' && !value) return setProblem(t('vetting.refusal.NO_REASON'));
      input = { applicationId, type: 'decided', payload: { outcome, reason: value } };
    } else {
      if (!value && step !== 'withdrawn') return setProblem(t('apps.step.needText'));
      input =
        step === 'info_received'
          ? { applicationId, type: 'info_received', payload: { answer: value } }
          : step === 'withdrawn'
            ? { applicationId, type: 'withdrawn', payload: { reason: value } }
            : { applicationId, type: 'note', payload: { text: value } };
    }
    setProblem(null);
    const result = await act.act(input, t(`apps.step.done.${step}`), { inline: true });
    if (result.ok) onDone();
    else setProblem(act.describe(result.error));
  };

  const label = { info_received: t('apps.info.answer'), decided: t('apps.decide.reason'), withdrawn: t('apps.withdraw.reason'), note: t('apps.note.text') }[step];
  return (
    <Stack gap="md" component="form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      {step === 'decided' && (
        <Radio.Group label={t('apps.decide.outcome')} value={outcome} onChange={(v) => setOutcome(v as DecisionOutcome)} withAsterisk>
          <Stack gap={6} mt={4}>
            {decisionOutcomes.map((o) => (
              <Radio key={o} value={o} label={t(`apps.decide.option.${o}`)} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Textarea label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} maxLength={5000} withAsterisk={step !== 'withdrawn' && !(step === 'decided' && outcome === 'accept')} data-autofocus />
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={act.pending} color={step === 'withdrawn' ? 'red' : undefined}>
          {t(`apps.step.submit.${step}`)}
        </Button>
      </Group>
    </Stack>
  );
}
