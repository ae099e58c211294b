import { expect, saveScreenshot, test } from './fixtures';

test('switch to Bahasa Indonesia in Settings and see the whole UI in Indonesian', async ({ page, app, settings, directory }, testInfo) => {
  await app.call('experts.create', { expert: { givenName: 'Siti', familyName: 'Rahmawati', country: 'ID', position: 'Direktur' } });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Experts', level: 1 })).toBeVisible();

  await settings.open('Settings');
  await settings.chooseLanguage('Bahasa Indonesia');
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  // The document's language, which screen readers pronounce by.
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('id');
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Pakar', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Pakar baru' })).toBeVisible();
  await expect(page.getByText('Skema warna')).toBeVisible();
  await expect(settings.about).toContainText('Mode peramban');
  await saveScreenshot(page, testInfo, 'settings-id');

  await directory.open('Pakar');
  await expect(page.getByRole('combobox', { name: 'Cari pakar' })).toBeVisible();
  await expect(directory.resultCount).toHaveText('1 pakar');
  await expect(directory.row('Siti Rahmawati')).toBeVisible();
  await saveScreenshot(page, testInfo, 'directory-id');

  // The choice is kept: a reload stays in Indonesian; switching back works too.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pakar', level: 1 })).toBeVisible();
  await settings.open('Pengaturan');
  await settings.chooseLanguage('English');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});
