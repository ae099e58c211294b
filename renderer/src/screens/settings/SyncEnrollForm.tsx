import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { AppErrorShape, SyncStatus } from '../../../../shared/contract';
import { enrollmentCodeSchema } from '../../../../shared/sync/protocol';
import { useApi } from '../../api/ApiProvider';
import { ApiError, callOrThrow } from '../../api/queries';
import { useI18n } from '../../i18n';
import { serverErrors } from '../../lib/issues';
import { useNotify } from '../../lib/notify';
import { checkServerUrl } from '../../sync/serverUrl';

interface Values {
  serverUrl: string;
  code: string;
}

/**
 * Server address and one-time enrollment code, entered once; "Connect" enrolls this device
 * (sync.enroll). Both are checked here as the core will check them, so a typo is caught at
 * the field; what only the server can judge (a used code, a revoked account, no network)
 * comes back as a sentence under the form, or under the field it concerns.
 */
export function SyncEnrollForm({ initialUrl, onEnrolled }: { initialUrl: string; onEnrolled(status: SyncStatus): void }) {
  const api = useApi();
  const { t } = useI18n();
  const notify = useNotify();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { serverUrl: initialUrl, code: '' },
    validate: {
      serverUrl: (value) => {
        const checked = checkServerUrl(value);
        return checked.ok ? null : t(checked.message);
      },
      code: (value) => (enrollmentCodeSchema.safeParse(value).success ? null : t('sync.validation.code')),
    },
  });

  const enroll = useMutation({
    mutationFn: (values: Values) => {
      const url = checkServerUrl(values.serverUrl);
      return callOrThrow(api, 'sync.enroll', { serverUrl: url.ok ? url.url : values.serverUrl.trim(), code: values.code });
    },
  });

  const submit = async (values: Values) => {
    enroll.reset();
    let status: SyncStatus;
    try {
      status = await enroll.mutateAsync(values);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = fieldErrors(error.error, notify.describe, t);
      if (Object.keys(fields).length) form.setErrors(fields);
      return;
    }
    form.reset();
    onEnrolled(status);
    notify.success(t('sync.connected', { name: status.user?.name ?? '' }));
  };

  // An error that belongs to neither field (no network, a server error) is shown under the form.
  const failure = enroll.error instanceof ApiError && Object.keys(fieldErrors(enroll.error.error, notify.describe, t)).length === 0 ? enroll.error.error : null;
  // Connecting is not syncing: the sync-run sentence for OFFLINE ("the app tries again") does not fit here.
  const failureText = failure ? (failure.code === 'OFFLINE' ? t('sync.enroll.offline') : notify.describe(failure)) : null;

  // A check that failed takes the focus to its field, so a keyboard or screen-reader user lands on the message.
  const focusFirstError = (errors: Record<string, unknown>) => {
    enroll.reset();
    const first = (['serverUrl', 'code'] as const).find((k) => errors[k]);
    if (first) form.getInputNode(first)?.focus();
  };

  return (
    <form noValidate onSubmit={form.onSubmit((values) => void submit(values), focusFirstError)} data-testid="sync-enroll-form">
      <Stack gap="sm" maw={480}>
        <TextInput
          label={t('sync.field.serverUrl')}
          description={t('sync.field.serverUrl.description')}
          placeholder="https://"
          type="url"
          autoComplete="url"
          spellCheck={false}
          {...form.getInputProps('serverUrl')}
        />
        <TextInput
          label={t('sync.field.code')}
          description={t('sync.field.code.description')}
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
          {...form.getInputProps('code')}
          onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())}
        />
        {failure && (
          <Alert color="red" title={t('common.errorTitle')} role="alert">
            {failureText}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={enroll.isPending}>
            {t('sync.connect')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** The field a refusal concerns: the address (INSECURE_URL, or a field issue), or the code (ENROLLMENT_INVALID). */
function fieldErrors(error: AppErrorShape, describe: (e: AppErrorShape) => string, t: Parameters<typeof serverErrors>[1]): Record<string, string> {
  if (error.code === 'INSECURE_URL') return { serverUrl: describe(error) };
  if (error.code === 'ENROLLMENT_INVALID') return { code: describe(error) };
  if (error.code === 'INVALID_INPUT') {
    const mapped = serverErrors(error.issues, t, []);
    return Object.fromEntries(Object.entries(mapped).filter(([k]) => k === 'serverUrl' || k === 'code'));
  }
  return {};
}
