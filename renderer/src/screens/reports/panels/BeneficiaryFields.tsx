import { SegmentedControl, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { Section } from '../../../components/Section';
import { useI18n, type MessageKey } from '../../../i18n';
import { beneficiaryKinds, type BeneficiaryKind, type ReportPatch, type StoryRecord } from './model';

/**
 * Who the story is about: an individual, a family or a community, named or anonymised. The
 * switch says what it hides: an anonymised story never exports the beneficiary's name or
 * photos (the description stands in for the name).
 */
export function BeneficiaryFields({ report, readOnly, save }: { report: StoryRecord; readOnly: boolean; save(patch: ReportPatch): Promise<boolean> }) {
  const { t } = useI18n();
  const id = useId();
  const stored = { name: report.fields.beneficiaryName ?? '', description: report.fields.beneficiaryDescription ?? '' };
  const [draft, setDraft] = useState(stored);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setDraft({ name: report.fields.beneficiaryName ?? '', description: report.fields.beneficiaryDescription ?? '' });
  }, [report.fields.beneficiaryName, report.fields.beneficiaryDescription, dirty]);
  const anonymised = report.fields.anonymised === true;

  const leave = async () => {
    if (!dirty) return;
    if (await save({ beneficiaryName: draft.name.trim(), beneficiaryDescription: draft.description })) setDirty(false);
  };
  const edit = (key: 'name' | 'description', value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setDirty(true);
  };

  return (
    <Section title={t('reportPanels.beneficiary.title')}>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} id={`${id}-kind`}>
            {t('reportPanels.beneficiary.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${id}-kind`}
            readOnly={readOnly}
            value={report.fields.beneficiaryKind ?? 'individual'}
            data={beneficiaryKinds.map((k) => ({ value: k, label: t(`reportPanels.beneficiary.kind.${k}` as MessageKey) }))}
            onChange={(v) => void save({ beneficiaryKind: v as BeneficiaryKind })}
          />
        </div>
        <Switch
          label={t('reportPanels.beneficiary.anonymised')}
          description={t('reportPanels.beneficiary.anonymisedHint')}
          checked={anonymised}
          readOnly={readOnly}
          onChange={(e) => !readOnly && void save({ anonymised: e.currentTarget.checked })}
        />
        <TextInput
          label={t('reportPanels.beneficiary.name')}
          description={anonymised ? t('reportPanels.beneficiary.nameHidden') : t('reportPanels.beneficiary.nameHint')}
          value={draft.name}
          maxLength={200}
          readOnly={readOnly}
          onChange={(e) => edit('name', e.currentTarget.value)}
          onBlur={() => void leave()}
        />
        <Textarea
          label={t('reportPanels.beneficiary.description')}
          description={t('reportPanels.beneficiary.descriptionHint')}
          value={draft.description}
          maxLength={2000}
          autosize
          minRows={2}
          maxRows={6}
          readOnly={readOnly}
          onChange={(e) => edit('description', e.currentTarget.value)}
          onBlur={() => void leave()}
        />
      </Stack>
    </Section>
  );
}
