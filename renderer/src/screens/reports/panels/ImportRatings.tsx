import { Alert, Badge, Button, FileButton, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useRef } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract';
import { UploadIcon } from '../../../components/icons';
import { errorMessage, formatNumber, intlLocale, useI18n, type Locale, type MessageKey, type Translate, type Vars } from '../../../i18n';
import { useNotify } from '../../../lib/notify';
import { saveFile } from '../../../lib/saveFile';
import { AcceptedNames } from './AcceptedNames';
import type { ReportRecord } from './model';
import { ratingFieldName, ratingLevelName } from './ratingText';
import { ratingsTemplateFile } from './ratingsTemplate';
import { useRatingsImport, type RatingChange } from './useRatingsImport';

/** A counted message of this panel (`.one` / `.other`); the app's `plural` knows only its own list of bases. */
const counted = (t: Translate, locale: Locale, base: 'changes' | 'confirm' | 'done', count: number, vars: Vars = {}) =>
  t(`reportPanels.import.${base}.${new Intl.PluralRules(intlLocale[locale]).select(count) === 'one' ? 'one' : 'other'}` as MessageKey, { ...vars, count: formatNumber(locale, count) });

const SHEET_TYPES = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The evaluation panel's import: choose a CSV or XLSX sheet (a real button, so Tab and Enter
 * reach it), see which ratings it would change, then import them — or read why nothing was
 * imported, with what the sheet may contain. The template is the sheet of the ratings as they are.
 */
export function ImportRatings({ report }: { report: ReportRecord }) {
  const { locale, t } = useI18n();
  const notify = useNotify();
  const { state, choose, commit, close } = useRatingsImport(report);
  const resetRef = useRef<() => void>(null);
  const pick = (file: File | null) => {
    resetRef.current?.();
    void choose(file);
  };
  const fileButton = (label: string, variant: 'filled' | 'default') => (
    <FileButton resetRef={resetRef} accept={SHEET_TYPES} onChange={pick} inputProps={{ 'aria-label': label }}>
      {(props) => (
        <Button {...props} variant={variant} leftSection={<UploadIcon />}>
          {label}
        </Button>
      )}
    </FileButton>
  );
  const template = () => {
    const file = ratingsTemplateFile(report, locale);
    saveFile(file);
    notify.success(t('reportPanels.import.templateDone', { name: file.fileName }));
  };
  const submit = async () => {
    if (state.step !== 'preview') return;
    const name = state.name;
    const count = await commit();
    if (count !== null) notify.success(counted(t, locale, 'done', count, { name }));
  };
  const name = state.step === 'idle' ? '' : state.name;

  return (
    <Stack gap={4}>
      <Group gap="sm">
        {fileButton(t('reportPanels.import.button'), 'default')}
        <Button variant="subtle" onClick={template}>
          {t('reportPanels.import.template')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('reportPanels.import.hint')}
      </Text>
      <Modal opened={state.step !== 'idle'} onClose={close} title={t('reportPanels.import.title', { name })} size="lg" closeOnClickOutside={false}>
        {state.step === 'reading' && (
          <Group gap="sm" aria-live="polite" data-testid="import-reading">
            <Loader size="sm" />
            <Text size="sm">{t('reportPanels.import.reading', { name })}</Text>
          </Group>
        )}
        {state.step === 'refused' && (
          <Stack gap="md">
            <Alert color="red" role="alert" title={t('reportPanels.import.errorTitle')} data-testid="import-error">
              {refusalText(state.error, report.type, t, (e) => errorMessage(e, locale, t))}
            </Alert>
            {(state.error.code === 'UNKNOWN_CHARACTERISTIC' || state.error.code === 'INVALID_INPUT') && <AcceptedNames type={report.type} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              {fileButton(t('reportPanels.import.chooseAnother'), 'filled')}
            </Group>
          </Stack>
        )}
        {state.step === 'preview' && (
          <Stack gap="md" aria-busy={state.importing}>
            {state.changes.length === 0 ? (
              <Text size="sm">{t('reportPanels.import.nothingToDo')}</Text>
            ) : (
              <>
                <Text size="sm">{counted(t, locale, 'changes', state.changes.length)}</Text>
                <Changes changes={state.changes} />
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={state.importing}>
                {t('common.cancel')}
              </Button>
              {state.changes.length > 0 && (
                <Button onClick={() => void submit()} loading={state.importing} data-autofocus>
                  {counted(t, locale, 'confirm', state.changes.length)}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

/** Why the sheet was refused: an unknown name by its row and words, anything else as the core says it. */
function refusalText(error: AppErrorShape, type: ReportRecord['type'], t: Translate, describe: (e: AppErrorShape) => string): string {
  const { row, name } = error.details ?? {};
  if (error.code === 'UNKNOWN_CHARACTERISTIC' && typeof row === 'number' && typeof name === 'string') {
    return t(type === 'story' ? 'reportPanels.import.unknownStory' : 'reportPanels.import.unknownCase', { row, name: name || '—' });
  }
  return describe(error);
}

function Changes({ changes }: { changes: RatingChange[] }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={480} maxHeight={360}>
      <Table striped aria-label={t('reportPanels.import.changesLabel')} data-testid="import-changes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reportPanels.import.colCriterion')}</Table.Th>
            <Table.Th scope="col">{t('reportPanels.import.colNow')}</Table.Th>
            <Table.Th scope="col">{t('reportPanels.import.colSheet')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={c.field}>
              <Table.Th scope="row" fw={500}>
                {ratingFieldName(t, c.field)}
              </Table.Th>
              <Table.Td>{ratingLevelName(t, c.now.rating)}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={c.now.rating !== c.sheet.rating ? 600 : undefined}>
                    {ratingLevelName(t, c.sheet.rating)}
                  </Text>
                  {c.now.evidence !== c.sheet.evidence && (
                    <Badge size="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
                      {t('reportPanels.import.evidenceChanged')}
                    </Badge>
                  )}
                  {c.now.sections.join() !== c.sheet.sections.join() && (
                    <Badge size="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
                      {t('reportPanels.import.sectionsChanged')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
