import { expect, test } from './fixtures';

/** Things a curator noticed (issue 5, point 6): dialogs and toasts that behave. */

test('the archive dialog keeps its title and button while it closes', async ({ page, app, directory, expertPage }) => {
  await app.call('experts.create', { expert: { givenName: 'Aung', familyName: 'Kyaw Min', country: 'MM' } });
  await page.reload();
  await directory.openExpert('Aung Kyaw Min');
  await expertPage.expectLoaded('Aung Kyaw Min');

  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Archive Aung Kyaw Min' });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Retired in 2025');
  // Record every title and button text the dialog shows from the click until it is gone.
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { dialogTexts: Set<string> }).dialogTexts = seen;
    const record = () => {
      for (const d of document.querySelectorAll('[role="dialog"]')) {
        for (const el of d.querySelectorAll('h2, button[type="submit"]')) seen.add(el.textContent ?? '');
      }
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(expertPage.status).toHaveText('Archived');
  const texts = await page.evaluate(() => [...(window as unknown as { dialogTexts: Set<string> }).dialogTexts]);
  expect(texts.sort()).toEqual(['Archive', 'Archive Aung Kyaw Min']);
});

test('a toast stays on the screen it belongs to; a saved form says so on the screen it leads to', async ({ page, app, directory, expertPage, form, settings }) => {
  await app.call('experts.create', { expert: { givenName: 'Aung', familyName: 'Kyaw Min', country: 'MM' } });
  await page.reload();
  await directory.openExpert('Aung Kyaw Min');
  await expertPage.archive('Retired in 2025');
  const archived = page.getByRole('alert').filter({ hasText: 'Aung Kyaw Min archived' });
  await expect(archived).toBeVisible();
  await settings.open();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(archived).toBeHidden();

  // The form's first attempt fails (no country); its error gives way to the success, which
  // is shown on the new expert's page.
  await form.openNew();
  await form.givenName.fill('Siti');
  await form.create();
  const problem = page.getByRole('alert').filter({ hasText: /fields? need/i });
  await expect(problem).toBeVisible();
  await form.setCountry('Indonesia');
  await form.create();
  await expertPage.expectLoaded('Siti');
  await expect(page.getByRole('alert').filter({ hasText: 'Siti created' })).toBeVisible();
  await expect(problem).toBeHidden();
});
