import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { uuidv7 } from '../../../../../shared/ids';
import { useI18n } from '../../../i18n';
import { MAX_QUOTE_CHARS, type Interview, type Quote, type SectionField } from './model';
import { sectionName } from './ratingText';

// A Select value no interview id can be (ids are UUIDs).
const NONE = 'none';

/**
 * A quote: the words, who said them, the interview they come from (its footnote in a
 * document; none for a beneficiary's own words in a story) and the section it belongs to.
 */
export function QuoteModal({
  opened,
  quote,
  interviews,
  sections,
  busy,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  quote: Quote<SectionField> | null;
  interviews: readonly Interview[];
  sections: readonly SectionField[];
  busy: boolean;
  onClose(): void;
  onSubmit(quote: Quote<SectionField>): void;
}) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={quote ? t('reportPanels.quote.editTitle') : t('reportPanels.quote.addTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened && <QuoteForm key={quote?.id ?? 'new'} quote={quote} interviews={interviews} sections={sections} busy={busy} onCancel={onClose} onSubmit={onSubmit} />}
    </Modal>
  );
}

function QuoteForm({
  quote,
  interviews,
  sections,
  busy,
  onCancel,
  onSubmit,
}: {
  quote: Quote<SectionField> | null;
  interviews: readonly Interview[];
  sections: readonly SectionField[];
  busy: boolean;
  onCancel(): void;
  onSubmit(quote: Quote<SectionField>): void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(quote?.text ?? '');
  const [speaker, setSpeaker] = useState(quote?.speaker ?? '');
  const [interviewId, setInterviewId] = useState<string>(quote?.interviewId ?? NONE);
  const [section, setSection] = useState<SectionField | null>(quote?.section ?? null);
  const [tried, setTried] = useState(false);
  const textProblem = !text.trim() ? t('reportPanels.quote.textRequired') : text.length > MAX_QUOTE_CHARS ? t('reportPanels.quote.textTooLong', { max: MAX_QUOTE_CHARS }) : null;
  const sectionProblem = section === null ? t('reportPanels.quote.sectionRequired') : null;

  const pickInterview = (id: string | null) => {
    setInterviewId(id ?? NONE);
    // The speaker is usually the person interviewed: filled in when still empty.
    const chosen = interviews.find((i) => i.id === id);
    if (chosen && !speaker.trim()) setSpeaker(chosen.name);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (textProblem || sectionProblem || section === null) return;
    onSubmit({ id: quote?.id ?? uuidv7(), text, speaker: speaker.trim(), interviewId: interviewId === NONE ? null : interviewId, section });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea label={t('reportPanels.quote.text')} required autosize minRows={3} maxRows={8} value={text} onChange={(e) => setText(e.currentTarget.value)} error={tried ? textProblem : undefined} data-autofocus />
        <TextInput label={t('reportPanels.quote.speaker')} description={t('reportPanels.quote.speakerHint')} maxLength={200} value={speaker} onChange={(e) => setSpeaker(e.currentTarget.value)} />
        <Select
          label={t('reportPanels.quote.interview')}
          description={t('reportPanels.quote.interviewHint')}
          data={[{ value: NONE, label: t('reportPanels.quote.noInterview') }, ...interviews.map((i) => ({ value: i.id, label: i.consentToQuote ? i.name : t('reportPanels.quote.interviewNoConsent', { name: i.name }) }))]}
          value={interviewId}
          onChange={pickInterview}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('reportPanels.quote.section')}
          required
          data={sections.map((s) => ({ value: s, label: sectionName(t, s) }))}
          value={section}
          onChange={(v) => setSection(v as SectionField | null)}
          error={tried ? sectionProblem : undefined}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('reportPanels.quote.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
