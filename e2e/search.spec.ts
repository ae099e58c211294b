import { expect, saveScreenshot, test } from './fixtures';

test('find an expert with a query typed without diacritics', async ({ page, app, directory }, testInfo) => {
  await app.call('experts.create', {
    expert: { givenName: 'Thu Hằng', familyName: 'Nguyễn Thị', nameOrder: 'family-given', country: 'VN', position: 'Deputy Director General', agency: 'Ministry of Home Affairs' },
  });
  await app.call('experts.create', { expert: { givenName: 'Văn Hùng', familyName: 'Trần', nameOrder: 'family-given', country: 'VN' } });
  await app.call('experts.create', { expert: { givenName: 'Hằng', familyName: 'Lê', nameOrder: 'family-given', country: 'VN' } });
  await app.call('experts.create', { expert: { givenName: 'Siti', familyName: 'Rahmawati', country: 'ID' } });
  await page.reload();
  await directory.expectNames(['Nguyễn Thị Thu Hằng', 'Trần Văn Hùng', 'Lê Hằng', 'Siti Rahmawati']);

  // Plain ASCII finds the Vietnamese name, and every word must match: "hang" alone would find two.
  await directory.searchFor('nguyen hang');
  await directory.expectNames(['Nguyễn Thị Thu Hằng']);
  await expect(directory.resultCount).toHaveText('1 expert');
  await saveScreenshot(page, testInfo, 'search-nguyen-hang');

  await directory.searchFor('hang');
  await directory.expectNames(['Nguyễn Thị Thu Hằng', 'Lê Hằng']);

  // Prefixes match as the curator types, and the diacritics may be typed too.
  await directory.searchFor('tr hu');
  await directory.expectNames(['Trần Văn Hùng']);
  await directory.searchFor('Hằng Nguyễn');
  await directory.expectNames(['Nguyễn Thị Thu Hằng']);

  await directory.searchFor('somchai');
  await expect(directory.rows).toHaveCount(0);
  await expect(directory.noResults).toBeVisible();

  // The result opens with the keyboard: `/` focuses search, arrow down selects, Enter opens.
  await directory.searchFor('nguyen hang');
  await directory.expectNames(['Nguyễn Thị Thu Hằng']);
  await directory.search.press('ArrowDown');
  await directory.search.press('Enter');
  await expect(page.getByRole('heading', { name: 'Nguyễn Thị Thu Hằng', level: 1 })).toBeVisible();
});
