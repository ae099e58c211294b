import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, saveScreenshot, test } from './fixtures';
import { translate, type Locale } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';

/**
 * Vetting oversight in a 1024×700 window, in both languages, against the real core: the
 * curator creates their profile at first start (by keyboard), adds a reviewer, changes a
 * vetting setting, opens the dashboard and finds the conflict inbox empty. Every screen is
 * checked with axe; the screenshots stay in the test's output folder.
 */

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

for (const locale of ['en', 'id'] as Locale[]) {
  test.describe(`vetting oversight, 1024×700, ${locale}`, () => {
    test.use({ viewport: { width: 1024, height: 700 }, locale: locale === 'id' ? 'id-ID' : 'en-GB' });

    test(`first-start profile, a reviewer, a setting, the dashboard and an empty conflict inbox (${locale})`, async ({ page, app }, testInfo) => {
      // Five screens, each checked with axe: longer than the default 30 s on a shared 2-core machine.
      test.setTimeout(120_000);
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      if (locale === 'id') {
        await page.evaluate(() => localStorage.setItem('curator.locale', 'id'));
        await page.reload();
      }
      // The directory works without a profile.
      await expect(page.getByRole('heading', { name: t('directory.title'), level: 1 })).toBeVisible();

      // First start: a vetting screen asks who the curator is.
      await nav(page, t('nav.vettingDashboard')).click();
      const chooser = page.getByRole('region', { name: t('oversight.profile.chooseTitle') });
      await expect(chooser.getByRole('heading', { name: t('oversight.profile.chooseTitle') })).toBeVisible();
      await expectAccessible(page, testInfo, `profile-chooser-${locale}`);
      await saveScreenshot(page, testInfo, `profile-chooser-${locale}`, { fullPage: false });
      // By keyboard: type the name, move on, Enter submits.
      await chooser.getByLabel(t('oversight.user.name')).focus();
      await page.keyboard.type('Dewi Lestari');
      await page.keyboard.press('Tab');
      await page.keyboard.type('dewi@accsm.example.org');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('region', { name: t('oversight.dashboard.empty') })).toBeVisible();
      await expect(page.getByText(t('oversight.dashboard.empty'))).toBeVisible();
      const profile = await app.call('profile.get', {});
      expect(profile).toMatchObject({ source: 'local', user: { name: 'Dewi Lestari', email: 'dewi@accsm.example.org', role: 'curator' } });

      // Add a reviewer, from Settings → Users and reviewers.
      await nav(page, t('nav.settings')).click();
      await expect(page.getByText(t('oversight.profile.actingAs', { who: '' }).replace(/\.$/, '').trim())).toContainText('Dewi Lestari');
      await saveScreenshot(page, testInfo, `settings-profile-${locale}`, { fullPage: false });
      await page.getByRole('link', { name: t('oversight.users.title') }).click();
      await expect(page.getByRole('heading', { name: t('oversight.users.title'), level: 1 })).toBeVisible();
      await page.getByRole('button', { name: t('oversight.users.addReviewer') }).click();
      const dialog = page.getByRole('dialog', { name: t('oversight.users.addTitle') });
      await dialog.getByLabel(t('oversight.user.name')).fill('Maria Santos');
      await dialog.getByRole('combobox', { name: t('field.country') }).click();
      await page.getByRole('option', { name: locale === 'id' ? 'Filipina' : 'Philippines' }).click();
      await dialog.getByLabel(t('field.agency')).fill('Civil Service Commission');
      await dialog.getByRole('combobox', { name: t('field.expertise') }).click();
      await page.getByRole('option').first().click();
      await page.keyboard.press('Escape');
      const conflicts = dialog.getByRole('combobox', { name: t('oversight.user.conflicts') });
      await conflicts.fill('Juan dela Cruz');
      await conflicts.press('Enter');
      await expectAccessible(page, testInfo, `user-dialog-${locale}`);
      await saveScreenshot(page, testInfo, `user-dialog-${locale}`, { fullPage: false });
      await dialog.getByRole('button', { name: t('oversight.users.add'), exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('rowheader', { name: /Maria Santos/ })).toBeVisible();
      const reviewers = await app.call('users.list', { role: ['reviewer'], includeDisabled: false });
      expect(reviewers.items).toMatchObject([{ name: 'Maria Santos', role: 'reviewer', country: 'PH', agency: 'Civil Service Commission', declaredConflicts: ['Juan dela Cruz'] }]);
      expect(reviewers.items[0]!.expertise).toHaveLength(1);
      await expectAccessible(page, testInfo, `users-${locale}`);
      await saveScreenshot(page, testInfo, `users-${locale}`, { fullPage: false });

      // Change a setting: the years threshold.
      await nav(page, t('nav.settings')).click();
      await page.getByRole('link', { name: t('oversight.settings.title') }).click();
      const years = page.getByRole('textbox', { name: t('oversight.settings.years') });
      await years.fill('7');
      await page.getByRole('button', { name: t('oversight.settings.save') }).click();
      await expect(page.getByText(t('oversight.settings.saved'))).toBeVisible();
      expect((await app.call('vetting.settings', {})).yearsThreshold).toBe(7);
      await expectAccessible(page, testInfo, `vetting-settings-${locale}`);
      await saveScreenshot(page, testInfo, `vetting-settings-${locale}`, { fullPage: false });

      // The dashboard, once applications have come in: two from Indonesia (one in review), one from Thailand.
      for (const [givenName, country] of [['Siti', 'ID'], ['Ayu', 'ID'], ['Somchai', 'TH']] as const) {
        await app.call('applications.create', { fields: { givenName, familyName: 'Applicant', country, nominatingCountry: country, applicantType: 'practitioner', source: 'curator' } as never });
      }
      const siti = (await app.call('applications.list', { query: 'Siti', filters: { stage: [], country: [], reviewer: [] }, mine: false, offset: 0, limit: 10 })).items[0]!;
      await app.call('applications.act', { applicationId: siti.id, type: 'screened', payload: { criteria: [{ criterion: 'experience', met: true, note: '' }], outcome: 'eligible' } });
      await app.call('applications.act', { applicationId: siti.id, type: 'assigned', payload: { reviewerId: reviewers.items[0]!.id } });
      await nav(page, t('nav.vettingDashboard')).click();
      await expect(page.getByRole('heading', { name: t('oversight.dashboard.title'), level: 1 })).toBeVisible();
      await expect(page.getByText(t('oversight.dashboard.total', { count: 3 }), { exact: true })).toBeVisible();
      const matrix = page.getByRole('table', { name: t('oversight.dashboard.byStageCountry') });
      const indonesia = matrix.getByRole('row', { name: /^Indonesia/ });
      await expect(indonesia.getByRole('cell').last()).toHaveText('2');
      await expect(page.getByRole('table', { name: t('oversight.dashboard.load') }).getByRole('row', { name: /Maria Santos/ }).getByRole('cell').first()).toHaveText('1');
      await expectAccessible(page, testInfo, `dashboard-${locale}`);
      await saveScreenshot(page, testInfo, `dashboard-${locale}`, { fullPage: false });
      await saveScreenshot(page, testInfo, `dashboard-full-${locale}`);
      await nav(page, t('nav.conflicts')).click();
      await expect(page.getByText(t('oversight.conflicts.empty'))).toBeVisible();
      // No badge "Conflicts to resolve: n" beside the navigation link.
      await expect(page.getByLabel(t('oversight.conflicts.badge', { count: '' }).trim())).toHaveCount(0);
      await expectAccessible(page, testInfo, `conflicts-${locale}`);
      await saveScreenshot(page, testInfo, `conflicts-${locale}`, { fullPage: false });
    });
  });
}
