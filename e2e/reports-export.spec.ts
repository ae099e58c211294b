import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, saveScreenshot, test, type App } from './fixtures';
import { seedPeople } from './vetting-steps';
import { translate } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';

/**
 * Exporting case studies and stories in browser mode at 1024 × 700, by role and label only: a
 * case study written, rated on a characteristic and given a figure from the directory, then
 * exported as DOCX and PDF — the downloads are read back (a ZIP, a PDF whose text, by
 * pdftotext, holds the title and the figure's source note) — and compiled into an MTR
 * submission; a story without consent is refused with the message that says what to fix.
 */

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const title = 'Coaching new civil servants in Lao PDR';
const contextText =
  'In 2023 the Ministry of Home Affairs asked the ACCSM secretariat for help: new civil servants in five provinces learned their work alone, and one in four left within two years.';

async function seed(app: App) {
  await seedPeople(app, 'Ana Curator');
  for (const [givenName, country] of [['Somchai', 'TH'], ['Suda', 'TH'], ['Linh', 'VN']] as const) {
    await app.call('experts.create', { expert: { givenName, familyName: 'Test', country } });
  }
}

/** A SegmentedControl's option: its radio is drawn by its label, so it is chosen from the keyboard. */
const choose = (radio: Locator) => radio.press(' ');

/** The text of a PDF as a reader's tool extracts it, with runs of whitespace as one space. */
const pdfText = (path: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

async function exportAs(page: Page, format: 'DOCX' | 'PDF'): Promise<Download> {
  await page.getByRole('button', { name: t('reportExport.open'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: t('reportExport.title', { title }) });
  await choose(dialog.getByRole('radio', { name: format, exact: true }));
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: t('reportExport.run', { format }) }).click();
  const download = await downloading;
  await expect(dialog).toBeHidden();
  return download;
}

test.use({ viewport: { width: 1024, height: 700 }, locale: 'en-GB' });

