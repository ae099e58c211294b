import { Alert, Button, Skeleton, Stack } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { useExpert } from '../expert/useExpert';
import { ExpertForm } from './ExpertForm';
import { fieldsOf, newExpertValues } from './formModel';

export function NewExpertScreen() {
  const [initial] = useState(newExpertValues);
  return <ExpertForm initial={initial} />;
}

export function EditExpertScreen({ id }: { id: string }) {
  const state = useExpert(id);
  const t = useT();
  const notify = useNotify();
  // The form starts from the record as first loaded; later reloads (portfolio edits) update
  // the portfolio shown, never the fields being edited.
  const [initial, setInitial] = useState<ReturnType<typeof fieldsOf> | null>(null);
  if (state.status === 'ready' && initial === null) setInitial(fieldsOf(state.expert));

  if (state.expert && initial) return <ExpertForm initial={initial} expert={state.expert} onReloadExpert={state.reload} />;
  if (state.status === 'error') {
    return (
      <Stack align="flex-start">
        <Alert color="red" title={t('common.errorTitle')} w="100%">
          {notify.describe(state.error)}
        </Alert>
        <Button onClick={state.reload}>{t('common.retry')}</Button>
      </Stack>
    );
  }
  return (
    <Stack aria-busy="true" maw={960}>
      <Skeleton height={36} width="40%" />
      <Skeleton height={220} radius="md" />
      <Skeleton height={160} radius="md" />
    </Stack>
  );
}
