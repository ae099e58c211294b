import { Button, Group } from '@mantine/core';
import { notifications, notificationsStore, type NotificationData } from '@mantine/notifications';
import { useCallback, useId, useMemo } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import { errorMessage, useI18n } from '../i18n';

/**
 * Toasts, with three rules a curator asked for:
 * - One toast per source: every component that calls useNotify() is one source (a form, a
 *   dialog, the demo loader), and its newest toast takes the place of its earlier one. So a
 *   success replaces the error the same form showed a moment ago, and a second error from
 *   the same form replaces the first instead of piling up.
 * - Identical toasts do not stack: a toast with the same colour, title and text as one on
 *   screen (from any source) is not shown twice.
 * - Toasts belong to the screen they were shown on: navigating hides them
 *   (dismissOnNavigation). A toast shown in the same turn as the navigation (a form that
 *   saves, says so, and moves to the saved record) is about the screen it leads to and stays.
 */

type Shown = NotificationData & { 'data-notify-key': string };

/** Ids shown during the current task; emptied after it (a microtask later). */
const shownThisTurn = new Set<string>();

function present(sourceId: string, data: Omit<NotificationData, 'id'>, key: string): string {
  const { notifications: onScreen, queue } = notificationsStore.getState();
  const all = [...onScreen, ...queue] as Shown[];
  const same = all.find((n) => n['data-notify-key'] === key);
  if (same) {
    // The same words are already there: show nothing new, but this source's older toast
    // (an error the same form showed before) has still been replaced.
    if (same.id !== sourceId && all.some((n) => n.id === sourceId)) notifications.hide(sourceId);
    markShown(same.id!);
    return same.id!;
  }
  // Mantine's update merges into the old toast: a success has no title, so say so outright,
  // or it would keep the replaced error's title ("Some fields need attention … created").
  const shown: Shown = { ...data, title: data.title ?? null, id: sourceId, 'data-notify-key': key };
  if (all.some((n) => n.id === sourceId)) notifications.update(shown);
  else notifications.show(shown);
  markShown(sourceId);
  return sourceId;
}

function markShown(id: string): void {
  if (shownThisTurn.size === 0) queueMicrotask(() => shownThisTurn.clear());
  shownThisTurn.add(id);
}

/** Called by navigation when the screen changes: hides every toast of the screen left behind. */
export function dismissOnNavigation(): void {
  const { notifications: onScreen } = notificationsStore.getState();
  for (const n of onScreen) if (n.id && !shownThisTurn.has(n.id)) notifications.hide(n.id);
  notifications.cleanQueue();
}

/** Success and failure toasts, with errors in the curator's language. */
export function useNotify() {
  const { locale, t } = useI18n();
  const sourceId = `notify-${useId()}`;
  const describe = useCallback((error: AppErrorShape) => errorMessage(error, locale, t), [locale, t]);
  return useMemo(
    () => ({
      describe,
      /** With `undo`, the toast offers to take the action back and stays a little longer. */
      success(message: string, undo?: () => void) {
        const key = `success\u0000${message}`;
        if (!undo) {
          present(sourceId, { message, color: 'teal', withBorder: true, autoClose: 4000 }, key);
          return;
        }
        present(
          sourceId,
          {
            color: 'teal',
            withBorder: true,
            autoClose: 8000,
            message: (
              <Group justify="space-between" wrap="nowrap">
                <span>{message}</span>
                <Button
                  size="compact-sm"
                  // Never squeezed by a long message: the words wrap, the action stays whole.
                  style={{ flexShrink: 0 }}
                  variant="subtle"
                  onClick={() => {
                    notifications.hide(sourceId);
                    undo();
                  }}
                >
                  {t('action.undo')}
                </Button>
              </Group>
            ),
          },
          `${key}\u0000undo`,
        );
      },
      /** A problem the renderer found itself (nothing was sent), already in the curator's language. */
      problem(title: string, message: string) {
        present(sourceId, { title, message, color: 'red', withBorder: true, autoClose: 8000 }, `error\u0000${title}\u0000${message}`);
      },
      failure(error: AppErrorShape, title?: string) {
        const heading = title ?? t('common.errorTitle');
        const message = describe(error);
        present(sourceId, { title: heading, message, color: 'red', withBorder: true, autoClose: 8000 }, `error\u0000${heading}\u0000${message}`);
      },
    }),
    [describe, t, sourceId],
  );
}
