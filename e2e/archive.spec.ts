import { expect, saveScreenshot, test } from './fixtures';

test('archive an expert with a reason, then restore them', async ({ page, app, directory, expertPage }, testInfo) => {
  const created = await app.call('experts.create', { expert: { givenName: 'Aung', familyName: 'Kyaw Min', country: 'MM', nameOrder: 'given-family' } });
  await page.reload();
  await directory.openExpert('Aung Kyaw Min');
  await expertPage.expectLoaded('Aung Kyaw Min');
  await expect(expertPage.status).toHaveText('Active');

  // A reason is required: too short is refused in place and nothing changes.
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Archive Aung Kyaw Min' });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('no');
  await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveAccessibleDescription(/Give a reason of at least 3 characters/);
  expect((await app.call('experts.get', { id: created.id })).status).toBe('active');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await expertPage.archive('Retired from the civil service in 2025');
  await expect(expertPage.status).toHaveText('Archived');
  await expect(expertPage.archivedNotice).toContainText('Reason: Retired from the civil service in 2025');
  expect(await app.call('experts.get', { id: created.id })).toMatchObject({ status: 'archived', statusReason: 'Retired from the civil service in 2025' });
  await saveScreenshot(page, testInfo, 'archived');

  // The directory still lists them, marked as archived.
  await expertPage.back();
  await expect(directory.row('Aung Kyaw Min')).toContainText('Archived');
  await directory.openExpert('Aung Kyaw Min');

  await expertPage.restore('Re-appointed as senior adviser');
  await expect(expertPage.status).toHaveText('Active');
  await expect(expertPage.archivedNotice).toBeHidden();
  expect(await app.call('experts.get', { id: created.id })).toMatchObject({ status: 'active', statusReason: 'Re-appointed as senior adviser' });

  // Both steps are in the history of the status, with their reasons.
  await expertPage.openHistory();
  await expect(expertPage.historyEntries('Status')).toHaveCount(3);
  await expect(expertPage.historyOf('Reason for the status')).toContainText('Retired from the civil service in 2025');
  await expect(expertPage.historyOf('Reason for the status')).toContainText('Re-appointed as senior adviser');
  await expertPage.historyOf('Reason for the status').scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'restored-history', { fullPage: false });
});
