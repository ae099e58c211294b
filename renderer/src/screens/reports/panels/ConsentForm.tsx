import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../../i18n';
import { AttachmentField } from '../../applicationForm/AttachmentField';
import { dateFromInput, dateInputValue } from './dates';
import { consentUses, type ConsentRecord, type ConsentUse } from './model';
import { useUploadAttachment } from './upload';

type Draft = { consentedBy: string; date: string; uses: ConsentUse[]; form: ConsentRecord['form'] | null };
type Problems = Partial<Record<keyof Draft, string>>;

/** The same rules as the story's consent schema, said before anything is sent. */
function problemsOf(d: Draft, t: (key: MessageKey) => string): Problems {
  const out: Problems = {};
  if (!d.consentedBy.trim()) out.consentedBy = t('reportPanels.consent.byRequired');
  if (dateFromInput(d.date) === null) out.date = t('reportPanels.consent.dateRequired');
  else if (dateFromInput(d.date)! > Date.now()) out.date = t('reportPanels.consent.dateFuture');
  if (d.uses.length === 0) out.uses = t('reportPanels.consent.usesRequired');
  if (!d.form) out.form = t('reportPanels.consent.formRequired');
  return out;
}

/**
 * Recording (or correcting) the consent: who consented, when, to which uses, and the signed
 * form. The form is stored when chosen (checked by its bytes; a file over the limit is refused
 * before it is read), but the record changes only when the curator records the consent.
 */
export function ConsentForm({ initial, busy, onSubmit, onCancel }: { initial: ConsentRecord | null; busy: boolean; onSubmit(consent: ConsentRecord): void; onCancel?(): void }) {
  const { t } = useI18n();
  const upload = useUploadAttachment();
  const [draft, setDraft] = useState<Draft>({
    consentedBy: initial?.consentedBy ?? '',
    date: dateInputValue(initial?.consentedAt),
    uses: initial?.uses ?? [],
    form: initial?.form ?? null,
  });
  const [tried, setTried] = useState(false);
  const problems = tried ? problemsOf(draft, t) : {};
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problemsOf(draft, t)).length > 0 || !draft.form) return;
    onSubmit({ consentedBy: draft.consentedBy.trim(), consentedAt: dateFromInput(draft.date)!, uses: consentUses.filter((u) => draft.uses.includes(u)), form: draft.form });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('reportPanels.consent.formTitle')}>
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label={t('reportPanels.consent.by')} description={t('reportPanels.consent.byHint')} required maxLength={200} value={draft.consentedBy} onChange={(e) => set('consentedBy', e.currentTarget.value)} error={problems.consentedBy} miw={220} />
          <TextInput label={t('reportPanels.consent.at')} type="date" required value={draft.date} onChange={(e) => set('date', e.currentTarget.value)} error={problems.date} miw={180} />
        </Group>
        <Checkbox.Group label={t('reportPanels.consent.uses')} description={t('reportPanels.consent.usesHint')} required value={draft.uses} onChange={(v) => set('uses', v as ConsentUse[])} error={problems.uses}>
          <Group gap="lg" mt={6}>
            {consentUses.map((use) => (
              <Checkbox key={use} value={use} label={t(`reportPanels.consent.use.${use}` as MessageKey)} />
            ))}
          </Group>
        </Checkbox.Group>
        <AttachmentField label={t('reportPanels.consent.form')} description={t('reportPanels.consent.formHint')} value={draft.form} onChange={(v) => set('form', v)} upload={upload} error={problems.form} />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {t('reportPanels.consent.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
