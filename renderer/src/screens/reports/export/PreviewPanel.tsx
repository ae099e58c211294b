import { Alert, Button, Group, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { quotesWithoutConsent, storyConsentProblem } from '../../../../../shared/model/reports/consent';
import { formatDateTime, formatNumber, intlLocale, useI18n } from '../../../i18n';
import { useNotify } from '../../../lib/notify';
import type { PanelProps } from '../panels/types';
import { ConsentRefusal } from './ConsentRefusal';
import { PdfPages } from './preview/PdfPages';
import { PreviewOutline } from './preview/PreviewOutline';
import { usePreview, type PreviewLang, type PreviewState } from './preview/usePreview';
import type { Refusal } from './refusal';

/**
 * The Preview tab: the document's laid-out PDF pages as the export writes them, in the language
 * chosen (the app's at first), drawn by pdf.js inside the app's own CSP (preview/pdfView.ts); the
 * text outline is the same document in words, for a screen reader or a quick look. Before
 * anything, what would make the export refuse (missing consent) with the way to fix it: the
 * preview itself is never refused, as the curator needs to see the story while fixing it.
 * The pages are made once the tab is first shown (the editor keeps every tab mounted), from the
 * saved record, and again on Refresh; the panel says when they were made and whether the record
 * changed since.
 */
export function PreviewPanel({ report, onOpenTab }: PanelProps & { onOpenTab(tab: 'consent' | 'sources'): void }) {
  const { locale, t } = useI18n();
  const root = useRef<HTMLDivElement>(null);
  const shown = useShownOnce(root);
  const [lang, setLang] = useState<PreviewLang>(locale);
  const [view, setView] = useState<'pages' | 'outline'>('pages');
  const { state, refresh } = usePreview(report.id, lang, shown);
  const f = report.fields;
  const interviews = report.interviews.map((i) => ({ id: i.id, consentToQuote: i.consentToQuote, deletedAt: i.removed ? i.updatedAt : null }));
  const heldQuotes = quotesWithoutConsent(f.quotes, interviews);
  const refusal: Refusal | null =
    report.type === 'story' && storyConsentProblem({ consent: report.fields.consent })
      ? { id: report.id, fix: 'consent', speakers: [] }
      : heldQuotes.length
        ? { id: report.id, fix: 'quotes', speakers: heldQuotes.map((q) => q.speaker) }
        : null;
  const busy = state.phase === 'making' || state.phase === 'opening';

  return (
    <Stack gap="sm" ref={root} data-testid="report-preview">
      <Text size="sm" c="dimmed">
        {t('reportExport.preview.hint')}
      </Text>
      {refusal && <ConsentRefusal before refusal={refusal} title={f.title || t('reports.untitled')} onOpen={(_, tab) => onOpenTab(tab)} />}
      {view === 'pages' && report.type === 'story' && report.fields.anonymised && <Alert color="blue">{t('reportExport.preview.anonymised')}</Alert>}
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          size="xs"
          aria-label={t('reportExport.preview.view')}
          value={view}
          onChange={(v) => setView(v as typeof view)}
          data={[
            { value: 'pages', label: t('reportExport.preview.view.pages') },
            { value: 'outline', label: t('reportExport.preview.view.outline') },
          ]}
        />
        {view === 'pages' && (
          <>
            <SegmentedControl
              size="xs"
              aria-label={t('reportExport.preview.language')}
              value={lang}
              onChange={(v) => setLang(v as PreviewLang)}
              data={[
                { value: 'en', label: t('reportExport.lang.en') },
                { value: 'id', label: t('reportExport.lang.id') },
              ]}
            />
            <Button size="xs" variant="default" onClick={refresh} loading={busy}>
              {t('reportExport.preview.refresh')}
            </Button>
          </>
        )}
      </Group>
      {view === 'outline' ? <PreviewOutline report={report} /> : <Pages state={state} updatedAt={report.updatedAt} onRefresh={refresh} />}
    </Stack>
  );
}

function Pages({ state, updatedAt, onRefresh }: { state: PreviewState; updatedAt: number; onRefresh(): void }) {
  const { locale, t } = useI18n();
  const notify = useNotify();
  if (state.phase === 'error') {
    return (
      <Alert color="red" title={t('reportExport.preview.failed')} data-testid="preview-error">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{notify.describe(state.error)}</Text>
          <Text size="sm">{t('reportExport.preview.failedWhat')}</Text>
          <Button size="xs" variant="light" color="red" onClick={onRefresh}>
            {t('reportExport.preview.refresh')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (state.phase !== 'ready') {
    const step = state.phase === 'opening' ? 'opening' : 'making';
    return (
      <Stack gap={6} role="status" aria-busy="true" data-testid="preview-loading" py="md">
        <Text size="sm">{t(`reportExport.preview.${step}`)}</Text>
        <Progress value={step === 'opening' ? 70 : 30} animated aria-label={t(`reportExport.preview.${step}`)} />
      </Stack>
    );
  }
  const { made, view } = state;
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed" role="status" aria-label={t('reportExport.preview.made')} data-testid="preview-made">
        {t(`reportExport.preview.madeAt.${new Intl.PluralRules(intlLocale[locale]).select(made.pages) === 'one' ? 'one' : 'other'}`, { time: formatDateTime(locale, made.madeAt), pages: formatNumber(locale, made.pages) })}
      </Text>
      {updatedAt > made.recordUpdatedAt && (
        <Alert color="yellow" py={6} data-testid="preview-stale">
          <Group gap="sm" justify="space-between">
            <Text size="sm">{t('reportExport.preview.changed')}</Text>
            <Button size="xs" variant="light" color="yellow" onClick={onRefresh}>
              {t('reportExport.preview.refresh')}
            </Button>
          </Group>
        </Alert>
      )}
      <PdfPages view={view} />
    </Stack>
  );
}

/**
 * Whether the element has been on screen at least once. The editor keeps its tabs mounted
 * (hidden), so this is what holds the preview back until its tab is opened. Without an
 * IntersectionObserver (a test's jsdom) nothing counts as shown.
 */
function useShownOnce(ref: React.RefObject<HTMLElement | null>): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (shown || !el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown(true);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, shown]);
  return shown;
}
