import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, saveScreenshot, test, type App } from './fixtures';
import { seedPeople } from './vetting-steps';
import { translate, type Locale } from '../renderer/src/i18n/translate';
import { countryName } from '../renderer/src/i18n';
import type { MessageKey } from '../renderer/src/i18n/en';
import { characteristics, criterionNames } from '../shared/model/reports/characteristics';

/**
 * A QA pass over the case-study and story screens as the people who check the work do it: the
 * demo data over a directory of QA_EXPERTS experts (3,000 by default, as directory-scale.spec.ts,
 * so the suite stays well inside CI's time; `QA_EXPERTS=100000 npx playwright test
 * e2e/reports-qa.spec.ts` is the 100,000 run, about 10 minutes per language), at 1024 × 700, in English
 * and Bahasa Indonesia, by role and label only. Every screen (the list, the new-report screen,
 * each editor tab of a case study and of a story, the export and MTR dialogs) is checked by
 * axe, for horizontal overflow, and pictured; the list's filters and opening a report are
 * driven by the keyboard alone; a case study is exported in Indonesian and the PDF's text (by
 * pdftotext) and the DOCX's XML are read for the Indonesian names of the five characteristics.
 */

const EXPERTS = Number(process.env.QA_EXPERTS ?? 3000);
const pdfText = (path: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** Presses Tab until `target` (or something inside it) has the focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement), undefined, { timeout: 5_000 })) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${max} presses of Tab never reached ${target.toString()}`);
}

/** Nothing wider than the 1024-pixel window: neither the page nor the main region scrolls sideways. */
async function expectNoOverflow(page: Page, screen: string): Promise<void> {
  const found = await page.evaluate(() => {
    const doc = document.scrollingElement!;
    const main = document.querySelector('main');
    const width = document.documentElement.clientWidth;
    // What sticks out, for the message: the deepest elements whose right edge passes the window.
    const outside = [...document.querySelectorAll('main *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > width + 1))
      .filter((el) => getComputedStyle(el).visibility !== 'hidden' && !el.closest('[style*="overflow"], [class*="scroller"], [class*="ScrollArea"]'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').slice(0, 40)}"`);
    return { page: doc.scrollWidth - doc.clientWidth, main: main ? main.scrollWidth - main.clientWidth : 0, outside };
  });
  expect.soft(found.page, `${screen}: the page scrolls sideways (${found.outside.join('; ')})`).toBeLessThanOrEqual(0);
  expect.soft(found.main, `${screen}: the main region scrolls sideways (${found.outside.join('; ')})`).toBeLessThanOrEqual(0);
}

/** One screen checked three ways: axe, no sideways scrolling, and a picture to look at. */
async function check(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await expectAccessible(page, testInfo, screen);
  await expectNoOverflow(page, screen);
  await saveScreenshot(page, testInfo, screen, { fullPage: false });
}

async function listCount(app: App, filters: Parameters<App['call']>[1]): Promise<number> {
  return (await app.call('reports.list', filters as never)).items.length;
}

