import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DATABASE_FILE } from '../electron/core/app';
import { ChangeFunnel } from '../electron/core/changes/funnel';
import { openDatabase } from '../electron/core/db/open';
import { chooseProfile, cp1252 } from '../electron/core/services/import/testing';
import { expectAccessible } from './axe';
import { expect, saveScreenshot, test, type App } from './fixtures';

/**
 * Bulk import from the curator's side, in browser mode against the real core: a focal point's
 * sheet saved by Excel on Windows (Windows-1252, ";"), one row with a country the app does not
 * know. The preview names that row's problem, a dry run writes nothing, the import adds the
 * others, a second import of the same file adds nothing, and a file that is not a sheet gets a
 * clear error and writes nothing. Screens at 1024×700, driven by role and label, checked by axe.
 */

test.use({ viewport: { width: 1024, height: 700 } });
// Axe runs on four screens and the machine may be busy: room for that, never a timing assertion.
test.setTimeout(120_000);

const SHEET = cp1252(
  [
    'Nama depan;Nama keluarga;Surel;Negara;Instansi;Jenis pelamar',
    'José;Ramos-Horta;jose@gov.tl;Timor-Leste;Ministério da Administração Estatal;praktisi',
    'Ñora;Peña;nora@csc.gov.ph;Narnia;Civil Service Commission – Region I’s office;akademisi',
    'François;Nguyen;francois@moha.gov.vn;Viet Nam;Ministry of Home Affairs;akademisi',
  ].join('\r\n'),
);

/** Who acts: a curator profile chosen on this device (what the profile screen writes). */
function actAsCurator(app: App): void {
  const db = openDatabase(join(app.dataDir, DATABASE_FILE));
  try {
    chooseProfile(db, new ChangeFunnel(db, []), { id: '0190aaaa-0000-7000-8000-0000000000e2', name: 'Dewi Lestari', role: 'curator', country: 'ID' });
  } finally {
    db.close();
  }
}

const applicationRecords = (app: App) => app.countRows('records');

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  // Keyboard only: the file field is a button that opens the system's file dialog.
  await page.getByRole('button', { name: /Sheet file \(CSV or XLSX\)/ }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
}

test('a Windows-1252 sheet with a bad row: preview, dry run, import, and importing it again adds nothing', async ({ page, app }, testInfo) => {
  actAsCurator(app);
  await page.getByRole('navigation').getByRole('link', { name: 'Import applications' }).click();
  await expect(page.getByRole('heading', { name: 'Import applications', level: 1 })).toBeVisible();
  await expect(page.getByText('No file chosen yet.')).toBeVisible();
  await expectAccessible(page, testInfo, 'import-empty');

  const before = applicationRecords(app);
  await chooseFile(page, 'pelamar-timor-leste.csv', SHEET);
  await expect(page.getByText('Read as CSV (windows-1252): 3 rows.')).toBeVisible();
  const summary = page.getByRole('group', { name: 'Rows of the file' });
  await expect(summary).toContainText('2 to add');
  await expect(summary).toContainText('1 with problems');
  // Accented names came through the Windows-1252 bytes intact.
  await expect(page.getByRole('table', { name: 'First rows of the sheet' }).getByText('José Ramos-Horta')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Rows with problems (not imported)' })).toContainText('Row 3, column D (Negara): “Narnia” is not an ASEAN member state the app knows.');
  await expect(page.getByRole('combobox', { name: 'Field for column C (Surel)' })).toHaveValue('E-mail');
  await expectAccessible(page, testInfo, 'import-preview');
  await saveScreenshot(page, testInfo, 'import-preview');

  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('heading', { name: 'Dry run: nothing was written' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Dry run: nothing was written' }).getByText('Applications an import would add now: 2. Rows imported before: 0. Rows with problems, not imported: 1.', { exact: true })).toBeVisible();
  expect(applicationRecords(app)).toBe(before);

  await page.getByRole('button', { name: 'Import (2 to add)' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Import finished' }).getByText('Applications added: 2. Rows imported before: 0. Rows with problems, not imported: 1.', { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Rows not added' })).toContainText('Narnia');
  // Two applications, each with its submitted event.
  expect(applicationRecords(app)).toBe(before + 4);
  await expectAccessible(page, testInfo, 'import-result');
  await saveScreenshot(page, testInfo, 'import-result');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the report (CSV)' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect((await download).suggestedFilename()).toBe('pelamar-timor-leste-import-report.csv');
  expect(csv).toContain('José Ramos-Horta');
  expect(csv).toContain('Not imported: problems');
  expect(csv).toContain('“Narnia”');

  // The same file again: every row passing is already imported, so there is nothing to add.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseFile(page, 'pelamar-timor-leste.csv', SHEET);
  await expect(summary).toContainText('0 to add');
  await expect(summary).toContainText('2 already imported');
  await expect(page.getByRole('button', { name: 'Import (0 to add)' })).toBeDisabled();
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('region', { name: 'Dry run: nothing was written' }).getByText('Applications an import would add now: 0. Rows imported before: 2. Rows with problems, not imported: 1.', { exact: true })).toBeVisible();
  expect(applicationRecords(app)).toBe(before + 4);
});

test('a file that is not a sheet gets a clear error and nothing is written', async ({ page, app }, testInfo) => {
  actAsCurator(app);
  await page.goto(`${app.url.split('#')[0]}#/import`);
  await expect(page.getByRole('heading', { name: 'Import applications', level: 1 })).toBeVisible();
  const before = { changes: app.countRows('changes'), records: app.countRows('records') };
  // A PNG renamed to .csv: binary, not text.
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await chooseFile(page, 'applicants.csv', Buffer.concat([png, Buffer.alloc(64)]));
  const alert = page.getByRole('alert').filter({ hasText: 'The file could not be imported' });
  await expect(alert).toContainText('This file is not a text sheet: it holds binary data. Nothing was imported.');
  await expect(page.getByRole('button', { name: 'Dry run' })).toHaveCount(0);
  expect({ changes: app.countRows('changes'), records: app.countRows('records') }).toEqual(before);
  await expectAccessible(page, testInfo, 'import-unreadable');
  await saveScreenshot(page, testInfo, 'import-unreadable');

  // The same in Bahasa Indonesia: the screen and the error in the curator's language.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('Bahasa Indonesia', { exact: true }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Impor lamaran' }).click();
  await expect(page.getByRole('heading', { name: 'Impor lamaran', level: 1 })).toBeVisible();
  await expect(page.getByText('Belum ada berkas yang dipilih.')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Berkas lembar \(CSV atau XLSX\)/ }).press('Enter');
  await (await chooser).setFiles({ name: 'pelamar.csv', mimeType: 'text/csv', buffer: Buffer.concat([png, Buffer.alloc(64)]) });
  await expect(page.getByRole('alert').filter({ hasText: 'Berkas tidak dapat diimpor' })).toContainText('Berkas ini tidak dapat dibaca sebagai lembar CSV atau Excel (XLSX)');
  expect({ changes: app.countRows('changes'), records: app.countRows('records') }).toEqual(before);
  await expectAccessible(page, testInfo, 'import-unreadable-id');
  await saveScreenshot(page, testInfo, 'import-unreadable-id');
});