test('write, rate and illustrate a case study, export it as DOCX and PDF, compile an MTR submission', async ({ page, app }, testInfo) => {
  test.setTimeout(180_000);
  await seed(app);
  await page.reload();

  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.reports'), exact: true }).click();
  await page.getByRole('link', { name: t('reports.newCaseStudy') }).first().click();
  await page.getByRole('textbox', { name: t('reports.field.title') }).fill(title);
  await page.getByRole('button', { name: t('reports.new.create') }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  // A section, saved.
  const context = page.getByRole('region', { name: t('reportPanels.section.s_context') });
  await context.getByRole('textbox', { name: t('reportPanels.section.s_context') }).fill(contextText);
  await expect(context.getByRole('status')).toHaveText(new RegExp(`^${t('reports.save.savedAt', { time: '' })}`));

  // Rated on a characteristic.
  await page.getByRole('tab', { name: t('reports.tab.evaluation') }).click();
  const inclusive = page.getByRole('radiogroup', { name: t('reportPanels.characteristic.r_inclusive') });
  await choose(inclusive.getByRole('radio', { name: t('reportPanels.rating.strong') }));
  await expect(inclusive.getByRole('radio', { name: t('reportPanels.rating.strong') })).toBeChecked();

  // A figure from the directory after the context.
  await page.getByRole('tab', { name: t('reports.tab.figures') }).click();
  await page.getByRole('combobox', { name: t('reportPanels.figures.insertAfter') }).click();
  await page.getByRole('option', { name: t('reportPanels.section.s_context') }).click();
  await page.getByRole('button', { name: t('reportPanels.figures.insert') }).click();
  const figureDialog = page.getByRole('dialog', { name: t('figures.dialog.insert') });
  await figureDialog.getByLabel(t('figures.field.countries'), { exact: true }).first().click();
  await page.getByRole('option', { name: 'Thailand' }).click();
  await expect(figureDialog).toContainText(t('figures.total.other', { count: 2 }));
  await figureDialog.getByRole('heading', { name: t('figures.dialog.insert') }).click();
  await figureDialog.getByRole('button', { name: t('figures.insert') }).click();
  await expect(figureDialog).toBeHidden();
  const sourceNote = 'Source: A-EXPECS directory, experts by country; filters: country Thailand';
  await expect(page.getByRole('listitem').filter({ hasText: sourceNote })).toBeVisible();

  // The preview's text outline: the section, then the figure with its source note (the laid-out
  // pages themselves are e2e/reports-preview.spec.ts's).
  await page.getByRole('tab', { name: t('reportExport.preview.tab') }).click();
  // The preview lays the whole document out and opens it in pdf.js: on a loaded machine that
  // takes longer than an assertion's default 5 s (a limit for a hang, not a speed goal).
  await expect(page.getByRole('status', { name: t('reportExport.preview.pageShown') })).toHaveText(/^Page 1 of \d+$/, { timeout: 30_000 });
  await choose(page.getByRole('radiogroup', { name: t('reportExport.preview.view') }).getByRole('radio', { name: t('reportExport.preview.view.outline') }));
  const preview = page.getByRole('article', { name: t('reportExport.preview.tab') });
  await expect(preview.getByRole('region', { name: t('reportPanels.section.s_context') })).toContainText(sourceNote);
  await expect(preview.getByRole('table').last()).toContainText(t('reportPanels.rating.strong'));
  // The level given is marked on its row (the column headers name every level anyway).
  const inclusiveRow = preview.getByRole('table').last().getByRole('row').filter({ has: page.getByRole('rowheader', { name: t('reportPanels.characteristic.r_inclusive'), exact: true }) });
  await expect(inclusiveRow.getByRole('cell').filter({ hasText: t('reportPanels.rating.strong') })).toHaveAttribute('data-given', 'true');
  await preview.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'report-preview', { fullPage: false });

  // DOCX: a real Word file (a ZIP) named after the title.
  const docx = await exportAs(page, 'DOCX');
  expect(docx.suggestedFilename()).toMatch(/coaching-new-civil-servants.*\.docx$/);
  const docxBytes = readFileSync((await docx.path())!);
  expect(docxBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(docxBytes.length).toBeGreaterThan(10_000);

  // PDF: its text, as a reader's tool extracts it, has the title and the figure's source note.
  await page.getByRole('button', { name: t('reportExport.open'), exact: true }).click();
  await expect(page.getByRole('dialog', { name: t('reportExport.title', { title }) })).toBeVisible();
  await page.waitForTimeout(400); // the modal's opening transition, for the picture only
  await saveScreenshot(page, testInfo, 'report-export-dialog', { fullPage: false });
  await page.keyboard.press('Escape');
  const pdf = await exportAs(page, 'PDF');
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfPath = (await pdf.path())!;
  expect(readFileSync(pdfPath).length).toBeGreaterThan(10_000);
  const text = pdfText(pdfPath);
  expect(text).toContain(title);
  expect(text).toContain(sourceNote);
  expect(text).toContain('Inclusive');

  // An MTR submission of the case studies, from the list.
  await page.getByRole('button', { name: t('reports.back') }).click();
  await expect(page.getByRole('link', { name: new RegExp(`^${title}`) })).toBeVisible();
  await saveScreenshot(page, testInfo, 'reports-list', { fullPage: false });
  await page.getByRole('button', { name: t('reportExport.mtr.open') }).click();
  const mtr = page.getByRole('dialog', { name: t('reportExport.mtr.title') });
  await choose(mtr.getByRole('radio', { name: t('reports.types.case_study'), exact: true }));
  await expect(mtr).toContainText(t('reports.total.one', { count: 1 }));
  await page.waitForTimeout(400); // the modal's opening transition, for the picture only
  await saveScreenshot(page, testInfo, 'mtr-dialog', { fullPage: false });
  const downloading = page.waitForEvent('download');
  await mtr.getByRole('button', { name: t('reportExport.mtr.run', { format: 'PDF' }) }).click();
  const compiled = await downloading;
  const compiledText = pdfText((await compiled.path())!);
  expect(compiledText).toContain(title);
  expect(compiledText).toContain(sourceNote);
});

test('a story without consent is refused export, with what to fix and the way to its Consent tab', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  await seed(app);
  const story = 'A clerk’s first digital payroll';
  await app.call('reports.create', { type: 'story', fields: { title: story, countries: ['VN'] } });
  await page.reload();

  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.reports'), exact: true }).click();
  await page.getByRole('link', { name: new RegExp(`^${story}`) }).click();
  await expect(page.getByRole('heading', { name: story, level: 1 })).toBeVisible();

  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: t('reportExport.open'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: t('reportExport.title', { title: story }) });
  await dialog.getByRole('button', { name: t('reportExport.run', { format: 'PDF' }) }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText(t('reportExport.refused.story', { title: story }));
  await expect(refusal).toContainText(t('reportExport.refused.nothing'));
  await page.waitForTimeout(400); // the modal's opening transition, for the picture only
  await saveScreenshot(page, testInfo, 'story-refused', { fullPage: false });
  expect(downloads).toBe(0);

  await refusal.getByRole('button', { name: t('reportExport.refused.openConsent', { title: story }) }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: t('reports.tab.consent') })).toHaveAttribute('aria-selected', 'true');

  // The same story blocks an MTR submission compiled from the list, which opens it on its Consent tab.
  await page.getByRole('button', { name: t('reports.back') }).click();
  await page.getByRole('button', { name: t('reportExport.mtr.open') }).click();
  const mtr = page.getByRole('dialog', { name: t('reportExport.mtr.title') });
  await mtr.getByRole('button', { name: t('reportExport.mtr.run', { format: 'PDF' }) }).click();
  await expect(mtr.getByRole('alert')).toContainText(t('reportExport.refused.story', { title: story }));
  await mtr.getByRole('button', { name: t('reportExport.refused.openConsent', { title: story }) }).click();
  await expect(page.getByRole('heading', { name: story, level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: t('reports.tab.consent') })).toHaveAttribute('aria-selected', 'true');
  expect(downloads).toBe(0);
});
