import { MantineThemeProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo, type ReactNode } from 'react';
import { useT } from './i18n';
import { HEADER_HEIGHT } from './shell-size';

/**
 * Names the icon-only buttons Mantine draws itself (the close buttons of every modal,
 * drawer and notification) in the curator's language. It sits inside the I18nProvider and
 * adds to the app's theme, so no screen has to remember a label; the notifications are
 * rendered here so their close buttons get it too.
 */
export function LocalizedDefaults({ children }: { children: ReactNode }) {
  const t = useT();
  const localized = useMemo(
    () =>
      createTheme({
        components: {
          Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
          Drawer: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
          Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('notify.close') } } },
        },
      }),
    [t],
  );
  return (
    <MantineThemeProvider theme={localized} inherit>
      {/*
        Top right, just below the header: at the very top they covered the header's sync status line
        (just when a sync it reports starts); at the bottom they covered the forms' sticky Save bar.
      */}
      <Notifications position="top-right" limit={4} styles={{ root: { top: `calc(${HEADER_HEIGHT}px + var(--mantine-spacing-xs))` } }} />
      {children}
    </MantineThemeProvider>
  );
}
