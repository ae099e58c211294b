import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Output } from '../../../../shared/contract';
import type { Api } from '../../api/client';
import type { Locale } from '../../i18n';

/**
 * Chooses between the curator's app and the workshop kiosk. The core is the authority (while
 * the kiosk is on it answers only the kiosk's methods); this follows it so the window shows the
 * kiosk after a reload or a restart, and switches at once when any call is refused because the
 * kiosk is on (started in another window). A flag in local storage remembers that the kiosk was
 * on, so a reload shows nothing until the core has confirmed which to show: not even the
 * curator's navigation flashes by.
 */

type Status = Output<'kiosk.status'>;
type Phase = { kind: 'checking' } | { kind: 'normal' } | { kind: 'kiosk'; lang: Locale };

const FLAG = 'curator.kiosk';

function remembered(): boolean {
  try {
    return localStorage.getItem(FLAG) === 'on';
  } catch {
    return false;
  }
}
function remember(on: boolean) {
  try {
    if (on) localStorage.setItem(FLAG, 'on');
    else localStorage.removeItem(FLAG);
  } catch {
    // Without storage, a reload simply asks the core first (below).
  }
}

interface KioskControl {
  /** The core started the kiosk: show it now. */
  entered(status: Status): void;
}
const KioskControlContext = createContext<KioskControl | null>(null);

export function useKioskControl(): KioskControl {
  const control = useContext(KioskControlContext);
  if (!control) throw new Error('useKioskControl must be used inside <KioskSwitch>.');
  return control;
}

const lockedByKiosk = (result: Awaited<ReturnType<Api['call']>>) => !result.ok && result.error.code === 'NOT_ALLOWED' && result.error.details?.kiosk === true;

export function KioskSwitch({ api, normal, kiosk }: { api: Api; normal(api: Api): ReactNode; kiosk(lang: Locale, exited: () => void): ReactNode }) {
  const [phase, setPhase] = useState<Phase>(() => (remembered() ? { kind: 'checking' } : { kind: 'normal' }));
  const live = useRef(true);

  const show = useCallback((status: Status) => {
    if (!live.current) return;
    remember(status.active);
    setPhase(status.active ? { kind: 'kiosk', lang: status.lang ?? 'en' } : { kind: 'normal' });
  }, []);

  const check = useCallback(async () => {
    const result = await api.call('kiosk.status', {});
    if (result.ok) show(result.value);
    // The core cannot be reached: show the curator's app, which says so (the core still refuses everything if the kiosk is on).
    else if (live.current) setPhase((p) => (p.kind === 'checking' ? { kind: 'normal' } : p));
  }, [api, show]);

  useEffect(() => {
    live.current = true;
    void check();
    return () => {
      live.current = false;
    };
  }, [check]);

  // The curator's app gets an API that notices a refusal because the kiosk is on.
  const guarded = useMemo<Api>(
    () => ({
      async call(method, input, options) {
        const result = await api.call(method, input, options);
        if (lockedByKiosk(result)) void check();
        return result;
      },
      on: (event, listener) => api.on(event, listener),
    }),
    [api, check],
  );
  const control = useMemo<KioskControl>(() => ({ entered: show }), [show]);
  const exited = useCallback(() => show({ active: false, lang: null, submitted: 0 }), [show]);

  if (phase.kind === 'checking') return null;
  if (phase.kind === 'kiosk') return <>{kiosk(phase.lang, exited)}</>;
  return <KioskControlContext.Provider value={control}>{normal(guarded)}</KioskControlContext.Provider>;
}
