// @vitest-environment jsdom
import '../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications, notificationsStore } from '@mantine/notifications';
import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n';
import { dismissOnNavigation, useNotify } from './notify';

type Notify = ReturnType<typeof useNotify>;

/** Two independent sources of toasts (say, a form and a dialog), as two components. */
function renderSources() {
  const sources: { form?: Notify; dialog?: Notify } = {};
  const Source = ({ name }: { name: 'form' | 'dialog' }) => {
    sources[name] = useNotify();
    return null;
  };
  render(
    <MantineProvider>
      <I18nProvider initial="en">
        <Notifications />
        <Source name="form" />
        <Source name="dialog" />
      </I18nProvider>
    </MantineProvider>,
  );
  return sources as Required<typeof sources>;
}

const onScreen = () => notificationsStore.getState().notifications.map((n) => n.message);
const invalid = { code: 'INVALID_INPUT' as const, message: 'The email is not valid.' };

/** Lets the turn that showed a toast end, as it does between a curator's clicks. */
const nextTurn = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

beforeEach(() => {
  act(() => notifications.clean());
});

describe('notifications', () => {
  it("a success replaces the same form's earlier error, and leaves other sources' toasts alone", async () => {
    const { form, dialog } = renderSources();
    act(() => dialog.success('Portfolio item added'));
    act(() => form.failure(invalid, 'Not saved'));
    expect(onScreen()).toEqual(['Portfolio item added', 'The email is not valid.']);
    act(() => form.success('Changes to Siti saved'));
    expect(onScreen()).toEqual(['Portfolio item added', 'Changes to Siti saved']);
    expect(await screen.findByText('Changes to Siti saved')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('The email is not valid.')).toBeNull());
    // The whole toast is replaced: the error's title does not stay above the success.
    expect(notificationsStore.getState().notifications.map((n) => n.title ?? null)).toEqual([null, null]);
    expect(screen.queryByText('Not saved')).toBeNull();
  });

  it('a repeated error from one form does not stack, nor do identical toasts from two sources', () => {
    const { form, dialog } = renderSources();
    act(() => form.failure(invalid));
    act(() => form.failure(invalid));
    act(() => form.problem('Check the form', 'Two fields need attention.'));
    expect(onScreen()).toEqual(['Two fields need attention.']);
    act(() => dialog.problem('Check the form', 'Two fields need attention.'));
    expect(onScreen()).toEqual(['Two fields need attention.']);
  });

  it('navigation hides the toasts of the screen left behind, but not one shown in the same turn', async () => {
    const { form, dialog } = renderSources();
    act(() => dialog.failure(invalid));
    await nextTurn();
    // A form that saves, says so and moves on in one turn: its toast is about the next screen.
    act(() => {
      form.success('Siti Rahmawati created');
      dismissOnNavigation();
    });
    expect(onScreen()).toEqual(['Siti Rahmawati created']);
    await nextTurn();
    act(() => dismissOnNavigation());
    expect(onScreen()).toEqual([]);
  });
});
