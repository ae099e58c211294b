import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { displayName, type Expert, type PortfolioFields } from '../../../../shared/model/expert';
import { useApi } from '../../api/ApiProvider';
import { useI18n } from '../../i18n';
import { deepEqual } from '../../lib/equal';
import { serverErrors, type FieldErrors } from '../../lib/issues';
import { useNotify } from '../../lib/notify';
import { useLeaveGuard, useNavigation } from '../../nav/Navigation';
import { changedFields, validate, type FormValues } from './formModel';
import {
  CareerSection,
  careerFields,
  errorsFor,
  IdentitySection,
  identityFields,
  PhotoSection,
  PortfolioSection,
  SkillsSection,
  skillsFields,
  VisibilitySection,
  WorkSection,
  workFields,
  type SetField,
} from './formSections';

const pick = <K extends keyof FormValues>(values: FormValues, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, values[k]])) as Pick<FormValues, K>;

/**
 * Create and edit share this form. Messages come from the shared zod schemas as the curator
 * works (once a field has been left, or after the first save attempt) and from the core's
 * `error.issues` when it refuses. An edit sends only the fields that changed.
 */
export function ExpertForm({ initial, expert, onReloadExpert }: { initial: FormValues; expert?: Expert; onReloadExpert?(): void }) {
  const api = useApi();
  const { t } = useI18n();
  const notify = useNotify();
  const { navigate } = useNavigation();
  const [baseline] = useState(initial);
  const [values, setValues] = useState<FormValues>(initial);
  const [drafts, setDrafts] = useState<PortfolioFields[]>([]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [fromServer, setFromServer] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const saved = useRef(false);
  const editing = expert !== undefined;

  const validation = useMemo(() => validate(values, drafts, t), [values, drafts, t]);
  useLeaveGuard((!deepEqual(values, baseline) || drafts.length > 0) && !saved.current);

  /** What the curator sees: the core's complaints, and the schema's for fields already left. */
  const shown = useMemo(() => {
    const out: FieldErrors = {};
    for (const [key, message] of Object.entries(validation.errors)) {
      if (submitted || touched.has(key.split('.')[0]!)) out[key] = message;
    }
    return { ...out, ...fromServer };
  }, [validation.errors, fromServer, touched, submitted]);

  const set = useCallback<SetField>((name, value) => {
    setValues((v) => ({ ...v, [name]: value }));
    // The core's complaint about a field no longer applies once the curator changes it.
    setFromServer((e) => {
      const kept = Object.entries(e).filter(([k]) => k.split('.')[0] !== name);
      return kept.length === Object.keys(e).length ? e : Object.fromEntries(kept);
    });
  }, []);
  const touch = useCallback((name: string) => setTouched((s) => (s.has(name) ? s : new Set(s).add(name))), []);

  const focusFirstError = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-expert-form] [aria-invalid="true"]')?.focus());

  const refused = (issues: Parameters<typeof serverErrors>[0], wrapper: string) => {
    setFromServer(serverErrors(issues, t, [wrapper]));
    focusFirstError();
  };

  const submit = async () => {
    setSubmitted(true);
    if (!validation.ok) {
      notify.problem(t('form.invalid'), t('form.invalid.body'));
      focusFirstError();
      return;
    }
    const name = displayName(validation.fields);
    if (editing) {
      const patch = changedFields(baseline, validation.fields);
      saved.current = Object.keys(patch).length === 0;
      if (saved.current) {
        notify.success(t('form.noChanges'));
        navigate({ screen: 'expert', id: expert.id }, { force: true });
        return;
      }
      setSaving(true);
      const result = await api.call('experts.update', { id: expert.id, patch });
      setSaving(false);
      if (!result.ok) {
        notify.failure(result.error);
        return refused(result.error.issues, 'patch');
      }
      saved.current = true;
      notify.success(t('form.saved', { name }));
      navigate({ screen: 'expert', id: expert.id }, { replace: true, force: true });
      return;
    }
    setSaving(true);
    const result = await api.call('experts.create', { expert: validation.fields, portfolio: validation.portfolio });
    setSaving(false);
    if (!result.ok) {
      notify.failure(result.error);
      return refused(result.error.issues, 'expert');
    }
    saved.current = true;
    notify.success(t('form.created', { name }));
    navigate({ screen: 'expert', id: result.value.id }, { replace: true, force: true });
  };

  const common = { set, touch };
  return (
    <form
      noValidate
      data-expert-form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md" maw={960}>
        <Title order={1} size="h2">
          {editing ? t('form.editTitle', { name: displayName(baseline) }) : t('form.newTitle')}
        </Title>
        <IdentitySection {...common} values={pick(values, identityFields)} errors={errorsFor(shown, identityFields)} autoFocus={!editing} />
        <WorkSection {...common} values={pick(values, workFields)} errors={errorsFor(shown, workFields)} />
        <SkillsSection {...common} values={pick(values, skillsFields)} errors={errorsFor(shown, skillsFields)} />
        <CareerSection {...common} values={pick(values, careerFields)} errors={errorsFor(shown, careerFields)} />
        <PhotoSection {...common} values={pick(values, ['photo'])} errors={errorsFor(shown, ['photo'])} name={displayName(values)} />
        <VisibilitySection {...common} values={pick(values, ['visibility'])} errors={{}} />
        <PortfolioSection expert={expert} drafts={drafts} setDrafts={setDrafts} errors={errorsFor(shown, ['portfolio'])} touch={touch} onReloadExpert={onReloadExpert} />

        <Paper withBorder radius="md" p="sm" pos="sticky" bottom={8} style={{ zIndex: 5 }} shadow="sm">
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(editing ? { screen: 'expert', id: expert.id } : { screen: 'directory' })}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {editing ? t('form.save') : t('form.create')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
