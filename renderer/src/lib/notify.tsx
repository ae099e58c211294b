import { Button, Group } from '@mantine/core';
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
      /** With `undo`, the toast offers to take the action back and stays a little longer. */
      success(message: string, undo?: () => void) {
        if (!undo) {
          notifications.show({ message, color: 'teal', withBorder: true });
          return;
        }
        const id = notifications.show({
          color: 'teal',
          withBorder: true,
          autoClose: 8000,
          message: (
            <Group justify="space-between" wrap="nowrap">
              <span>{message}</span>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => {
                  notifications.hide(id);
                  undo();
                }}
              >
                {t('action.undo')}
              </Button>
            </Group>
          ),
        });
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
