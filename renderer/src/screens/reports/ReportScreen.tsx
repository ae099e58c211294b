import { Alert, Badge, Button, Card, Group, Progress, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { errorShape } from '../../api/queries';
import { DemoBadge } from '../../components/DemoBadge';
import { ArrowLeftIcon } from '../../components/icons';
import { LoadError } from '../../components/LoadError';
import { formatNumber, useI18n, type MessageKey } from '../../i18n';
import { useNavigation } from '../../nav/Navigation';
import { DetailsTab } from './DetailsTab';
import { ExportDialog } from './export/ExportDialog';
import { takePendingTab } from './export/pendingTab';
import { PreviewPanel } from './export/PreviewPanel';
import { ConsentPanel, EvaluationPanel, FiguresPanel, PhotosPanel, SourcesPanel, type PanelProps } from './panels';
import { RemovedNotice, RemoveReport } from './ReportRemoval';
import { SectionsTab } from './SectionsTab';
import { anyUnsavedDraft } from './sectionDraft';
import { StatusControl } from './StatusControl';
import { statusColor, statusLabel, typeLabel } from './texts';
import { useReport, useReportWrite, type ReportDetail } from './useReports';

/** The editor of one case study or story: a header that says where it stands, and its parts as tabs. */
export function ReportScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const { navigate } = useNavigation();
  const query = useReport(id);
  const back = (
    <Group>
      <Button variant="subtle" leftSection={<ArrowLeftIcon />} onClick={() => navigate({ screen: 'reports' })} px="xs">
        {t('reports.back')}
      </Button>
    </Group>
  );
  if (!query.data && query.isError) return <LoadError before={back} title={t('reports.error.load')} error={errorShape(query.error)} onRetry={() => void query.refetch()} />;
  if (!query.data) {
    return (
      <Stack aria-busy="true">
        {back}
        <Skeleton height={110} radius="md" />
        <Skeleton height={320} radius="md" />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {back}
      <ReportPage report={query.data} />
    </Stack>
  );
}

interface TabDef {
  value: string;
  label: MessageKey;
  /** Only for this type of record (the consent is a story's). */
  only?: ReportDetail['type'];
  render(props: PanelProps & { onOpenTab(tab: string): void }): ReactNode;
}

/**
 * The editor's parts. Sections and details are written here; the evaluation, sources and
 * quotes, figures, photos and consent are panels of their own (panels/), each given PanelProps.
 */
const tabs: TabDef[] = [
  { value: 'sections', label: 'reports.tab.sections', render: (p) => <SectionsTab {...p} /> },
  { value: 'details', label: 'reports.tab.details', render: (p) => <DetailsTab {...p} /> },
  { value: 'evaluation', label: 'reports.tab.evaluation', render: (p) => <EvaluationPanel {...p} /> },
  { value: 'sources', label: 'reports.tab.sources', render: (p) => <SourcesPanel {...p} /> },
  { value: 'figures', label: 'reports.tab.figures', only: 'case_study', render: (p) => <FiguresPanel {...p} /> },
  { value: 'photos', label: 'reports.tab.photos', render: (p) => <PhotosPanel {...p} /> },
  { value: 'consent', label: 'reports.tab.consent', only: 'story', render: (p) => <ConsentPanel {...p} /> },
  { value: 'preview', label: 'reportExport.preview.tab', render: (p) => <PreviewPanel {...p} /> },
];

function ReportPage({ report }: { report: ReportDetail }) {
  const { locale, t } = useI18n();
  const update = useReportWrite('reports.update');
  const [tab, setTab] = useState<string | null>(() => takePendingTab(report.id) ?? 'sections');
  // A removed record is read until restored: the core refuses its edits.
  const readOnly = !report.permissions.write || report.removed;
  const title = report.fields.title || t('reports.untitled');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus({ preventScroll: true });
  }, [report.id]);
  useEffect(() => {
    document.title = `${title} · ${t('reports.title')}`;
  }, [title, t]);
  // In a browser tab, closing or reloading with words not yet saved asks first. Not in Electron,
  // where a cancelled unload silently keeps the window open (the core out of reach would then
  // make the app impossible to close).
  useEffect(() => {
    if (window.curator) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      if (anyUnsavedDraft()) e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, []);

  const panel: PanelProps = {
    report,
    readOnly,
    onPatch: async (patch) => {
      await update.mutateAsync({ id: report.id, type: report.type, patch } as Parameters<typeof update.mutateAsync>[0]);
    },
  };
  const shown = tabs.filter((d) => !d.only || d.only === report.type);

  return (
    <>
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6} style={{ minWidth: 0, flex: '1 1 360px' }}>
            <Group gap="sm" align="center" wrap="wrap">
              <Title ref={heading} tabIndex={-1} order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="report-title">
                {title}
              </Title>
              <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                {typeLabel(t, report.type)}
              </Badge>
              <Badge color={statusColor[report.fields.status]} variant="light" style={{ textTransform: 'none' }} data-testid="report-status">
                {statusLabel(t, report.fields.status)}
              </Badge>
              {report.fields.demo && <DemoBadge hint={t('reports.demo.hint')} />}
            </Group>
            <Group gap="sm" wrap="nowrap" maw={420}>
              <Progress value={report.totalSections ? (100 * report.complete) / report.totalSections : 0} size="sm" style={{ flex: 1 }} aria-hidden />
              <Text size="sm" c="dimmed" data-testid="report-completeness" style={{ whiteSpace: 'nowrap' }}>
                {t('reports.completeness', { done: formatNumber(locale, report.complete), total: formatNumber(locale, report.totalSections) })}
              </Text>
            </Group>
          </Stack>
          <Group gap="sm" align="flex-start">
            {!report.removed && <ExportDialog report={report} onOpenTab={setTab} />}
            {!report.removed && <StatusControl report={report} />}
            <RemoveReport report={report} />
          </Group>
        </Group>
      </Card>
      <RemovedNotice report={report} />
      {readOnly && !report.removed && <Alert color="blue">{t('reports.readOnly')}</Alert>}
      {/* Mantine's 16 px on each side of a label put the story's seven tabs on two lines in
          Bahasa Indonesia at 1024 px (797 px of tabs in a 792 px column, "Pratinjau" alone
          below); 12 px leaves room (741 px; English 691 px). Narrower windows still wrap. */}
      <Tabs value={tab} onChange={setTab} styles={{ tab: { paddingInline: 'var(--mantine-spacing-sm)' } }}>
        <Tabs.List aria-label={t('reports.tabs.label')}>
          {shown.map((d) => (
            <Tabs.Tab key={d.value} value={d.value}>
              {t(d.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {shown.map((d) => (
          <Tabs.Panel key={d.value} value={d.value} pt="md">
            {d.render({ ...panel, onOpenTab: setTab })}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
