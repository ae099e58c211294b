import { MantineThemeProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo, type ReactNode } from 'react';
import { useT } from './i18n';
import notificationClasses from './Notifications.module.css';

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
      <Notifications position="top-right" limit={4} classNames={{ root: notificationClasses.root }} />
      {children}
    </MantineThemeProvider>
  );
}
