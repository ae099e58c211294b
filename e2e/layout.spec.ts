import type { Locator } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { translate, type Locale } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';

/**
 * A 1024×700 window (a small laptop, or a projector at a workshop) in both languages: the
 * expert header, the directory rows and the filters stay readable, and no badge is cut.
 * Each test leaves its screenshots in its output folder.
 */

/** True when the element's text is cut (ellipsis or overflow). */
const isCut = (locator: Locator) => locator.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);

for (const locale of ['en', 'id'] as Locale[]) {
  test.describe(`1024×700, ${locale}`, () => {
    test.use({ viewport: { width: 1024, height: 700 }, locale: locale === 'id' ? 'id-ID' : 'en-GB' });

    test(`directory, filters and expert page stay readable (${locale})`, async ({ page, app }, testInfo) => {
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      await app.call('demo.load', { experts: 60, seed: 7 });
      const long = await app.call('experts.create', {
        expert: {
          givenName: 'Maria Cristina Josefina',
          familyName: 'Dela Cruz-Santiago',
          honorific: 'Atty.',
          country: 'PH',
          agency: 'Civil Service Commission of the Philippines, Human Resource Policies and Standards Office',
          position: 'Director IV, Office for Human Resource Management and Development',
          email: 'mcj.delacruz@csc.example.gov.ph',
          expertise: ['digital.ai', 'integrity.conflict-of-interest', 'integrity.codes-of-conduct'],
          visibility: { contact: 'secretariat', career: 'members', expertise: 'public', portfolio: 'members', photo: 'secretariat' },
        },
      });
      await app.call('experts.archive', { id: long.id, reason: 'Retired in 2025' });
      await page.reload();
      await expect(page.getByRole('option').first()).toBeVisible();
      await saveScreenshot(page, testInfo, `directory-${locale}`, { fullPage: false });

      // The row of the long name: archived and its place still visible, its badges whole.
      await page.getByRole('combobox', { name: t('directory.search.label') }).fill('dela cruz santiago');
      const row = page.getByRole('option', { name: /Maria Cristina/ });
      await expect(row).toBeVisible();
      await expect(row.getByText(t('status.archived'))).toBeVisible();
      expect(await isCut(row.getByText(t('status.archived')))).toBe(false);
      await saveScreenshot(page, testInfo, `directory-row-${locale}`, { fullPage: false });

      // Demo experts are marked in the list.
      await page.getByRole('combobox', { name: t('directory.search.label') }).fill('');
      await expect(page.getByRole('option').filter({ hasText: t('demo.badge') }).first()).toBeVisible();

      await page.getByRole('combobox', { name: t('directory.search.label') }).fill('dela cruz santiago');
      await row.click();
      await expect(page.getByRole('heading', { name: 'Maria Cristina Josefina Dela Cruz-Santiago', level: 1 })).toBeVisible();
      await saveScreenshot(page, testInfo, `expert-${locale}`, { fullPage: false });
      // The header's buttons are all on screen, not pushed out by the name.
      for (const name of [t('expert.actions.edit'), t('expert.actions.restore'), t('expert.actions.history')]) {
        const button = page.getByRole('button', { name, exact: true });
        await expect(button).toBeInViewport();
      }
      // Each visibility badge, by the words it shows ("Visible to: …"): the text itself is measured.
      const visibleTo = (['public', 'members', 'secretariat'] as const).map((level) => t('visibility.badge', { level: t(`visibility.${level}`) }));
      const badges = page.getByRole('main').getByText(new RegExp(`^(?:${visibleTo.join('|')})$`));
      await expect(badges.first()).toBeVisible();
      for (const badge of await badges.all()) {
        await badge.scrollIntoViewIfNeeded();
        expect(await isCut(badge), await badge.textContent() ?? '').toBe(false);
      }
      // Expertise terms wrap in the narrow column rather than being cut with "…".
      const terms = { en: ['Artificial intelligence in government', 'Conflict of interest'], id: ['Kecerdasan artifisial di pemerintahan', 'Pengelolaan konflik kepentingan'] }[locale];
      for (const term of terms) {
        const chip = page.getByText(term);
        await chip.scrollIntoViewIfNeeded();
        expect(await isCut(chip), term).toBe(false);
      }
      await saveScreenshot(page, testInfo, `expert-full-${locale}`, { fullPage: true });
    });
  });
}
