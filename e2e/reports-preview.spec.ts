import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, saveScreenshot, test, type App } from './fixtures';
import { seedPeople } from './vetting-steps';
import { translate } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';

/**
 * The Preview tab in browser mode at 1024 × 700: the document's real pages, drawn by pdf.js on
 * canvases inside the app's Content-Security-Policy — page 1 painted, the next page by the
 * keyboard, the document again in Bahasa Indonesia —, and not one CSP violation on the way.
 */

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const title = 'Mentoring district civil servants in Cambodia';
const paragraph =
  'The provincial departments paired each new civil servant with an experienced colleague for their first year. Mentors met their mentees every week, kept a short log of what was learnt, and reported to the provincial office each quarter. ';

async function seed(app: App): Promise<void> {
  await seedPeople(app, 'Ana Curator');
  const report = await app.call('reports.create', { type: 'case_study', fields: { title, countries: ['KH'] } });
  // Enough words for several pages.
  for (const section of ['s_context', 's_problem', 's_approach', 's_results', 's_lessons'] as const) {
    await app.call('reports.writeSection', { id: report.id, section, text: Array.from({ length: 4 }, () => paragraph.repeat(3).trim()).join('\n\n'), base: null });
  }
  await app.call('reports.update', { id: report.id, type: 'case_study', patch: { r_inclusive: { rating: 'strong', evidence: 'Every province took part.', sections: ['s_results'] } } });
}

/** How many pixels of a page's canvas are not blank (white or transparent), and a digest of them. */
const painted = (page: Page, label: string) =>
  page.getByRole('img', { name: label, exact: true }).evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    let digest = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) {
        ink++;
        digest = (digest * 31 + i + data[i]!) % 1_000_000_007;
      }
    }
    return { ink, digest, width: canvas.width };
  });

test.use({ viewport: { width: 1024, height: 700 }, locale: 'en-GB' });

