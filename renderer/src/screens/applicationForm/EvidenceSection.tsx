import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { memo } from 'react';
import { evidenceKinds, type Evidence, type EvidenceKind } from '../../../../shared/model/vetting/application';
import { PlusIcon, TrashIcon } from '../../components/icons';
import { useI18n } from '../../i18n';
import { sameDataProps } from '../../lib/memo';
import { FormSection } from '../form/formSections';
import { AttachmentField, type UploadAttachment } from './AttachmentField';
import { firstEvidenceKind } from './model';
import type { PartProps } from './sections';

const MAX_EVIDENCE = 100;

/**
 * Publications (academics), certificates and validated event involvement (practitioners), each
 * with an optional document. What the applicant type asks for is said above the list; the
 * curator judges it at screening.
 */
export const evidenceFields = ['evidence', 'applicantType'] as const;
export const EvidenceSection = memo(function EvidenceSection({ values, errors, set, touch, upload }: PartProps<(typeof evidenceFields)[number]> & { upload: UploadAttachment }) {
  const { t } = useI18n();
  const items = values.evidence;
  const update = (i: number, patch: Partial<Evidence>) => set('evidence', items.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const add = () => set('evidence', [...items, { kind: firstEvidenceKind(values.applicantType), title: '', year: null, detail: '', validated: false, attachment: null }]);
  const ask = values.applicantType ? t(`application.evidence.ask.${values.applicantType}`) : t('application.evidence.ask.none');

  return (
    <FormSection title={t('application.section.evidence')} description={ask}>
      {items.map((item, i) => {
        const n = i + 1;
        const err = (field: string) => errors[`evidence.${i}.${field}`];
        return (
          <Paper key={i} withBorder p="sm" radius="sm" data-testid="evidence-item" role="group" aria-label={t('application.evidence.item', { n })}>
            <Group justify="space-between" mb="xs">
              <Text fw={500} size="sm">
                {t('application.evidence.item', { n })}
              </Text>
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('field.removeRow', { what: t('application.evidence.item', { n }) })} onClick={() => set('evidence', items.filter((_, j) => j !== i))}>
                <TrashIcon />
              </ActionIcon>
            </Group>
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Select
                  label={t('application.evidence.kind')}
                  data={evidenceKinds.map((k) => ({ value: k, label: t(`application.evidence.kind.${k}`) }))}
                  value={item.kind}
                  onChange={(v) => v && update(i, { kind: v as EvidenceKind })}
                  allowDeselect={false}
                />
                <TextInput
                  label={t('application.evidence.title')}
                  value={item.title}
                  onChange={(e) => update(i, { title: e.currentTarget.value })}
                  onBlur={() => touch('evidence')}
                  error={err('title')}
                  required
                />
                <NumberInput
                  label={t('field.year')}
                  value={item.year ?? ''}
                  onChange={(v) => update(i, { year: typeof v === 'number' ? v : null })}
                  onBlur={() => touch('evidence')}
                  error={err('year')}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator={false}
                  hideControls
                />
              </SimpleGrid>
              <Textarea label={t('application.evidence.detail')} value={item.detail ?? ''} onChange={(e) => update(i, { detail: e.currentTarget.value })} error={err('detail')} autosize minRows={1} maxRows={6} />
              {item.kind !== 'publication' && (
                <Checkbox label={t('application.evidence.validated')} checked={item.validated ?? false} onChange={(e) => update(i, { validated: e.currentTarget.checked })} />
              )}
              <AttachmentField label={t('application.evidence.document', { n })} value={item.attachment ?? null} onChange={(v) => update(i, { attachment: v })} upload={upload} error={err('attachment')} />
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" leftSection={<PlusIcon />} onClick={add} disabled={items.length >= MAX_EVIDENCE}>
          {t('application.evidence.add')}
        </Button>
      </Group>
    </FormSection>
  );
}, sameDataProps);
