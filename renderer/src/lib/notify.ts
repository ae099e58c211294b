import { notifications } from '@mantine/notifications';
import { useCallback, useMemo } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import { errorMessage, useI18n } from '../i18n';

/** Success and failure toasts, with errors in the curator's language. */
export function useNotify() {
  const { locale, t } = useI18n();
  const describe = useCallback((error: AppErrorShape) => errorMessage(error, locale, t), [locale, t]);
  return useMemo(
    () => ({
      describe,
      success(message: string) {
        notifications.show({ message, color: 'teal', withBorder: true });
      },
      /** A problem the renderer found itself (nothing was sent), already in the curator's language. */
      problem(title: string, message: string) {
        notifications.show({ title, message, color: 'red', withBorder: true, autoClose: 8000 });
      },
      failure(error: AppErrorShape, title?: string) {
        notifications.show({ title: title ?? t('common.errorTitle'), message: describe(error), color: 'red', withBorder: true, autoClose: 8000 });
      },
    }),
    [describe, t],
  );
}
