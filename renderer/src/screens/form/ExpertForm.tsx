import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useRef } from 'react';
import type { Input } from '../../../../shared/contract';
import { displayName, type Expert, type PortfolioFields } from '../../../../shared/model/expert';
import { useApi, useInvalidate } from '../../api/ApiProvider';
import { ApiError, callOrThrow, queryKey } from '../../api/queries';
import { useI18n } from '../../i18n';
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

/** What the form holds: the record's fields and, on create, the portfolio items typed with it. */
type ExpertFormValues = FormValues & { portfolio: PortfolioFields[] };

const pick = <K extends keyof FormValues>(values: FormValues, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, values[k]])) as Pick<FormValues, K>;

const rootOf = (path: string) => path.split('.')[0]!;
/** The errors without those of `root` (`languages` also drops `languages.0.code`), plus `next`. */
const replaceRoot = (errors: FieldErrors, root: string, next: FieldErrors): FieldErrors => ({
  ...Object.fromEntries(Object.entries(errors).filter(([k]) => rootOf(k) !== root)),
  ...Object.fromEntries(Object.entries(next).filter(([k]) => rootOf(k) === root)),
});

/**
 * Create and edit share this form (@mantine/form holds the values and the messages). Messages
 * come from the shared zod schemas as the curator works (once a field has been left, or after
 * the first save attempt) and from the core's `error.issues` when it refuses; changing a field
 * replaces the core's complaint about it. An edit sends only the fields that changed.
 */
export function ExpertForm({ initial, expert, onReloadExpert }: { initial: FormValues; expert?: Expert; onReloadExpert?(): void }) {
  const api = useApi();
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const { locale, t } = useI18n();
  const notify = useNotify();
  const { navigate } = useNavigation();
  const editing = expert !== undefined;
  const saved = useRef(false);
  /** Fields the curator has left, and whether a save was tried: where schema messages show. */
  const left = useRef(new Set<string>());
  const submitted = useRef(false);
  const check = useRef((values: ExpertFormValues) => validate(values, values.portfolio, t, locale));
  check.current = (values) => validate(values, values.portfolio, t, locale);

  const form = useForm<ExpertFormValues>({
    mode: 'controlled',
    initialValues: { ...initial, portfolio: [] },
    // Messages are managed below (refresh), so a change re-checks instead of just clearing.
    clearInputErrorOnChange: false,
    validate: (values) => check.current(values).errors,
    onValuesChange: (values, previous) => {
      for (const key of Object.keys(values) as (keyof ExpertFormValues)[]) {
        if (values[key] !== previous[key]) refresh(key, values);
      }
    },
  });
  const formRef = useRef(form);
  formRef.current = form;

  /** Re-checks one field after it changed or was left: its shown message follows its value. */
  const refresh = (root: string, values: ExpertFormValues = formRef.current.getValues()) => {
    const shown = submitted.current || left.current.has(root);
    const next = shown ? check.current(values).errors : {};
    formRef.current.setErrors((errors) => replaceRoot(errors as FieldErrors, root, next));
  };
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  // Stable for the memoised sections, which ignore callbacks when comparing props.
  const set = useCallback<SetField>((name, value) => formRef.current.setFieldValue(name, value as never), []);
  const touch = useCallback((name: string) => {
    left.current.add(name);
    refreshRef.current(name);
  }, []);
  const setDrafts = useCallback(
    (update: (d: PortfolioFields[]) => PortfolioFields[]) => formRef.current.setFieldValue('portfolio', update(formRef.current.getValues().portfolio)),
    [],
  );

  useLeaveGuard(form.isDirty() && !saved.current);

  const onSaved = (record: Expert) => {
    saved.current = true;
    // The record page opens on what the core just returned; lists refresh by entity.
    client.setQueryData(queryKey('experts.get', { id: record.id }), record);
    invalidate(['expert', 'portfolio']);
  };
  const create = useMutation({ mutationFn: (input: Input<'experts.create'>) => callOrThrow(api, 'experts.create', input), onSuccess: onSaved });
  const update = useMutation({ mutationFn: (input: Input<'experts.update'>) => callOrThrow(api, 'experts.update', input), onSuccess: onSaved });

  const focusFirstError = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-expert-form] [aria-invalid="true"]')?.focus());

  const refused = (error: unknown, wrapper: string) => {
    if (!(error instanceof ApiError)) throw error;
    notify.failure(error.error);
    form.setErrors(serverErrors(error.error.issues, t, [wrapper]));
    focusFirstError();
  };

  const save = async (values: ExpertFormValues) => {
    const validation = check.current(values);
    if (!validation.ok) return;
    const name = displayName(validation.fields);
    if (editing) {
      const patch = changedFields(initial, validation.fields);
      if (Object.keys(patch).length === 0) {
        saved.current = true;
        notify.success(t('form.noChanges'));
        navigate({ screen: 'expert', id: expert.id }, { force: true });
        return;
      }
      try {
        await update.mutateAsync({ id: expert.id, patch });
      } catch (error) {
        return refused(error, 'patch');
      }
      notify.success(t('form.saved', { name }));
      navigate({ screen: 'expert', id: expert.id }, { replace: true, force: true });
      return;
    }
    let created: Expert;
    try {
      created = await create.mutateAsync({ expert: validation.fields, portfolio: validation.portfolio });
    } catch (error) {
      return refused(error, 'expert');
    }
    notify.success(t('form.created', { name }));
    navigate({ screen: 'expert', id: created.id }, { replace: true, force: true });
  };

  const values = form.getValues();
  const errors = form.errors as FieldErrors;
  const baselineName = useMemo(() => displayName(initial), [initial]);
  const headingId = useId();
  return (
    <form
      noValidate
      data-expert-form
      aria-labelledby={headingId}
      onSubmit={(event) => {
        submitted.current = true;
        form.onSubmit(
          (v) => void save(v),
          () => {
            notify.problem(t('form.invalid'), t('form.invalid.body'));
            focusFirstError();
          },
        )(event);
      }}
    >
      <Stack gap="md" maw={960}>
        <Title order={1} size="h2" id={headingId}>
          {editing ? t('form.editTitle', { name: baselineName }) : t('form.newTitle')}
        </Title>
        <IdentitySection set={set} touch={touch} values={pick(values, identityFields)} errors={errorsFor(errors, identityFields)} autoFocus={!editing} />
        <WorkSection set={set} touch={touch} values={pick(values, workFields)} errors={errorsFor(errors, workFields)} />
        <SkillsSection set={set} touch={touch} values={pick(values, skillsFields)} errors={errorsFor(errors, skillsFields)} />
        <CareerSection set={set} touch={touch} values={pick(values, careerFields)} errors={errorsFor(errors, careerFields)} />
        <PhotoSection set={set} touch={touch} values={pick(values, ['photo'])} errors={errorsFor(errors, ['photo'])} name={displayName(values)} />
        <VisibilitySection set={set} touch={touch} values={pick(values, ['visibility'])} errors={{}} />
        <PortfolioSection expert={expert} drafts={values.portfolio} setDrafts={setDrafts} errors={errorsFor(errors, ['portfolio'])} touch={touch} onReloadExpert={onReloadExpert} />

        <Paper withBorder radius="md" p="sm" pos="sticky" bottom={8} style={{ zIndex: 5 }} shadow="sm">
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(editing ? { screen: 'expert', id: expert.id } : { screen: 'directory' })}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {editing ? t('form.save') : t('form.create')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
