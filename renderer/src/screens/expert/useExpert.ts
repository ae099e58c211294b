import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import type { Expert } from '../../../../shared/model/expert';
import { useApi, useApiEvent } from '../../api/ApiProvider';

export type ExpertState =
  | { status: 'loading'; expert: null; error: null }
  | { status: 'ready'; expert: Expert; error: null }
  | { status: 'error'; expert: Expert | null; error: AppErrorShape };

/** One expert record, reloaded when the core says data changed. */
export function useExpert(id: string) {
  const api = useApi();
  const [state, setState] = useState<ExpertState>({ status: 'loading', expert: null, error: null });
  const generation = useRef(0);

  const load = useCallback(() => {
    const gen = ++generation.current;
    void api.call('experts.get', { id }).then((result) => {
      if (gen !== generation.current) return;
      setState((s) =>
        result.ok ? { status: 'ready', expert: result.value, error: null } : { status: 'error', expert: s.expert, error: result.error },
      );
    });
  }, [api, id]);

  useEffect(() => {
    setState({ status: 'loading', expert: null, error: null });
    load();
  }, [load]);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useApiEvent('changed', () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      load();
    }, 150);
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  /** Shows a record the core just returned (after archive, update...) without waiting for a reload. */
  const replace = useCallback((expert: Expert) => {
    generation.current += 1;
    setState({ status: 'ready', expert, error: null });
  }, []);

  return { ...state, reload: load, replace };
}
