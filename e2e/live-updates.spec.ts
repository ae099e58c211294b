import { expect, saveScreenshot, test } from './fixtures';

test('the directory follows changes made elsewhere, over the event stream', async ({ page, app, directory }, testInfo) => {
  await expect(directory.emptyDirectory).toBeVisible();

  // Written straight into the core, as another window or a sync would: no reload, no click.
  const created = await app.call('experts.create', { expert: { givenName: 'Maria', familyName: 'da Costa', country: 'TL' } });
  await directory.expectNames(['Maria da Costa']);
  await expect(directory.row('Maria da Costa')).toContainText('Timor-Leste');

  await app.call('experts.update', { id: created.id, patch: { position: 'Director-General of Public Administration' } });
  await expect(directory.row('Maria da Costa')).toContainText('Director-General of Public Administration');
  await saveScreenshot(page, testInfo, 'live-update');
});