for (const locale of ['en', 'id'] as const satisfies Locale[]) {
  test.describe(`Case studies & stories QA (${locale})`, () => {
    test.use({ viewport: { width: 1024, height: 700 }, locale: locale === 'id' ? 'id-ID' : 'en-GB' });

    test(`every screen with the demo data over ${EXPERTS.toLocaleString('en')} experts: axe, overflow, keyboard, Indonesian export (${locale})`, async ({ page, app }, testInfo) => {
      test.setTimeout(15 * 60_000);
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      const shot = (name: string) => check(page, testInfo, `${name}-${locale}`);
      // A curator signed in, so the editor shows its writing controls (the demo's records are otherwise read-only).
      await seedPeople(app, 'Ana Curator');
      await app.call('demo.load', { experts: EXPERTS });
      const all = (await app.call('reports.list', {})).items;
      const caseStudy = all.find((r) => r.type === 'case_study' && r.title.startsWith('Merit-based recruitment'))!;
      const story = all.find((r) => r.type === 'story')!;
      expect(caseStudy).toBeTruthy();
      await page.reload();

      // ------------------------------------------------------------ the list, by keyboard only
      const nav = page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.reports'), exact: true });
      await tabTo(page, nav);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: t('reports.title'), level: 1 })).toBeVisible();
      const count = page.getByRole('status', { name: t('reports.count.label') });
      await expect(count).toHaveText(t('reports.total.other', { count: all.length }));
      await shot('qa-list');

      // Type: the segmented control's radios, moved with the arrow keys.
      const type = page.getByRole('radiogroup', { name: t('reports.filter.type') });
      await tabTo(page, type);
      await page.keyboard.press('ArrowRight');
      await expect(type.getByRole('radio', { name: t('reports.types.case_study'), exact: true })).toBeChecked();
      const cases = await listCount(app, { type: ['case_study'] });
      await expect(count).toHaveText(t(cases === 1 ? 'reports.total.one' : 'reports.total.other', { count: cases }));
      await page.keyboard.press('ArrowLeft');
      await expect(count).toHaveText(t('reports.total.other', { count: all.length }));

      // Search, typed; Escape clears it.
      const search = page.getByRole('textbox', { name: t('reports.search.label') });
      await tabTo(page, search);
      await page.keyboard.type('recruitment');
      const found = await listCount(app, { query: 'recruitment' });
      await expect(count).toHaveText(t(found === 1 ? 'reports.total.one' : 'reports.total.other', { count: found }));
      await page.keyboard.press('Escape');
      await expect(search).toHaveValue('');

      // Country: typed into the multi-select, chosen with the arrows and Enter.
      const country = page.getByRole('combobox', { name: t('reports.filter.country') });
      await tabTo(page, country);
      await page.keyboard.type('Viet');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      const inVN = await listCount(app, { countries: ['VN'] });
      await expect(count).toHaveText(t(inVN === 1 ? 'reports.total.one' : 'reports.total.other', { count: inVN }));
      await expect(page.getByRole('main')).toContainText(countryName(locale, 'VN'));

      // Status: the select opened with the arrow keys.
      const status = page.getByRole('combobox', { name: t('reports.filter.status') });
      await tabTo(page, status);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(status).not.toHaveValue('');
      await shot('qa-list-filtered');
      const chosenStatus = await status.inputValue();
      const statusKey = (['draft', 'in_review', 'approved'] as const).find((s) => t(`reports.status.${s}`) === chosenStatus)!;
      expect(statusKey).toBeTruthy();
      const both = await listCount(app, { countries: ['VN'], status: [statusKey] });
      if (both === 0) await expect(page.getByRole('button', { name: t('reports.noMatch.clear') })).toBeVisible();
      else await expect(count).toHaveText(t(both === 1 ? 'reports.total.one' : 'reports.total.other', { count: both }));

      // A characteristic rated at least "strong".
      const criterion = page.getByRole('combobox', { name: t('reports.filter.characteristic') });
      await tabTo(page, criterion);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(criterion).toHaveValue(t('reportPanels.characteristic.r_people'));
      await page.keyboard.press('Tab');
      await expect(page.getByRole('combobox', { name: t('reports.filter.minRating') })).toBeFocused();

      // Nothing matching: the empty state says so and clears everything by keyboard.
      await tabTo(page, search);
      await page.keyboard.type('zzzz no such report');
      const clear = page.getByRole('button', { name: t('reports.noMatch.clear') });
      await expect(clear).toBeVisible();
      await expect(page.getByRole('main')).toContainText(t('reports.noMatch.title'));
      await shot('qa-list-nomatch');
      await tabTo(page, clear);
      await page.keyboard.press('Enter');
      await expect(count).toHaveText(t('reports.total.other', { count: all.length }));

      // The matrix view, chosen by arrow key.
      const view = page.getByRole('radiogroup', { name: t('reports.view.label') });
      await tabTo(page, view);
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('table')).toBeVisible();
      await shot('qa-matrix');
      await page.keyboard.press('ArrowLeft');

      // Opening a report: Tab to the first row, arrows to the case study, Enter.
      const rows = page.getByRole('list', { name: t('reports.list.label') }).getByRole('link');
      await tabTo(page, rows.first());
      const target = all.findIndex((r) => r.id === caseStudy.id);
      for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
      await expect(rows.nth(target)).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: caseStudy.title, level: 1 })).toBeVisible();

      // ------------------------------------------------------------ the editor of a case study
      const tabs = page.getByRole('tablist', { name: t('reports.tabs.label') });
      const tabKeys: [MessageKey, string][] = [
        ['reports.tab.sections', 'sections'],
        ['reports.tab.details', 'details'],
        ['reports.tab.evaluation', 'evaluation'],
        ['reports.tab.sources', 'sources'],
        ['reports.tab.figures', 'figures'],
        ['reports.tab.photos', 'photos'],
        ['reportExport.preview.tab', 'preview'],
      ];
      for (const [key, name] of tabKeys) {
        await tabs.getByRole('tab', { name: t(key), exact: true }).click();
        await expect(tabs.getByRole('tab', { name: t(key), exact: true })).toHaveAttribute('aria-selected', 'true');
        await expect(page.getByRole('tabpanel')).toBeVisible();
        await page.waitForTimeout(300); // charts and images settle, for the picture only
        await tabs.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await shot(`qa-case-${name}`);
      }

      // Export dialog, then the case study in Indonesian as DOCX and PDF.
      const exportDialog = page.getByRole('dialog', { name: t('reportExport.title', { title: caseStudy.title }) });
      const exportAs = async (format: 'DOCX' | 'PDF') => {
        await page.getByRole('button', { name: t('reportExport.open'), exact: true }).click();
        await exportDialog.getByRole('radio', { name: format, exact: true }).press(' ');
        await exportDialog.getByRole('radio', { name: t('reportExport.lang.id'), exact: true }).press(' ');
        const downloading = page.waitForEvent('download', { timeout: 180_000 });
        await exportDialog.getByRole('button', { name: t('reportExport.run', { format }) }).click();
        const download = await downloading;
        await expect(exportDialog).toBeHidden();
        return (await download.path())!;
      };
      await page.getByRole('button', { name: t('reportExport.open'), exact: true }).click();
      await expect(exportDialog).toBeVisible();
      await shot('qa-export-dialog');
      await page.keyboard.press('Escape');
      await expect(exportDialog).toBeHidden();
      if (locale === 'id') {
        const idNames = characteristics.map((c) => criterionNames[c].id);
        const pdf = pdfText(await exportAs('PDF'));
        for (const name of [caseStudy.title, ...idNames, 'Konteks']) expect(pdf).toContain(name);
        expect(pdf).toContain('Sumber: direktori A-EXPECS');
        expect(pdf).not.toContain('Engages and benefits the people');
        const docx = await JSZip.loadAsync(readFileSync(await exportAs('DOCX')));
        const xml = (await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
        for (const name of idNames) expect(xml).toContain(name);
        expect(xml).toContain('Konteks');
      }

      // ------------------------------------------------------------ a story
      await page.getByRole('button', { name: t('reports.back') }).click();
      await expect(page.getByRole('heading', { name: t('reports.title'), level: 1 })).toBeVisible();
      await page.getByRole('link', { name: new RegExp(`^${story.title.replace(/[()]/g, '\\$&')}`) }).click();
      await expect(page.getByRole('heading', { name: story.title, level: 1 })).toBeVisible();
      for (const [key, name] of [
        ['reports.tab.sections', 'sections'],
        ['reports.tab.consent', 'consent'],
        ['reports.tab.sources', 'sources'],
        ['reports.tab.photos', 'photos'],
      ] as [MessageKey, string][]) {
        await tabs.getByRole('tab', { name: t(key), exact: true }).click();
        await expect(page.getByRole('tabpanel')).toBeVisible();
        await page.waitForTimeout(300);
        await tabs.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await shot(`qa-story-${name}`);
      }

      // ------------------------------------------------------------ the MTR dialog and the new-report screens
      await page.getByRole('button', { name: t('reports.back') }).click();
      await page.getByRole('button', { name: t('reportExport.mtr.open') }).click();
      const mtr = page.getByRole('dialog', { name: t('reportExport.mtr.title') });
      await expect(mtr).toBeVisible();
      await shot('qa-mtr-dialog');
      await page.keyboard.press('Escape');
      await expect(mtr).toBeHidden();
      for (const kind of ['case_study', 'story'] as const) {
        await page.getByRole('link', { name: t(kind === 'case_study' ? 'reports.newCaseStudy' : 'reports.newStory') }).first().click();
        await expect(page.getByRole('heading', { name: t(`reports.new.title.${kind}`), level: 1 })).toBeVisible();
        await shot(`qa-new-${kind}`);
        await page.goBack();
      }
    });
  });
}