test('the Preview tab shows the laid-out pages, page by page, in either language, within the CSP', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  // Every CSP violation, in the page (the event) and as the console reports it (the worker's too).
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  const watch = (text: string) => {
    if (/content security policy|CSP violation/i.test(text)) violations.push(text);
  };
  page.on('console', (m) => watch(m.text()));
  page.on('worker', (w) => w.on('console', (m) => watch(m.text())));
  page.on('pageerror', (e) => watch(e.message));

  await seed(app);
  await page.reload();
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.reports'), exact: true }).click();
  await page.getByRole('link', { name: new RegExp(`^${title}`) }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  const previewing = page.waitForResponse((r) => r.url().includes('/rpc/reports.preview') && (r.request().postData() ?? '').includes('"lang":"en"'));
  await page.getByRole('tab', { name: t('reportExport.preview.tab') }).click();
  expect((await previewing).ok()).toBe(true);

  // "Page 1 of N", N ≥ 2, and page 1 painted.
  const where = page.getByRole('status', { name: t('reportExport.preview.pageShown') });
  // Laid out and opened in pdf.js: longer than the default 5 s on a loaded machine (a hang limit).
  await expect(where).toHaveText(/^Page 1 of \d+$/, { timeout: 30_000 });
  const total = Number((await where.textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('status', { name: t('reportExport.preview.made') })).toContainText(`${total} pages`);
  const first = page.getByRole('img', { name: t('reportExport.preview.pageOf', { page: 1, pages: total }), exact: true });
  await expect(first).toBeVisible();
  await expect.poll(async () => (await painted(page, t('reportExport.preview.pageOf', { page: 1, pages: total }))).ink, { timeout: 30_000 }).toBeGreaterThan(2_000);
  const english = await painted(page, t('reportExport.preview.pageOf', { page: 1, pages: total }));
  // Lazy: the pages far below have no canvas yet (a drawn page is an image named "Page n of N").
  const pages = page.getByRole('region', { name: t('reportExport.preview.pages') });
  expect(await pages.getByRole('img').count()).toBeLessThanOrEqual(total);
  await pages.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'report-preview-pages', { fullPage: false });
  await expectAccessible(page, testInfo, 'report-preview-pages');

  // The next page by the keyboard.
  await page.getByRole('region', { name: t('reportExport.preview.pages') }).focus();
  await page.keyboard.press('PageDown');
  await expect(where).toHaveText(`Page 2 of ${total}`);
  await expect.poll(async () => (await painted(page, t('reportExport.preview.pageOf', { page: 2, pages: total }))).ink, { timeout: 30_000 }).toBeGreaterThan(2_000);
  await page.keyboard.press('PageUp');
  await expect(where).toHaveText(`Page 1 of ${total}`);
  await page.getByRole('button', { name: t('reportExport.preview.next') }).click();
  await expect(where).toHaveText(`Page 2 of ${total}`);

  // The document in Bahasa Indonesia: made again, and its first page reads otherwise.
  const indonesian = page.waitForResponse((r) => r.url().includes('/rpc/reports.preview') && (r.request().postData() ?? '').includes('"lang":"id"'));
  await page.getByRole('radiogroup', { name: t('reportExport.preview.language') }).getByRole('radio', { name: t('reportExport.lang.id') }).press(' ');
  expect((await indonesian).ok()).toBe(true);
  await expect(page.getByRole('status', { name: t('reportExport.preview.made') })).toBeVisible();
  const pagesId = Number((await where.textContent())!.match(/of (\d+)/)![1]);
  // A new document opens on its first page.
  await expect(where).toHaveText(`Page 1 of ${pagesId}`);
  const label = t('reportExport.preview.pageOf', { page: 1, pages: pagesId });
  await page.getByRole('region', { name: t('reportExport.preview.pages') }).press('Home');
  await expect.poll(async () => (await painted(page, label)).ink, { timeout: 30_000 }).toBeGreaterThan(2_000);
  expect((await painted(page, label)).digest).not.toBe(english.digest);

  // Fit width and 100 %.
  await page.getByRole('radiogroup', { name: t('reportExport.preview.zoom') }).getByRole('radio', { name: '100 %' }).press(' ');
  await expect.poll(async () => (await painted(page, label)).width).toBeGreaterThan(english.width);

  // The text outline is there for a screen reader.
  await page.getByRole('radiogroup', { name: t('reportExport.preview.view') }).getByRole('radio', { name: t('reportExport.preview.view.outline') }).press(' ');
  await expect(page.getByRole('article', { name: t('reportExport.preview.tab') }).getByRole('heading', { name: title })).toBeVisible();

  expect(violations).toEqual([]);
});

test('a story without consent still previews, under the notice that it cannot be exported yet', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  await seedPeople(app, 'Ana Curator');
  const story = 'A nurse’s first posting in Timor-Leste';
  const created = await app.call('reports.create', { type: 'story', fields: { title: story, countries: ['TL'], anonymised: true, beneficiaryName: 'Maria' } });
  await app.call('reports.writeSection', { id: created.id, section: 's_before', text: 'Before, Maria waited a year for her posting. '.repeat(20), base: null });
  await page.reload();
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.reports'), exact: true }).click();
  await page.getByRole('link', { name: new RegExp(`^${story}`) }).click();
  await page.getByRole('tab', { name: t('reportExport.preview.tab') }).click();

  await expect(page.getByRole('alert', { name: t('reportExport.preview.blocked') })).toBeVisible();
  await expect(page.getByText(t('reportExport.preview.anonymised'))).toBeVisible();
  const where = page.getByRole('status', { name: t('reportExport.preview.pageShown') });
  // Laid out and opened in pdf.js: longer than the default 5 s on a loaded machine (a hang limit).
  await expect(where).toHaveText(/^Page 1 of \d+$/, { timeout: 30_000 });
  const label = (await where.textContent())!;
  await expect.poll(async () => (await painted(page, label)).ink, { timeout: 30_000 }).toBeGreaterThan(2_000);
  await saveScreenshot(page, testInfo, 'story-preview-without-consent', { fullPage: false });
});
