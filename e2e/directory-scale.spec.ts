import type { Locator } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';

/**
 * The directory over a few thousand experts, by keyboard only, found by role and label: the
 * list is a listbox whose options carry their position (aria-posinset) in the whole result,
 * so End, PageDown and Home are checked against positions, not against pixels or time.
 */

const EXPERTS = 3000;

test.use({ viewport: { width: 1024, height: 700 } });

/** Position (1-based, in the whole result) of the option the keyboard rests on. */
async function activePosition(list: Locator): Promise<number> {
  const selected = list.getByRole('option', { selected: true });
  await expect(selected).toHaveCount(1);
  return Number(await selected.getAttribute('aria-posinset'));
}

/** Positions of the options wholly inside the list's box: the rows the curator sees. */
async function positionsInView(list: Locator): Promise<number[]> {
  const box = await list.boundingBox();
  if (!box) throw new Error('The result list is not on screen.');
  const positions: number[] = [];
  for (const option of await list.getByRole('option').all()) {
    const row = await option.boundingBox();
    if (row && row.y >= box.y - 0.5 && row.y + row.height <= box.y + box.height + 0.5) {
      positions.push(Number(await option.getAttribute('aria-posinset')));
    }
  }
  return positions.sort((a, b) => a - b);
}

test('End, PageDown and Home move through 3,000 experts by position; a surname finds its people first', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  await app.call('demo.load', { experts: EXPERTS });
  // The last expert in the list's own order, asked of the core rather than assumed.
  const [lastExpert] = (await app.call('experts.search', { query: '', offset: EXPERTS - 1, limit: 1 })).items;
  await page.reload();

  const list = page.getByRole('listbox', { name: 'Search results' });
  const search = page.getByRole('combobox', { name: 'Search experts' });
  await expect(page.getByText(`3,000 experts`, { exact: true })).toBeVisible();
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', String(EXPERTS));
  await expect(page.getByText('1 of 3,000', { exact: true })).toBeVisible();

  await list.focus();
  await expect(list).toBeFocused();

  // End: the last expert, fetched by position without loading the rows between.
  await page.keyboard.press('End');
  const last = list.getByRole('option', { selected: true });
  await expect(last).toHaveAttribute('aria-posinset', String(EXPERTS));
  await expect(last).toContainText(lastExpert!.displayName);
  await expect(last).toBeInViewport();
  await expect(page.getByText('3,000 of 3,000', { exact: true })).toBeVisible();
  await saveScreenshot(page, testInfo, 'directory-scale-end', { fullPage: false });

  // Home: back to the first.
  await page.keyboard.press('Home');
  await expect(list.getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', '1');
  await expect(page.getByText('1 of 3,000', { exact: true })).toBeVisible();

  // PageDown: the active row moves to the last row of the screen, then a whole screen further,
  // and the screen follows it.
  const firstScreen = await positionsInView(list);
  expect(firstScreen[0]).toBe(1);
  const screenful = firstScreen.length;
  expect(screenful).toBeGreaterThan(2);
  await page.keyboard.press('PageDown');
  await expect.poll(() => activePosition(list)).toBe(screenful);
  await page.keyboard.press('PageDown');
  await expect.poll(() => activePosition(list)).toBe(2 * screenful - 1);
  await expect(page.getByText(`${2 * screenful - 1} of 3,000`, { exact: true })).toBeVisible();
  await expect.poll(async () => (await positionsInView(list)).at(-1)).toBe(2 * screenful - 1);
  expect(await positionsInView(list)).not.toContain(1);
  await page.keyboard.press('PageUp');
  await expect.poll(() => activePosition(list)).toBe(screenful);

  // A surname: the people with that whole word in their name come before prefix matches
  // ("tran" also begins "Trang" and "Transformation").
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('tran');
  // The name as one text on the row: "Trần" as a whole word, not "Trang" or "Transformation".
  const wholeWordTran = /^(?:.*\s)?Trần(?:\s.*)?$/;
  const firstOption = list.getByRole('option').first();
  await expect(firstOption).toHaveAttribute('aria-posinset', '1');
  await expect(firstOption.getByText(wholeWordTran)).toBeVisible();
  // The first screen is all Trần, not a mix with "Trang" or agencies.
  for (const option of await list.getByRole('option').all()) {
    if (Number(await option.getAttribute('aria-posinset')) > 3) break;
    await expect(option.getByText(wholeWordTran)).toBeVisible();
  }
  await saveScreenshot(page, testInfo, 'directory-scale-tran', { fullPage: false });

  // Enter opens the first of them.
  const firstName = await firstOption.getByText(wholeWordTran).innerText();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: firstName, exact: true })).toBeVisible();
});
