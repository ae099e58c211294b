import { ActionIcon, Alert, Blockquote, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { quotesWithoutConsent } from '../../../../../shared/model/reports';
import { EditIcon, PlusIcon, TrashIcon } from '../../../components/icons';
import { EmptyState } from '../../../components/EmptyState';
import { Section } from '../../../components/Section';
import { useI18n } from '../../../i18n';
import { MAX_QUOTES, sectionsOf, type Quote, type ReportPatch, type ReportRecord, type SectionField } from './model';
import { QuoteModal } from './QuoteModal';
import { sectionName } from './ratingText';

type Editing = { quote: Quote<SectionField> | null } | null;

/**
 * The record's quotes. A quote from an interview whose interviewee did not consent to be
 * quoted (or whose interview was removed) is never exported; the export refuses and names it.
 * The panel says so on the quote itself, before anyone tries (shared/model/reports/consent.ts).
 */
export function QuotesSection({ report, readOnly, save, saving }: { report: ReportRecord; readOnly: boolean; save(patch: ReportPatch): Promise<boolean>; saving: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Editing>(null);
  const quotes = report.fields.quotes as Quote<SectionField>[];
  const sections = sectionsOf[report.type];
  const interviews = report.interviews;
  const byId = new Map(interviews.map((i) => [i.id, i]));
  const blocked = new Set(quotesWithoutConsent(quotes, interviews.map((i) => ({ id: i.id, consentToQuote: i.consentToQuote, deletedAt: i.removed ? i.updatedAt : null }))).map((q) => q.id));
  // A quote may cite only an interview the record names (or the one it already cites).
  const choosable = (q: Quote<SectionField> | null) => interviews.filter((i) => !i.removed && (report.fields.interviewIds.includes(i.id) || i.id === q?.interviewId));

  const write = (next: Quote<SectionField>[]) => save({ quotes: next } as ReportPatch);
  const submit = async (quote: Quote<SectionField>) => {
    const exists = quotes.some((q) => q.id === quote.id);
    if (await write(exists ? quotes.map((q) => (q.id === quote.id ? quote : q)) : [...quotes, quote])) setEditing(null);
  };

  const warning = (q: Quote<SectionField>) => {
    const interview = q.interviewId ? byId.get(q.interviewId) : undefined;
    if (!interview || interview.removed) return t('reportPanels.quotes.interviewGone');
    return t('reportPanels.quotes.noConsent', { name: interview.name });
  };

  return (
    <Section
      title={t('reportPanels.quotes.title')}
      aside={
        !readOnly && (
          <Button size="xs" leftSection={<PlusIcon />} disabled={quotes.length >= MAX_QUOTES} onClick={() => setEditing({ quote: null })}>
            {t('reportPanels.quotes.add')}
          </Button>
        )
      }
    >
      {quotes.length === 0 ? (
        <EmptyState framed title={t('reportPanels.quotes.emptyTitle')} body={t('reportPanels.quotes.emptyBody')} testId="quotes-empty" />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('reportPanels.quotes.title')}>
          {quotes.map((q, n) => {
            const interview = q.interviewId ? byId.get(q.interviewId) : undefined;
            return (
              <li key={q.id} data-testid="quote-row">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <Blockquote p="xs" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} cite={q.speaker ? `— ${q.speaker}` : undefined}>
                      {q.text}
                    </Blockquote>
                    <Text size="xs" c="dimmed">
                      {t('reportPanels.quotes.meta', { section: sectionName(t, q.section), source: interview ? interview.name : t('reportPanels.quote.noInterview') })}
                    </Text>
                    {blocked.has(q.id) && (
                      <Alert color="orange" p="xs" role="note" title={t('reportPanels.quotes.notExported')} data-testid="quote-no-consent">
                        {warning(q)}
                      </Alert>
                    )}
                  </Stack>
                  {!readOnly && (
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon variant="default" onClick={() => setEditing({ quote: q })} aria-label={t('reportPanels.quotes.editNamed', { n: n + 1 })}>
                          <EditIcon />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('common.remove')}>
                        <ActionIcon variant="subtle" color="red" onClick={() => void write(quotes.filter((x) => x.id !== q.id))} aria-label={t('reportPanels.quotes.removeNamed', { n: n + 1 })}>
                          <TrashIcon />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
      <QuoteModal
        opened={editing !== null}
        quote={editing?.quote ?? null}
        interviews={choosable(editing?.quote ?? null)}
        sections={sections}
        busy={saving}
        onClose={() => setEditing(null)}
        onSubmit={(q) => void submit(q)}
      />
    </Section>
  );
}
