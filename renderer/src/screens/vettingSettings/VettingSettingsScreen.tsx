import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { canChangeSettings } from '../../../../shared/model/vetting/roles';
import type { VettingSettings } from '../../../../shared/model/vetting/settings';
import { useVettingQuery, useVettingWrite } from '../../api/oversight';
import { errorShape } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { useI18n } from '../../i18n';
import { deepEqual } from '../../lib/equal';
import { useNotify } from '../../lib/notify';
import { useLeaveGuard } from '../../nav/Navigation';
import { GatedScreen } from '../profile/ProfileGate';
import { RubricEditor } from './RubricEditor';
import { fromDraft, settingsProblems, toDraft, type Draft } from './settingsModel';

/** The secretariat's vetting settings: the years threshold, the same-country rule, k reviewers, the rubric. */
export function VettingSettingsScreen() {
  const { t } = useI18n();
  return (
    <GatedScreen title={t('oversight.settings.title')} maw={860}>
      {(user) => <SettingsLoader readOnly={!canChangeSettings(user)} />}
    </GatedScreen>
  );
}

function SettingsLoader({ readOnly }: { readOnly: boolean }) {
  const settings = useVettingQuery('vetting.settings', {});
  if (settings.isPending) return <Skeleton height={300} />;
  if (settings.isError) return <LoadError error={errorShape(settings.error)} onRetry={() => void settings.refetch()} />;
  return <SettingsForm saved={settings.data} readOnly={readOnly} />;
}

const num = (v: string | number) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

function SettingsForm({ saved, readOnly }: { saved: VettingSettings; readOnly: boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  const save = useVettingWrite('vetting.saveSettings');
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved));
  const [tried, setTried] = useState(false);
  const dirty = useMemo(() => !deepEqual(fromDraft(draft), saved), [draft, saved]);
  useLeaveGuard(dirty);
  // Another curator's change (or a sync) arrives: show it unless this form holds unsaved edits.
  useEffect(() => {
    if (!dirty) setDraft(toDraft(saved));
  }, [saved]);

  const problems = tried ? settingsProblems(draft, t) : {};
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(settingsProblems(draft, t)).length > 0) {
      notify.problem(t('oversight.settings.invalidTitle'), t('oversight.settings.invalidBody'));
      return;
    }
    save.mutate(fromDraft(draft), {
      onSuccess: (next) => {
        setTried(false);
        setDraft(toDraft(next));
        notify.success(t('oversight.settings.saved'));
      },
      onError: (err) => notify.failure(errorShape(err)!, t('oversight.settings.saveFailed')),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          {readOnly && <Alert color="blue">{t('oversight.settings.readOnly')}</Alert>}
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="settings-rules-title">
            <Title order={2} size="h4" mb="sm" id="settings-rules-title">
              {t('oversight.settings.rules')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput
                label={t('oversight.settings.years')}
                description={t('oversight.settings.years.description')}
                value={Number.isNaN(draft.yearsThreshold) ? '' : draft.yearsThreshold}
                onChange={(v) => set('yearsThreshold', num(v))}
                min={0}
                max={50}
                allowDecimal={false}
                error={problems.yearsThreshold}
              />
              <NumberInput
                label={t('oversight.settings.k')}
                description={t('oversight.settings.k.description')}
                value={Number.isNaN(draft.reviewersPerApplication) ? '' : draft.reviewersPerApplication}
                onChange={(v) => set('reviewersPerApplication', num(v))}
                min={1}
                max={10}
                allowDecimal={false}
                error={problems.reviewersPerApplication}
              />
            </SimpleGrid>
            <Switch
              mt="md"
              label={t('oversight.settings.sameCountry')}
              description={t('oversight.settings.sameCountry.description')}
              checked={draft.sameCountryConflict}
              onChange={(e) => set('sameCountryConflict', e.currentTarget.checked)}
            />
          </Paper>
          <RubricEditor rubric={draft.rubric} onChange={(rubric) => set('rubric', rubric)} problems={problems} readOnly={readOnly} />
          {!readOnly && (
            <Group justify="flex-end" gap="sm">
              {dirty && (
                <Text size="sm" c="dimmed" aria-live="polite">
                  {t('oversight.settings.unsaved')}
                </Text>
              )}
              <Button variant="default" disabled={!dirty} onClick={() => { setTried(false); setDraft(toDraft(saved)); }}>
                {t('oversight.settings.discard')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                {t('oversight.settings.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
