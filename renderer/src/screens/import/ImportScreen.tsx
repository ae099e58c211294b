import { Alert, Button, FileInput, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import type { ImportPreviewOut, ImportReport } from '../../../../shared/contract/import';
import { MAX_IMPORT_BYTES } from '../../../../shared/import/limits';
import { useApi, useApiEvent } from '../../api/ApiProvider';
import { UploadIcon } from '../../components/icons';
import { errorMessage, formatNumber, useI18n } from '../../i18n';
import { fileBase64 } from './importText';
import { MappingPanel, type ImportChoices } from './MappingPanel';
import { PreviewPanel } from './PreviewPanel';
import { ReportPanel } from './ReportPanel';

interface ChosenFile {
  name: string;
  dataBase64: string;
}

const noChoices: ImportChoices = { mapping: null, nominatingCountry: null, applicantType: null };

/**
 * Bulk import of applications from a focal point's sheet: choose a CSV or XLSX file (its size
 * checked before it is read), check the column mapping the app suggests, see each row's
 * problems, try a dry run, import with progress, and read (or download) what happened to
 * every row. The core decides everything (import.preview / import.run); nothing is written
 * before "Import".
 */
export function ImportScreen() {
  const api = useApi();
  const { locale, t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(noChoices);
  const [preview, setPreview] = useState<ImportPreviewOut | null>(null);
  const [busy, setBusy] = useState<'reading' | 'dry' | 'run' | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // Answers to an older file or mapping are dropped: only the latest request may show.
  const generation = useRef(0);

  useApiEvent('progress', (p) => {
    if (p.task === 'import' && busy === 'run') setProgress({ done: p.done, total: p.total });
  });

  const reset = () => {
    generation.current++;
    setFile(null);
    setChosen(null);
    setChoices(noChoices);
    setPreview(null);
    setReport(null);
    setError(null);
    setProgress(null);
    setBusy(null);
  };

  const runPreview = async (target: ChosenFile, next: ImportChoices) => {
    const mine = ++generation.current;
    setBusy('reading');
    setReport(null);
    const result = await api.call('import.preview', { fileName: target.name, dataBase64: target.dataBase64, ...next });
    if (mine !== generation.current) return;
    setBusy(null);
    if (result.ok) {
      setPreview(result.value);
      setError(null);
    } else {
      setPreview(null);
      setError(result.error);
    }
  };

  const choose = async (picked: File | null) => {
    reset();
    setFile(picked);
    if (!picked) return;
    // Checked before a byte is read, so a wrong choice (a video, a database dump) costs nothing.
    if (picked.size > MAX_IMPORT_BYTES) {
      setError({ code: 'IMPORT_TOO_LARGE', message: t('import.file.tooLarge', { max: MAX_IMPORT_BYTES / 1024 / 1024 }) });
      return;
    }
    const target = { name: picked.name, dataBase64: await fileBase64(picked) };
    setChosen(target);
    await runPreview(target, noChoices);
  };

  const change = (next: ImportChoices) => {
    setChoices(next);
    if (chosen) void runPreview(chosen, next);
  };

  const run = async (dryRun: boolean) => {
    if (!chosen) return;
    const mine = ++generation.current;
    setBusy(dryRun ? 'dry' : 'run');
    setProgress(dryRun ? null : { done: 0, total: preview?.summary.new ?? 0 });
    const result = await api.call('import.run', { fileName: chosen.name, dataBase64: chosen.dataBase64, ...choices, mapping: preview?.mapping ?? choices.mapping, dryRun });
    if (mine !== generation.current) return;
    setBusy(null);
    setProgress(null);
    if (result.ok) {
      setReport(result.value);
      setError(null);
    } else setError(result.error);
  };

  const done = report && !report.dryRun;
  const toAdd = preview?.summary.new ?? 0;
  return (
    <Stack maw={900} gap="md">
      <div>
        <Title order={1} size="h2">
          {t('import.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('import.intro')}
        </Text>
      </div>
      <FileInput
        label={t('import.file.label')}
        description={t('import.file.hint', { max: MAX_IMPORT_BYTES / 1024 / 1024 })}
        placeholder={t('import.file.placeholder')}
        accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<UploadIcon width={16} height={16} />}
        value={file}
        onChange={(f) => void choose(f)}
        clearable
        clearButtonProps={{ 'aria-label': t('import.file.clear') }}
        // A real text element (not ::placeholder): Mantine's grey fails contrast; dimmed passes (theme.ts).
        styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
        disabled={busy === 'run'}
        maw={520}
      />
      {busy === 'reading' && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('import.reading')}
        </Text>
      )}
      {error && (
        <Alert color="red" title={t('import.error.title')} role="alert">
          {errorMessage(error, locale, t)}
        </Alert>
      )}
      {!file && !error && (
        <Text size="sm" c="dimmed">
          {t('import.empty')}
        </Text>
      )}
      {preview && !done && (
        <>
          <MappingPanel preview={preview} choices={choices} onChange={change} disabled={busy !== null} />
          <PreviewPanel preview={preview} />
          <Group>
            <Button variant="default" onClick={() => void run(true)} loading={busy === 'dry'} disabled={busy !== null && busy !== 'dry'}>
              {t('import.dryRun')}
            </Button>
            <Button onClick={() => void run(false)} loading={busy === 'run'} disabled={toAdd === 0 || (busy !== null && busy !== 'run')}>
              {t('import.run', { count: formatNumber(locale, toAdd) })}
            </Button>
          </Group>
        </>
      )}
      {progress && (
        <Stack gap={4} aria-live="polite">
          <Progress value={progress.total ? (100 * progress.done) / progress.total : 0} aria-label={t('import.progressLabel')} transitionDuration={150} />
          <Text size="sm" c="dimmed">
            {t('import.progress', { done: formatNumber(locale, progress.done), total: formatNumber(locale, progress.total) })}
          </Text>
        </Stack>
      )}
      {report && <ReportPanel report={report} />}
      {done && (
        <Group>
          <Button variant="default" onClick={reset}>
            {t('import.another')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
