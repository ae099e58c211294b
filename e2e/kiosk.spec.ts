import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { minimalPdf } from '../electron/core/services/attachments/testing';
import { hasReference } from '../electron/core/services/kiosk/reference';
import { expectAccessible } from './axe';
import { expect, saveScreenshot, test } from './fixtures';
import { attach, attachmentField, enterKioskPin, fillApplicantDetails, openKioskExit, seedPeople, signAndSend, startKiosk } from './vetting-steps';

/**
 * The workshop kiosk from start to finish, in browser mode against the real core, at the size
 * of a small laptop: a curator starts it, an applicant fills the form in Indonesian (a real PDF,
 * a text file named .pdf, a 50 MB file), signs and sends; a wrong PIN does not leave, the
 * right one does, and the application is there with source 'kiosk'.
 */

test.use({ viewport: { width: 1024, height: 700 } });

const attached = (field: Locator) => field.getByRole('status', { name: 'Berkas terlampir' });

test('a curator starts the kiosk; an applicant applies in Indonesian with documents; the PIN ends it', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const { curatorId: curator } = await seedPeople(app, 'Siti Rahma');
  const scratch = mkdtempSync(join(tmpdir(), 'curator-kiosk-files-'));
  try {
    const huge = join(scratch, 'scan.pdf');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x25));

    // The curator starts the kiosk from Settings, in Indonesian: only the form, no navigation.
    await startKiosk(page, app, '4821', () => saveScreenshot(page, testInfo, 'kiosk-start', { fullPage: false }));
    // No header links, no search either.
    await expect(page.getByRole('searchbox')).toHaveCount(0);
    await expect(page.getByRole('link')).toHaveCount(0);
    await expect(page.getByRole('radio', { name: 'Bahasa Indonesia' })).toBeChecked();
    await saveScreenshot(page, testInfo, 'kiosk-form', { fullPage: false });
    await expectAccessible(page, testInfo, 'kiosk-form');

    // Keyboard: the first field takes typing, Tab moves on.
    await page.getByLabel(/Nama depan/).fill('Ana');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pereira');
    await expect(page.getByLabel('Nama keluarga')).toHaveValue('Pereira');
    await fillApplicantDetails(page, 'Dr. João Soares');

    const storedBefore = app.countRows('attachments');
    // A text file renamed .pdf: a clear error under the field, nothing attached or stored.
    await attach(page, 'CV', { name: 'CV Ana.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Curriculum vitae: Ana Pereira, Dili.') });
    const cv = attachmentField(page, 'CV');
    await expect(cv.getByRole('alert')).toHaveText('Berkas CV Ana.pdf dinamai sebagai berkas PDF, tetapi isinya bukan. Tidak ada yang dilampirkan. Lampirkan dokumen yang asli, atau simpan ulang sebagai PDF.');
    await expect(attached(cv)).toHaveCount(0);
    // 50 MB: refused in the window, before it is read.
    await attach(page, 'CV', huge);
    await expect(cv.getByRole('alert')).toContainText('Berkas scan.pdf berukuran 50 MB; batasnya 10 MB. Tidak ada yang dilampirkan.');
    expect(app.countRows('attachments')).toBe(storedBefore);
    await cv.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await saveScreenshot(page, testInfo, 'kiosk-attachment-errors', { fullPage: false });

    // A real PDF is accepted.
    await attach(page, 'Surat rekomendasi', { name: 'Surat rekomendasi.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await expect(attached(attachmentField(page, 'Surat rekomendasi'))).toHaveText(/^Surat rekomendasi\.pdf \(\d+ KB\)$/);
    expect(app.countRows('attachments')).toBe(storedBefore + 1);

    const reference = await signAndSend(page, 'Ana Pereira');
    await expect(page.getByRole('heading', { name: 'Terima kasih', level: 1 })).toBeFocused();
    expect(reference).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    await saveScreenshot(page, testInfo, 'kiosk-thanks', { fullPage: false });
    await expectAccessible(page, testInfo, 'kiosk-thanks');

    // Next applicant: a clean form.
    await page.getByRole('button', { name: 'Pelamar berikutnya' }).click();
    await expect(page.getByLabel(/Nama depan/)).toHaveValue('');

    // A wrong PIN does not leave; the right one does.
    const dialog = await openKioskExit(page);
    await enterKioskPin(dialog, '1234');
    await expect(dialog.getByRole('alert')).toHaveText('PIN salah. Tersisa 4 percobaan sebelum pengisian PIN dijeda.');
    await saveScreenshot(page, testInfo, 'kiosk-wrong-pin', { fullPage: false });
    await expectAccessible(page, testInfo, 'kiosk-exit-dialog');
    await enterKioskPin(dialog, '4821');
    await expect(page.getByRole('navigation')).toBeVisible();

    // The application is there, taken at the kiosk, written as the curator who started it.
    const ids = (await app.call('applications.list', {})).items.map((item) => item.id);
    const id = ids.find((candidate) => hasReference(candidate, reference));
    expect(id, `an application with reference ${reference} among ${ids.join(', ')}`).toBeDefined();
    const stored = await app.call('applications.get', { id: id! });
    expect(stored.fields).toMatchObject({
      givenName: 'Ana',
      familyName: 'Pereira',
      source: 'kiosk',
      applicantType: 'practitioner',
      nominatingCountry: 'TL',
      recommenderBody: 'government',
      consentSections: ['expertise'],
      cv: null,
      recommendationLetter: { name: 'Surat rekomendasi.pdf', mime: 'application/pdf' },
      declarations: { codeOfConduct: { signedName: 'Ana Pereira' }, independence: { signedName: 'Ana Pereira' }, responsibility: { signedName: 'Ana Pereira' } },
    });
    expect(stored.events.map((e) => [e.type, e.by])).toEqual([['submitted', curator]]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
