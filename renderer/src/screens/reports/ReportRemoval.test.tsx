// @vitest-environment jsdom
import '../../test/setup-dom';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp, setupUser } from '../../test/renderApp';
import { forgetReportCriteria } from './ReportsScreen';
import { actAsReviewer, bruneiCase, call, reportsCore, thaiCase, vietStory } from './testing';

beforeEach(forgetReportCriteria);

const rowTitles = () => screen.queryAllByTestId('report-row').map((r) => r.querySelector('p')?.textContent);
const removedTitles = () => screen.queryAllByTestId('removed-row').map((r) => r.querySelector('p')?.textContent);

// Waiting for the core's answer on a loaded machine: a limit for a hang, not a speed goal.
configure({ asyncUtilTimeout: 10_000 });

describe('Removing and restoring a case study or story', () => {
  it('removes from the editor after a confirmation naming it, goes back to the list without it, and Undo brings it back', async () => {
    const user = setupUser();
    const { bridge, ids } = await reportsCore([bruneiCase, vietStory]);
    renderApp({ bridge, hash: `#/reports/${ids[0]}` });
    await user.click(await screen.findByRole('button', { name: 'Remove…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove “Merit recruitment in district offices”?' });
    // Cancel keeps it.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await call(bridge, 'reports.get', { id: ids[0]! })).removed).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Remove…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(window.location.hash).toBe('#/reports'));
    await waitFor(() => expect(rowTitles()).toEqual(['A clerk’s first digital payroll']));
    expect((await call(bridge, 'reports.get', { id: ids[0]! })).removed).toBe(true);

    const toast = (await screen.findByText('“Merit recruitment in district offices” was removed.')).closest('.mantine-Notification-root') as HTMLElement;
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowTitles()).toHaveLength(2));
    expect(rowTitles()).toContain('Merit recruitment in district offices');
    expect(await screen.findByText('“Merit recruitment in district offices” was restored and is back in the list.')).toBeTruthy();
    expect((await call(bridge, 'reports.get', { id: ids[0]! })).removed).toBe(false);
  });

  it('lists the removed ones with "Show removed", each restored with its own button', async () => {
    const user = setupUser();
    const { bridge, ids } = await reportsCore([bruneiCase, vietStory, thaiCase]);
    await call(bridge, 'reports.remove', { id: ids[1]! });
    await call(bridge, 'reports.remove', { id: ids[2]! });
    renderApp({ bridge, hash: '#/reports' });
    await waitFor(() => expect(rowTitles()).toEqual(['Merit recruitment in district offices']));

    await user.click(screen.getByRole('switch', { name: 'Show removed' }));
    await waitFor(() => expect(removedTitles().sort()).toEqual(['A clerk’s first digital payroll', 'Open data for civil service statistics']));
    await user.click(screen.getByRole('button', { name: 'Restore A clerk’s first digital payroll' }));
    await waitFor(() => expect(removedTitles()).toEqual(['Open data for civil service statistics']));
    expect((await call(bridge, 'reports.get', { id: ids[1]! })).removed).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Restore Open data for civil service statistics' }));
    expect(await screen.findByTestId('no-removed-reports')).toBeTruthy();
    expect(screen.getByText('No removed case studies or stories')).toBeTruthy();

    await user.click(screen.getByRole('switch', { name: 'Show removed' }));
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
  });

  it('shows a removed record opened by its address as removed and read-only, with Restore', async () => {
    const user = setupUser();
    const { bridge, ids } = await reportsCore([bruneiCase]);
    await call(bridge, 'reports.remove', { id: ids[0]! });
    renderApp({ bridge, hash: `#/reports/${ids[0]}` });
    const notice = await screen.findByTestId('report-removed');
    expect(notice.textContent).toContain('This case study was removed');
    expect((screen.getByRole('textbox', { name: 'Context' }) as HTMLTextAreaElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Remove…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Back to draft' })).toBeNull();

    await user.click(within(notice).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.queryByTestId('report-removed')).toBeNull());
    expect((screen.getByRole('textbox', { name: 'Context' }) as HTMLTextAreaElement).readOnly).toBe(false);
    expect(screen.getByRole('button', { name: 'Remove…' })).toBeTruthy();
  });

  it('keeps the comments of a removed record readable but offers no way to add, resolve or reopen one until it is restored', async () => {
    const user = setupUser();
    const { bridge, ids } = await reportsCore([bruneiCase]);
    await call(bridge, 'comments.add', { reportId: ids[0]!, section: 's_context', text: 'Name the districts.' });
    await call(bridge, 'comments.add', { reportId: ids[0]!, section: null, text: 'Ready once the figures are in.' });
    await call(bridge, 'reports.remove', { id: ids[0]! });
    renderApp({ bridge, hash: `#/reports/${ids[0]}` });
    await screen.findByTestId('report-removed');
    // The comments are still there to read.
    await waitFor(() => expect(screen.getAllByTestId('report-comment').map((c) => c.textContent)).toEqual([expect.stringContaining('Name the districts.'), expect.stringContaining('Ready once the figures are in.')]));
    // Nothing offers to change them: the core would refuse ("Restore it first").
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Post comment' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Add a comment' })).toBeNull();
    // A section without comments has no "Comment" button; one with comments still shows them.
    expect(screen.queryByRole('button', { name: 'Comments on Problem' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Comments on Context' })).toBeTruthy();

    await user.click(within(screen.getByTestId('report-removed')).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Resolve' })).toHaveLength(2));
    expect(screen.getByRole('button', { name: 'Comments on Problem' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Add a comment' })).toBeTruthy();
  });

  it('offers neither Remove nor Restore to a reviewer, in Indonesian too', async () => {
    const { bridge, ids } = await reportsCore([bruneiCase, vietStory]);
    await call(bridge, 'reports.remove', { id: ids[1]! });
    await actAsReviewer(bridge);
    renderApp({ bridge, hash: `#/reports/${ids[0]}`, locale: 'id' });
    await screen.findByTestId('report-title');
    expect(screen.queryByRole('button', { name: 'Hapus…' })).toBeNull();
    window.location.hash = `#/reports/${ids[1]}`;
    expect((await screen.findByTestId('report-removed')).textContent).toContain('Kisah ini telah dihapus');
    expect(screen.queryByRole('button', { name: 'Pulihkan' })).toBeNull();
  });
});
