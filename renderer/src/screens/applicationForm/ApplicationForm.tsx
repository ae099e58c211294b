import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { ApplicationCreate } from '../../../../shared/model/vetting/application';
import { ApiError } from '../../api/queries';
import { errorMessage, useI18n } from '../../i18n';
import { serverErrors, type FieldErrors } from '../../lib/issues';
import type { FormValues } from '../form/formModel';
import { CareerSection, careerFields, errorsFor, IdentitySection, identityFields, SkillsSection, skillsFields, WorkSection, workFields, type SetField } from '../form/formSections';
import classes from './ApplicationForm.module.css';
import type { UploadAttachment } from './AttachmentField';
import { DeclarationsSection } from './DeclarationsSection';
import { EvidenceSection, evidenceFields } from './EvidenceSection';
import { newApplicationValues, validateApplication, type ApplicationFormValues, type FormMode } from './model';
import { ApplicantSection, applicantFields, ConsentSection, CvAndConflictsSection, cvFields, RecommendationSection, recommendationFields, type SetValue } from './sections';

const pick = <K extends keyof ApplicationFormValues>(values: ApplicationFormValues, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, values[k]])) as Pick<ApplicationFormValues, K>;
const rootOf = (path: string) => path.split('.')[0]!;

interface ApplicationFormProps {
  mode: FormMode;
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  /** Stores one attached file: applications.putAttachment (curator) or kiosk.putAttachment. */
  upload: UploadAttachment;
  /** Sends the checked fields; throws ApiError when the core refuses them. */
  onSubmit(fields: ApplicationCreate): Promise<void>;
  onCancel?(): void;
  /** Rendered inside the form, told whether it holds unsent changes (the curator's leave guard). */
  guard?: (dirty: boolean) => ReactNode;
}

/**
 * The application form, used by a curator entering an application and by the applicant at the
 * workshop kiosk. The proposed profile reuses the expert form's sections (same fields, same
 * schemas); the rest is the application's own. Messages show once a field was left or a send was
 * tried; a refused send lists what to fix in an alert and moves the focus to the first field.
 */
export function ApplicationForm({ mode, title, intro, submitLabel, upload, onSubmit, onCancel, guard }: ApplicationFormProps) {
  const { locale, t } = useI18n();
  const left = useRef(new Set<string>());
  const submitted = useRef(false);
  const [pending, setPending] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);

  const form = useForm<ApplicationFormValues>({
    mode: 'controlled',
    initialValues: newApplicationValues(),
    clearInputErrorOnChange: false,
    onValuesChange: (values, previous) => {
      for (const key of Object.keys(values) as (keyof ApplicationFormValues)[]) if (values[key] !== previous[key]) refresh(key, values);
    },
  });
  const formRef = useRef(form);
  formRef.current = form;

  /** Re-checks one field after it changed or was left: its message follows its value. */
  const refresh = (root: string, values: ApplicationFormValues = formRef.current.getValues()) => {
    const shown = submitted.current || left.current.has(root);
    const next = shown ? validateApplication(values, mode, t, locale).errors : {};
    formRef.current.setErrors((errors) => ({
      ...Object.fromEntries(Object.entries(errors as FieldErrors).filter(([k]) => rootOf(k) !== root)),
      ...Object.fromEntries(Object.entries(next).filter(([k]) => rootOf(k) === root)),
    }));
  };
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  const set = useCallback<SetValue>((name, value) => formRef.current.setFieldValue(name, value as never), []);
  const touch = useCallback((name: string) => {
    left.current.add(name);
    refreshRef.current(name);
  }, []);

  const focusFirstError = () =>
    requestAnimationFrame(() => {
      const first = document.querySelector<HTMLElement>('[data-application-form] [aria-invalid="true"], [data-application-form] [data-invalid="true"]');
      const target = first && first.matches('input, textarea, button, select') ? first : first?.querySelector<HTMLElement>('input, textarea, button');
      target?.focus();
    });

  const send = async () => {
    submitted.current = true;
    const values = form.getValues();
    const check = validateApplication(values, mode, t, locale);
    form.setErrors(check.errors);
    if (!check.ok) {
      setSummary(t('application.invalid', { count: Object.keys(check.errors).length }));
      focusFirstError();
      return;
    }
    setSummary(null);
    setPending(true);
    try {
      await onSubmit(check.fields);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      form.setErrors(serverErrors(error.error.issues, t, ['fields']));
      setSummary(errorMessage(error.error, locale, t));
      focusFirstError();
    } finally {
      setPending(false);
    }
  };

  const values = form.getValues();
  const errors = form.errors as FieldErrors;
  const part = <K extends keyof ApplicationFormValues>(keys: readonly K[]) => ({ values: pick(values, keys), errors: errorsFor(errors, keys), set, touch, mode });
  const setProfile = set as unknown as SetField;
  const profile = <K extends keyof FormValues & keyof ApplicationFormValues>(keys: readonly K[]) => ({
    values: pick(values, keys) as unknown as Pick<FormValues, K>,
    errors: errorsFor(errors, keys),
    set: setProfile,
    touch,
  });
  return (
    <form
      noValidate
      className={classes.form}
      data-application-form
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {guard?.(form.isDirty())}
      <Stack gap="md" maw={960}>
        {/* Focusable by script: the kiosk puts the focus here for each new applicant. */}
        <Title order={1} size="h2" tabIndex={-1} data-form-title>
          {title}
        </Title>
        {intro}
        <IdentitySection {...profile(identityFields)} autoFocus={mode === 'curator'} />
        <ApplicantSection {...part(applicantFields)} />
        <WorkSection {...profile(workFields)} />
        <CareerSection {...profile(careerFields)} />
        <SkillsSection {...profile(skillsFields)} />
        <RecommendationSection {...part(recommendationFields)} upload={upload} />
        <CvAndConflictsSection {...part(cvFields)} upload={upload} />
        <EvidenceSection {...part(evidenceFields)} upload={upload} />
        <ConsentSection {...part(['consentSections'])} />
        <DeclarationsSection {...part(['declarations'])} />

        <Paper withBorder radius="md" p="sm" pos="sticky" bottom={8} style={{ zIndex: 5 }} shadow="sm">
          <Stack gap="xs">
            {summary && (
              <Alert color="red" role="alert" data-testid="form-summary">
                {summary}
              </Alert>
            )}
            <Group justify="flex-end">
              {onCancel && (
                <Button variant="default" onClick={onCancel}>
                  {t('common.cancel')}
                </Button>
              )}
              <Button type="submit" loading={pending}>
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}
