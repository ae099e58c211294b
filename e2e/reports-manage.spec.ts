import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, saveScreenshot, test, type App } from './fixtures';
import { seedPeople } from './vetting-steps';
import { translate, type Locale } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';

/**
 * Managing case studies and stories in browser mode at 1024 × 700, by role and label only: the
 * ratings imported from an evaluation sheet (the template downloaded, changed and chosen through
 * the file chooser from the keyboard; a sheet naming an unknown characteristic refused with its
 * row and name), and a case study removed from the editor and brought back with Undo, and a
 * removed story listed under "Show removed" and restored. Dialogs are checked by axe and pictured.
 */

const title = 'Merit recruitment in district offices';
const story = 'A clerk’s first digital payroll';

async function seed(app: App) {
  await seedPeople(app, 'Ana Curator');
  await app.call('reports.create', {
    type: 'case_study',
    fields: { title, countries: ['BN'], periodStart: '2023-01', periodEnd: '2024-06', r_people: { rating: 'evident', evidence: 'Officers report faster hiring.', sections: [] } },
  });
  return app.call('reports.create', { type: 'story', fields: { title: story, countries: ['VN'] } });
}

async function openList(page: Page, t: (key: MessageKey) => string) {
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.reports'), exact: true }).click();
  await expect(page.getByRole('heading', { name: t('reports.title'), level: 1 })).toBeVisible();
}

/** Keyboard only: the import is a button that opens the system's file dialog. */
async function chooseSheet(page: Page, button: string, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

test.use({ viewport: { width: 1024, height: 700 }, locale: 'en-GB' });

test('import ratings from the template sheet, see a bad sheet refused, remove the case study and undo it', async ({ page, app }, testInfo) => {
  test.setTimeout(150_000);
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
  await seed(app);
  await page.reload();
  await openList(page, t);
  await page.getByRole('link', { name: new RegExp(`^${title}`) }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: t('reports.tab.evaluation') }).click();
  const matrixRow = (name: RegExp) => page.getByRole('table', { name: t('reportPanels.matrix.caption') }).getByRole('row', { name });
  await expect(matrixRow(/^Engages and benefits the people/)).toContainText('Evident');

  // The template holds the ratings as they are now, one row per criterion of a case study.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: t('reportPanels.import.template') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Merit-recruitment-in-district-offices-ratings.csv');
  const template = readFileSync((await download.path())!, 'utf8');
  const lines = template.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('criterion,rating,evidence,sections');
  expect(lines).toHaveLength(10);
  expect(lines).toContain('Engages and benefits the people,Evident,Officers report faster hiring.,');

  // Filled in and chosen: the preview says what changes; nothing is written until Import.
  const filled = template.replace('\r\nInclusive,,,', '\r\nInclusive,Strong,Women hold half of the new posts.,"results, approach"');
  await chooseSheet(page, t('reportPanels.import.button'), 'evaluation.csv', filled);
  const dialog = page.getByRole('dialog', { name: t('reportPanels.import.title', { name: 'evaluation.csv' }) });
  await expect(dialog.getByRole('table', { name: t('reportPanels.import.changesLabel') })).toContainText('Inclusive');
  await expect(dialog).toContainText(t('reportPanels.import.changes.one', { count: 1 }));
  await expectAccessible(page, testInfo, 'reports-import-preview');
  await saveScreenshot(page, testInfo, 'reports-import-preview', { fullPage: false });
  await expect(matrixRow(/^Inclusive/)).not.toContainText('Strong');
  await dialog.getByRole('button', { name: t('reportPanels.import.confirm.one', { count: 1 }) }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(t('reportPanels.import.done.one', { count: 1, name: 'evaluation.csv' }))).toBeVisible();
  await expect(matrixRow(/^Inclusive/)).toContainText('Strong');
  await expect(page.getByRole('region', { name: t('reportPanels.characteristic.r_inclusive'), exact: true }).getByRole('textbox', { name: t('reportPanels.evaluation.evidence') })).toHaveValue('Women hold half of the new posts.');
  await saveScreenshot(page, testInfo, 'reports-import-done', { fullPage: false });

  // A sheet naming a characteristic that does not exist: the row and the name, what the sheet may hold, nothing written.
  await chooseSheet(page, t('reportPanels.import.button'), 'bad.csv', 'criterion,rating\ninclusive,emerging\nhappiness,strong\n');
  const refused = page.getByRole('dialog', { name: t('reportPanels.import.title', { name: 'bad.csv' }) });
  await expect(refused.getByRole('alert')).toContainText('Row 3 of the sheet names “happiness”');
  await expect(refused.getByRole('list', { name: t('reportPanels.import.acceptedCriteria') })).toContainText('Ease of implementation (ease)');
  await expectAccessible(page, testInfo, 'reports-import-refused');
  await saveScreenshot(page, testInfo, 'reports-import-refused', { fullPage: false });
  await refused.getByRole('button', { name: t('common.cancel') }).click();
  await expect(refused).toBeHidden();
  await expect(matrixRow(/^Inclusive/)).toContainText('Strong');

  // Removed from the editor, after a confirmation that names it; back on the list, Undo brings it back.
  await page.getByRole('button', { name: t('reports.remove.action') }).click();
  const confirm = page.getByRole('dialog', { name: t('reports.remove.title', { title }) });
  await expect(confirm).toContainText(t('reports.remove.body'));
  await expectAccessible(page, testInfo, 'reports-remove-confirm');
  await saveScreenshot(page, testInfo, 'reports-remove-confirm', { fullPage: false });
  await confirm.getByRole('button', { name: t('reports.remove.confirm'), exact: true }).click();
  await expect(page.getByRole('heading', { name: t('reports.title'), level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: t('reports.count.label') })).toHaveText(t('reports.total.one', { count: 1 }));
  await expect(page.getByRole('link', { name: new RegExp(`^${title}`) })).toHaveCount(0);
  const toast = page.getByRole('alert').filter({ hasText: t('reports.remove.done', { title }) });
  await saveScreenshot(page, testInfo, 'reports-removed-toast', { fullPage: false });
  await toast.getByRole('button', { name: t('action.undo') }).click();
  await expect(page.getByRole('link', { name: new RegExp(`^${title}`) })).toBeVisible();
  await expect(page.getByRole('status', { name: t('reports.count.label') })).toHaveText(t('reports.total.other', { count: 2 }));
});

