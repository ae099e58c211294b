import { Button, Group, Modal, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { dismissOnNavigation } from '../lib/notify';
import { hashToRoute, routeToHash, sameRoute, type Route } from './routes';

interface NavigationValue {
  route: Route;
  /** Goes to a screen; `replace` swaps the history entry (e.g. after saving a form). */
  navigate(route: Route, options?: { replace?: boolean; force?: boolean }): void;
  /** A screen with unsaved work registers a check; leaving then asks first. Returns the unregister. */
  setBlocker(isBlocked: (() => boolean) | null): void;
}

const NavigationContext = createContext<NavigationValue | null>(null);

export function NavigationProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [route, setRoute] = useState<Route>(() => hashToRoute(window.location.hash));
  const [pending, setPending] = useState<{ route: Route; replace: boolean } | null>(null);
  const blocker = useRef<(() => boolean) | null>(null);
  const current = useRef(route);
  current.current = route;

  const go = useCallback((next: Route, replace: boolean) => {
    const hash = routeToHash(next);
    if (replace) window.history.replaceState({ hash }, '', hash);
    else window.history.pushState({ hash }, '', hash);
    dismissOnNavigation();
    setRoute(next);
    window.scrollTo?.({ top: 0 });
  }, []);

  const navigate = useCallback<NavigationValue['navigate']>(
    (next, options) => {
      if (sameRoute(next, current.current)) return;
      if (!options?.force && blocker.current?.()) {
        setPending({ route: next, replace: options?.replace ?? false });
        return;
      }
      go(next, options?.replace ?? false);
    },
    [go],
  );

  useEffect(() => {
    // Start from a fragment the app understands, without adding a history entry.
    window.history.replaceState({ hash: routeToHash(current.current) }, '', routeToHash(current.current));
    const onPop = () => {
      const next = hashToRoute(window.location.hash);
      if (blocker.current?.()) {
        // Undo the browser's move until the curator decides.
        window.history.pushState({ hash: routeToHash(current.current) }, '', routeToHash(current.current));
        setPending({ route: next, replace: false });
        return;
      }
      dismissOnNavigation();
      setRoute(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const setBlocker = useCallback((isBlocked: (() => boolean) | null) => {
    blocker.current = isBlocked;
  }, []);

  const value = useMemo(() => ({ route, navigate, setBlocker }), [route, navigate, setBlocker]);
  return (
    <NavigationContext.Provider value={value}>
      {children}
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('form.unsaved.title')} closeButtonProps={{ 'aria-label': t('common.close') }} centered>
        <Text mb="lg">{t('form.unsaved.body')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setPending(null)}>
            {t('form.unsaved.stay')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              const target = pending;
              setPending(null);
              if (target) go(target.route, target.replace);
            }}
          >
            {t('form.unsaved.leave')}
          </Button>
        </Group>
      </Modal>
    </NavigationContext.Provider>
  );
}

export function useNavigation(): NavigationValue {
  const value = useContext(NavigationContext);
  if (!value) throw new Error('useNavigation must be used inside <NavigationProvider>.');
  return value;
}

/** While `blocked` is true, leaving the current screen asks for confirmation. */
export function useLeaveGuard(blocked: boolean): void {
  const { setBlocker } = useNavigation();
  const latest = useRef(blocked);
  latest.current = blocked;
  useEffect(() => {
    setBlocker(() => latest.current);
    return () => setBlocker(null);
  }, [setBlocker]);
}
