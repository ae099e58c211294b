import { expectAccessible } from './axe';
import { expect, saveScreenshot, test, type App } from './fixtures';
import { seedPeople } from './vetting-steps';
import { translate, type Locale } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';

/**
 * Case studies and stories in browser mode at 1024 × 700, in English and Bahasa Indonesia, by
 * role and label only: a case study created from the list, two sections written (each saved by
 * itself), and both still there after a reload. The list (with a seeded story and a rated case
 * study) and the editor are pictured and checked by axe.
 */

const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
const contextText =
  'In 2023 the Ministry of Home Affairs asked the ACCSM secretariat for help: new civil servants in five provinces learned their work alone, and one in four left within two years. Coaching was the answer the ministry chose.';

async function seed(app: App) {
  await seedPeople(app, 'Ana Curator');
  const rated = await app.call('reports.create', {
    type: 'case_study',
    fields: {
      title: 'Merit recruitment in district offices',
      countries: ['BN', 'KH'],
      periodStart: '2023-01',
      periodEnd: '2024-06',
      r_people: { rating: 'strong', evidence: 'Officers report faster hiring.', sections: [] },
      r_inclusive: { rating: 'evident', evidence: '', sections: [] },
      r_sustainable: { rating: 'emerging', evidence: '', sections: [] },
    },
  });
  for (const section of ['s_context', 's_problem', 's_approach']) {
    await app.call('reports.writeSection', { id: rated.id, section, text: words(40, 'merit'), base: null, resolve: false });
  }
  await app.call('reports.setStatus', { id: rated.id, status: 'in_review' });
  await app.call('reports.create', { type: 'story', fields: { title: 'A clerk’s first digital payroll', countries: ['VN'], periodStart: '2022-03', periodEnd: '2022-12' } });
}

for (const locale of ['en', 'id'] as const satisfies Locale[]) {
  test.describe(`Case studies & stories (${locale})`, () => {
    test.use({ viewport: { width: 1024, height: 700 }, locale: locale === 'id' ? 'id-ID' : 'en-GB' });

    test(`create a case study, write two sections, find them saved after a reload (${locale})`, async ({ page, app }, testInfo) => {
      test.setTimeout(120_000);
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      await seed(app);
      await page.reload();

      // The list, from the navigation.
      await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.reports'), exact: true }).click();
      await expect(page.getByRole('heading', { name: t('reports.title'), level: 1 })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(t('reports.total.other', { count: 2 }));
      const rated = page.getByRole('link', { name: new RegExp(`^Merit recruitment in district offices, ${t('reports.type.case_study')}, ${t('reports.status.in_review')}`) });
      await expect(rated).toBeVisible();
      await expect(rated.getByRole('img', { name: new RegExp(`${t('reportPanels.characteristic.r_people')}: ${t('reportPanels.rating.strong')}`) })).toBeVisible();
      await expectAccessible(page, testInfo, `reports-list-${locale}`);
      await saveScreenshot(page, testInfo, `reports-list-${locale}`, { fullPage: false });
      // The same documents as the matrix of the five characteristics (the switch's visible words: its radios are hidden under them).
      await page.getByRole('radiogroup', { name: t('reports.view.label') }).getByText(t('reports.view.matrix'), { exact: true }).click();
      await expect(page.getByRole('row', { name: /^Merit recruitment in district offices/ })).toContainText(t('reportPanels.rating.strong'));
      await expectAccessible(page, testInfo, `reports-matrix-${locale}`);
      await saveScreenshot(page, testInfo, `reports-matrix-${locale}`, { fullPage: false });
      await page.getByRole('radiogroup', { name: t('reports.view.label') }).getByText(t('reports.view.rows'), { exact: true }).click();

      // A new case study.
      await page.getByRole('link', { name: t('reports.newCaseStudy') }).first().click();
      await expect(page.getByRole('heading', { name: t('reports.new.title.case_study'), level: 1 })).toBeVisible();
      await page.getByRole('textbox', { name: t('reports.field.title') }).fill('Coaching new civil servants in Lao PDR');
      await page.getByRole('button', { name: t('reports.new.create') }).click();
      await expect(page.getByRole('heading', { name: 'Coaching new civil servants in Lao PDR', level: 1 })).toBeVisible();

      // Two sections: one saved when typing pauses, one when the curator moves on.
      const context = page.getByRole('region', { name: t('reportPanels.section.s_context') });
      await context.getByRole('textbox', { name: t('reportPanels.section.s_context') }).fill(contextText);
      await expect(context.getByRole('status')).toHaveText(new RegExp(`^${t('reports.save.savedAt', { time: '' })}`));
      await expect(context).toContainText(t('reports.section.complete'));
      const problem = page.getByRole('region', { name: t('reportPanels.section.s_problem') });
      await problem.getByRole('textbox', { name: t('reportPanels.section.s_problem') }).fill('ສະບາຍດີ new officers learn alone.');
      await page.keyboard.press('Tab');
      await expect(problem.getByRole('status')).toHaveText(new RegExp(`^${t('reports.save.savedAt', { time: '' })}`));
      await expect(page.getByRole('main')).toContainText(t('reports.completeness', { done: 1, total: 10 }));
      await expectAccessible(page, testInfo, `report-editor-${locale}`);
      await page.getByRole('heading', { name: 'Coaching new civil servants in Lao PDR', level: 1 }).scrollIntoViewIfNeeded();
      await saveScreenshot(page, testInfo, `report-editor-${locale}`, { fullPage: false });

      // Still there after a reload: the core has them, not only the page.
      await page.reload();
      await expect(page.getByRole('textbox', { name: t('reportPanels.section.s_context') })).toHaveValue(contextText);
      await expect(page.getByRole('textbox', { name: t('reportPanels.section.s_problem') })).toHaveValue('ສະບາຍດີ new officers learn alone.');
      await expect(page.getByRole('main')).toContainText(t('reports.completeness', { done: 1, total: 10 }));

      // The details, pictured too.
      await page.getByRole('tab', { name: t('reports.tab.details') }).click();
      await expect(page.getByRole('textbox', { name: t('reports.field.programme') })).toBeVisible();
      await saveScreenshot(page, testInfo, `report-details-${locale}`, { fullPage: false });
    });

    test(`the editor's tabs fit one line at 1024 px, for a story and a case study, and arrows move along them (${locale})`, async ({ page, app }, testInfo) => {
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      await seedPeople(app, 'Ana Curator');
      const story = await app.call('reports.create', { type: 'story', fields: { title: 'A clerk’s first digital payroll' } });
      const study = await app.call('reports.create', { type: 'case_study', fields: { title: 'Merit recruitment in district offices' } });
      await page.reload();
      for (const [kind, id, count] of [['story', story.id, 7], ['case_study', study.id, 7]] as const) {
        await page.evaluate((hash) => void (window.location.hash = hash), `#/reports/${id}`);
        const tabs = page.getByRole('tablist', { name: t('reports.tabs.label') }).getByRole('tab');
        await expect(tabs).toHaveCount(count);
        await expect(tabs.last()).toHaveText(t('reportExport.preview.tab'));
        // One line: every tab starts at the same height.
        const tops = await tabs.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
        expect(new Set(tops).size, `tab tops ${tops.join(', ')}`).toBe(1);
        await saveScreenshot(page, testInfo, `report-tabs-${kind}-${locale}`, { fullPage: false });
        await tabs.first().focus();
        await page.keyboard.press('ArrowRight');
        await expect(tabs.nth(1)).toBeFocused();
        await page.keyboard.press('End');
        await expect(tabs.last()).toBeFocused();
      }
    });
  });
}
