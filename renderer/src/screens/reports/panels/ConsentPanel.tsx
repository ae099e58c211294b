import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Detail, Section } from '../../../components/Section';
import { useI18n, type MessageKey } from '../../../i18n';
import { BeneficiaryFields } from './BeneficiaryFields';
import { ConsentForm } from './ConsentForm';
import { formatDay } from './dates';
import { AttachmentLink } from './AttachmentLink';
import type { ConsentRecord, StoryRecord } from './model';
import type { PanelProps } from './types';
import { useSave } from './useSave';

/**
 * A story's beneficiary and the consent behind it. Without a recorded consent the story cannot
 * be exported (the core refuses with NO_CONSENT); the panel says so plainly and offers to
 * record it. Withdrawing the record takes the story back to that state.
 */
export function ConsentPanel({ report, onPatch, readOnly }: PanelProps) {
  const { t } = useI18n();
  if (report.type !== 'story') return <Text c="dimmed">{t('reportPanels.consent.storiesOnly')}</Text>;
  return <StoryConsent report={report} onPatch={onPatch} readOnly={readOnly} />;
}

function StoryConsent({ report, onPatch, readOnly }: Omit<PanelProps, 'report'> & { report: StoryRecord }) {
  const { locale, t } = useI18n();
  const { save, saving, problem } = useSave(onPatch);
  const [editing, setEditing] = useState(false);
  const consent = report.fields.consent;

  const record = async (next: ConsentRecord | null) => {
    if (await save({ consent: next })) setEditing(false);
  };

  return (
    <Stack gap="md" data-testid="consent-panel">
      <BeneficiaryFields report={report} readOnly={readOnly} save={save} />
      <Section
        title={t('reportPanels.consent.title')}
        aside={
          consent ? (
            <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
              {t('reportPanels.consent.recorded')}
            </Badge>
          ) : (
            <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
              {t('reportPanels.consent.missingBadge')}
            </Badge>
          )
        }
      >
        <Stack gap="sm">
          {problem && (
            <Alert color="red" role="alert" title={t('reportPanels.saveRefused')}>
              {problem}
            </Alert>
          )}
          {!consent && (
            <Alert color="yellow" title={t('reportPanels.consent.missingTitle')} data-testid="consent-missing">
              {t('reportPanels.consent.missing')}
            </Alert>
          )}
          {consent && !consent.uses.includes('mtr') && (
            <Alert color="yellow" title={t('reportPanels.consent.notForMtrTitle')} data-testid="consent-not-mtr">
              {t('reportPanels.consent.notForMtr')}
            </Alert>
          )}
          {consent && !editing && (
            <Stack gap="sm" data-testid="consent-record">
              <Group gap="xl" wrap="wrap" align="flex-start">
                <Detail label={t('reportPanels.consent.by')}>{consent.consentedBy}</Detail>
                <Detail label={t('reportPanels.consent.at')}>{formatDay(locale, consent.consentedAt)}</Detail>
                <Detail label={t('reportPanels.consent.uses')}>{consent.uses.map((u) => t(`reportPanels.consent.use.${u}` as MessageKey)).join(', ')}</Detail>
              </Group>
              <Group gap="sm">
                <Text size="sm" fw={500}>
                  {t('reportPanels.consent.form')}:
                </Text>
                <AttachmentLink file={consent.form} />
              </Group>
              {!readOnly && (
                <Group gap="sm">
                  <Button variant="default" onClick={() => setEditing(true)}>
                    {t('reportPanels.consent.edit')}
                  </Button>
                  <Button variant="subtle" color="red" loading={saving} onClick={() => void record(null)}>
                    {t('reportPanels.consent.withdraw')}
                  </Button>
                </Group>
              )}
            </Stack>
          )}
          {!readOnly && (!consent || editing) && <ConsentForm initial={consent} busy={saving} onSubmit={(c) => void record(c)} onCancel={editing ? () => setEditing(false) : undefined} />}
        </Stack>
      </Section>
    </Stack>
  );
}