for (const locale of ['en', 'id'] as const satisfies Locale[]) {
  test.describe(`removed (${locale})`, () => {
    test.use({ locale: locale === 'id' ? 'id-ID' : 'en-GB' });
    test(`a removed story: listed under Show removed, opened read-only, restored (${locale})`, async ({ page, app }, testInfo) => {
      test.setTimeout(120_000);
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      const { id } = await seed(app);
      await app.call('reports.remove', { id });
      await page.reload();
      await openList(page, t);
      await expect(page.getByRole('link', { name: new RegExp(`^${story}`) })).toHaveCount(0);

      await page.getByRole('switch', { name: t('reports.remove.show') }).check();
      const removed = page.getByRole('list', { name: t('reports.remove.listLabel') });
      await expect(removed.getByRole('listitem')).toHaveCount(1);
      await expectAccessible(page, testInfo, `reports-removed-list-${locale}`);
      await saveScreenshot(page, testInfo, `reports-removed-list-${locale}`, { fullPage: false });

      // Opened, it says it was removed and is read only until restored.
      await removed.getByRole('link', { name: story }).click();
      await expect(page.getByRole('alert', { name: t('reports.remove.banner.story') })).toBeVisible();
      await expect(page.getByRole('textbox', { name: t('reportPanels.section.s_before') })).toHaveAttribute('readonly', '');
      await expectAccessible(page, testInfo, `reports-removed-editor-${locale}`);
      await saveScreenshot(page, testInfo, `reports-removed-editor-${locale}`, { fullPage: false });
      await page.getByRole('button', { name: t('reports.back') }).click();

      await page.getByRole('button', { name: t('reports.remove.restoreNamed', { title: story }) }).click();
      await expect(page.getByRole('region', { name: t('reports.remove.emptyTitle') })).toBeVisible();
      await page.getByRole('switch', { name: t('reports.remove.show') }).uncheck();
      await expect(page.getByRole('link', { name: new RegExp(`^${story}`) })).toBeVisible();
    });
  });
}
