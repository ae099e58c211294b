import { expectAccessible } from './axe';
import { expect, saveScreenshot, test } from './fixtures';
import { makePng } from '../electron/web/testing';
import { translate, type Locale } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';

/**
 * Every screen, in light and dark, English and Bahasa Indonesia, has no serious or critical
 * axe violation. The colour scheme comes from the browser's preference (the app starts in
 * "auto") and the language from the browser's (the app starts in the system language), so
 * each combination is the app as a curator with that system would first see it.
 */

const combinations: { scheme: 'light' | 'dark'; locale: Locale }[] = [
  { scheme: 'light', locale: 'en' },
  { scheme: 'dark', locale: 'en' },
  { scheme: 'light', locale: 'id' },
  { scheme: 'dark', locale: 'id' },
];

for (const { scheme, locale } of combinations) {
  test.describe(`${scheme}, ${locale}`, () => {
    test.use({ colorScheme: scheme, locale: locale === 'id' ? 'id-ID' : 'en-GB' });

    test(`every screen passes axe (${scheme}, ${locale})`, async ({ page, app }, testInfo) => {
      // A dozen screens, each checked by axe: far longer than one interaction.
      test.setTimeout(180_000);
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      const check = (screen: string) => expectAccessible(page, testInfo, `${screen}-${scheme}-${locale}`);
      const nav = page.getByRole('navigation', { name: t('nav.main') });

      await expect(page.getByRole('heading', { name: t('directory.title'), level: 1 })).toBeVisible();
      await expect(page.getByRole('button', { name: t('demo.load') })).toBeVisible();
      await check('directory-empty');

      const photo = await app.call('attachments.putPhoto', { mime: 'image/png', dataBase64: makePng(64, 64, [40, 120, 90]).toString('base64') });
      const siti = await app.call('experts.create', {
        expert: {
          givenName: 'Siti',
          familyName: 'Rahmawati',
          honorific: 'Dr.',
          country: 'ID',
          agency: 'Badan Kepegawaian Negara',
          position: 'Director of Merit System Assessment',
          email: 'siti@bkn.go.id',
          expertise: ['hrm.recruitment'],
          languages: [{ code: 'id', proficiency: 'native' }],
          photo: { hash: photo.hash, mime: photo.mime },
        },
        portfolio: [{ kind: 'publication', title: 'Merit systems in ASEAN', year: 2021, description: '', link: 'https://example.org/merit' }],
      });
      await app.call('experts.update', { id: siti.id, patch: { position: 'Deputy Director of Merit System Assessment' } });
      const aung = await app.call('experts.create', { expert: { givenName: 'Aung', familyName: 'Kyaw Min', country: 'MM' } });
      await app.call('experts.archive', { id: aung.id, reason: 'Retired in 2025' });
      await page.reload();

      // Directory: rows (one archived), filters, and a query with its clear button.
      await expect(page.getByRole('option', { name: /Siti Rahmawati/ })).toBeVisible();
      await check('directory');
      await saveScreenshot(page, testInfo, `directory-${scheme}-${locale}`, { fullPage: false });
      const search = page.getByRole('combobox', { name: t('directory.search.label') });
      await search.fill('siti');
      await expect(page.getByRole('option')).toHaveCount(1);
      await expect.soft(page.getByRole('button', { name: t('directory.search.clear'), exact: true })).toBeVisible();
      await check('directory-search');
      await search.fill('');

      // Narrow window: the filters open in a drawer.
      await page.setViewportSize({ width: 700, height: 800 });
      await page.getByRole('button', { name: new RegExp(`^${t('facets.title')}`) }).click();
      const filters = page.getByRole('dialog', { name: t('facets.title') });
      await expect(filters).toBeVisible();
      await check('directory-filters-drawer');
      await expect.soft(filters.getByRole('button', { name: t('common.close'), exact: true })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(filters).toBeHidden();
      await page.setViewportSize({ width: 1280, height: 800 });

      // The expert page, its history, its dialogs.
      await page.getByRole('option', { name: /Siti Rahmawati/ }).click();
      await expect(page.getByRole('heading', { name: 'Siti Rahmawati', level: 1 })).toBeVisible();
      await expect(page.getByRole('img', { name: t('expert.photoOf', { name: 'Siti Rahmawati' }) })).toBeVisible();
      await check('expert');
      await saveScreenshot(page, testInfo, `expert-${scheme}-${locale}`, { fullPage: false });

      await page.getByRole('button', { name: t('expert.actions.history') }).click();
      const history = page.getByRole('dialog', { name: t('history.title') });
      await expect(history.getByRole('heading', { name: t('field.position') })).toBeVisible();
      await check('history-drawer');
      await saveScreenshot(page, testInfo, `history-${scheme}-${locale}`, { fullPage: false });
      await expect.soft(history.getByRole('button', { name: t('common.close'), exact: true })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(history).toBeHidden();

      await page.getByRole('button', { name: t('portfolio.add') }).click();
      const portfolio = page.getByRole('dialog', { name: t('portfolio.add') });
      await expect(portfolio).toBeVisible();
      await check('portfolio-modal');
      await portfolio.getByRole('button', { name: t('common.cancel') }).click();
      await expect(portfolio).toBeHidden();

      await page.getByRole('button', { name: t('expert.actions.archive'), exact: true }).click();
      const archive = page.getByRole('dialog', { name: t('archive.title', { name: 'Siti Rahmawati' }) });
      await expect(archive).toBeVisible();
      await archive.getByRole('button', { name: t('expert.actions.archive'), exact: true }).click();
      await expect(archive.getByRole('textbox', { name: t('reason.label') })).toHaveAttribute('aria-invalid', 'true');
      await check('archive-dialog');
      await archive.getByRole('textbox', { name: t('reason.label') }).fill('Duplicate record');
      await archive.getByRole('button', { name: t('expert.actions.archive'), exact: true }).click();
      await expect(archive).toBeHidden();

      // The success notification, with its Undo and close buttons.
      const toast = page.getByRole('alert').filter({ hasText: t('archive.done', { name: 'Siti Rahmawati' }) });
      await expect(toast).toBeVisible();
      await expect.soft(toast.getByRole('button', { name: t('notify.close'), exact: true })).toBeVisible();
      await check('notification');

      await page.getByRole('button', { name: t('expert.actions.restore'), exact: true }).click();
      const restore = page.getByRole('dialog', { name: t('restore.title', { name: 'Siti Rahmawati' }) });
      await expect(restore).toBeVisible();
      await check('restore-dialog');
      await restore.getByRole('button', { name: t('common.cancel') }).click();
      await expect(restore).toBeHidden();

      await page.getByRole('button', { name: t('expert.actions.edit'), exact: true }).click();
      await expect(page.getByRole('heading', { name: t('form.editTitle', { name: 'Siti Rahmawati' }), level: 1 })).toBeVisible();
      await check('edit-form');

      await nav.getByRole('link', { name: t('nav.newExpert'), exact: true }).click();
      await expect(page.getByRole('heading', { name: t('form.newTitle'), level: 1 })).toBeVisible();
      // Submitting the empty form shows every field's problem.
      await page.getByRole('button', { name: t('form.create') }).click();
      await expect(page.getByRole('textbox', { name: t('field.givenName'), exact: true })).toHaveAttribute('aria-invalid', 'true');
      await check('new-form-with-errors');

      await nav.getByRole('link', { name: t('nav.settings'), exact: true }).click();
      await expect(page.getByRole('heading', { name: t('settings.title'), level: 1 })).toBeVisible();
      await expect(page.getByRole('table')).toBeVisible();
      await check('settings');
    });
  });
}
