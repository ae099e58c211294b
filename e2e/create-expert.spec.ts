import { createHash } from 'node:crypto';
import { makePng } from '../electron/web/testing';
import { expect, saveScreenshot, test } from './fixtures';

test('create an expert with a photo and a portfolio item, then see them in the directory and on their page', async ({ page, app, form, directory, expertPage }, testInfo) => {
  const png = makePng(96, 96, [20, 110, 160]);
  const name = 'Siti Rahmawati';

  await form.openNew();
  await form.givenName.fill('Siti');
  await form.familyName.fill('Rahmawati');
  await form.setCountry('Indonesia');
  await form.agency.fill('Badan Kepegawaian Negara');
  await form.position.fill('Director of Merit System Assessment');
  await form.email.fill('siti.rahmawati@bkn.go.id');
  await form.choosePhoto({ name: 'siti.png', mimeType: 'image/png', buffer: png });
  // The preview shows the stored photo once the core has accepted it.
  await expect(form.photoPreview).toBeVisible();
  await form.addPortfolioItem({ kind: 'Publication', title: 'Merit system reform in Indonesia', year: 2022, link: 'https://example.org/merit' });
  await saveScreenshot(page, testInfo, 'create-form-filled');
  await form.create();

  // The form leads to the new expert's page.
  await expertPage.expectLoaded(name);
  await expect(expertPage.status).toHaveText('Active');
  await expect(expertPage.photo(name)).toBeVisible();
  // A 112-pixel avatar gets the 128-pixel thumbnail, served by hash rather than shipped as JSON.
  expect(await expertPage.photo(name).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(128);
  expect(await expertPage.photo(name).getAttribute('src')).toMatch(/^\/photos\/[\w-]+\/128\/[0-9a-f]{64}\.webp$/);
  await expect(expertPage.portfolioItems).toHaveCount(1);
  await expect(expertPage.portfolioItems.first()).toContainText('Merit system reform in Indonesia');
  await expect(expertPage.portfolioItems.first()).toContainText('2022');
  await saveScreenshot(page, testInfo, 'expert-page');

  // What the core stored: the photo re-encoded as WebP, by the hash of the stored bytes, and the portfolio item.
  const { items } = await app.call('experts.search', { query: 'siti' });
  expect(items).toHaveLength(1);
  const stored = await app.call('experts.get', { id: items[0]!.id });
  expect(stored.photo).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), mime: 'image/webp' });
  expect(stored.photo!.hash).not.toBe(createHash('sha256').update(png).digest('hex'));
  expect(stored.portfolio).toMatchObject([{ kind: 'publication', title: 'Merit system reform in Indonesia', year: 2022, link: 'https://example.org/merit' }]);

  await directory.open();
  await directory.expectNames([name]);
  const row = directory.row(name);
  await expect(row).toContainText('Director of Merit System Assessment');
  await expect(row).toContainText('Indonesia');
  // The row's avatar is the photo, not initials: a decorative image (alt="", the row already
  // says the name), so its role is presentation.
  const avatar = row.getByRole('presentation');
  await expect(avatar).toHaveCount(1);
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  await saveScreenshot(page, testInfo, 'directory');
});
