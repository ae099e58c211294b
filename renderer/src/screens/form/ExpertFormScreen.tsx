import { Skeleton, Stack } from '@mantine/core';
import { LoadError } from '../../components/LoadError';
import { useState } from 'react';
import { useExpert } from '../expert/useExpert';
import { ExpertForm } from './ExpertForm';
import { fieldsOf, newExpertValues } from './formModel';

export function NewExpertScreen() {
  const [initial] = useState(newExpertValues);
  return <ExpertForm initial={initial} />;
}

export function EditExpertScreen({ id }: { id: string }) {
  const state = useExpert(id);
  // The form starts from the record as first loaded; later reloads (portfolio edits) update
  // the portfolio shown, never the fields being edited.
  const [initial, setInitial] = useState<ReturnType<typeof fieldsOf> | null>(null);
  if (state.status === 'ready' && initial === null) setInitial(fieldsOf(state.expert));

  if (state.expert && initial) return <ExpertForm initial={initial} expert={state.expert} onReloadExpert={state.reload} />;
  if (state.status === 'error') {
    return <LoadError error={state.error} onRetry={state.reload} />;
  }
  return (
    <Stack aria-busy="true" maw={960}>
      <Skeleton height={36} width="40%" />
      <Skeleton height={220} radius="md" />
      <Skeleton height={160} radius="md" />
    </Stack>
  );
}
