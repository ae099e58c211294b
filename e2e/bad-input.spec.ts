import { makePng } from '../electron/web/testing';
import { expect, saveScreenshot, test } from './fixtures';

test.describe('bad input in the UI gets a clear message and writes nothing', () => {
  test('an invalid email shows the message under the field and nothing is saved', async ({ page, app, form }, testInfo) => {
    const before = { changes: app.countRows('changes'), records: app.countRows('records') };
    await form.openNew();
    await form.givenName.fill('Siti');
    await form.familyName.fill('Rahmawati');
    await form.setCountry('Indonesia');
    await form.email.fill('siti.rahmawati@');
    await form.create();

    await form.expectFieldError(form.email, 'Enter an email address such as name@agency.gov.');
    // Still on the form, with what the curator typed.
    await expect(page.getByRole('heading', { name: 'New expert', level: 1 })).toBeVisible();
    await expect(form.givenName).toHaveValue('Siti');
    // A viewport shot: in a full-page one the sticky Save bar would cover the email field.
    await form.email.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await saveScreenshot(page, testInfo, 'invalid-email', { fullPage: false });
    expect({ changes: app.countRows('changes'), records: app.countRows('records') }).toEqual(before);
    expect((await app.call('experts.search', {})).total).toBe(0);

    // Correcting the field clears the message and the expert is created.
    await form.email.fill('siti.rahmawati@bkn.go.id');
    await expect(form.email).not.toHaveAttribute('aria-invalid', 'true');
    await form.create();
    await expect(page.getByRole('heading', { name: 'Siti Rahmawati', level: 1 })).toBeVisible();
    expect((await app.call('experts.search', {})).total).toBe(1);
  });

  test('a required field left empty is named, and nothing is saved', async ({ app, form }) => {
    await form.openNew();
    await form.familyName.fill('Rahmawati');
    await form.create();
    await form.expectFieldError(form.givenName, 'Enter the given name.');
    await form.expectFieldError(form.form.getByRole('combobox', { name: 'Country', exact: true }), 'Choose one of the 11 ASEAN member states.');
    expect(app.countRows('records')).toBe(0);
  });

  test('a file that claims to be a PNG but is not an image is refused by the core', async ({ page, app, form }, testInfo) => {
    await form.openNew();
    await form.choosePhoto({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.7\n% a CV, not a photo\n') });
    await expect(form.photoError).toHaveText(/This file is not a PNG, JPEG or WebP image/);
    await expect(form.photoPreview).toBeHidden();
    await form.photoError.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await saveScreenshot(page, testInfo, 'photo-not-an-image', { fullPage: false });
    expect(app.countRows('attachments')).toBe(0);
  });

  test('a photo of another type or over 5 MB is refused before it is sent', async ({ page, app, form }, testInfo) => {
    await form.openNew();
    await form.choosePhoto({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') });
    await expect(form.photoError).toHaveText('Choose a PNG, JPEG or WebP image.');

    const big = Buffer.concat([makePng(8, 8), Buffer.alloc(5 * 1024 * 1024 + 1)]);
    await form.choosePhoto({ name: 'big.png', mimeType: 'image/png', buffer: big });
    await expect(form.photoError).toHaveText('The photo is larger than 5 MB. Choose a smaller one.');
    await form.photoError.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await saveScreenshot(page, testInfo, 'photo-too-large', { fullPage: false });
    expect(app.countRows('attachments')).toBe(0);

    // A real photo after the refusals is accepted.
    await form.choosePhoto({ name: 'ok.png', mimeType: 'image/png', buffer: makePng(40, 40) });
    await expect(form.photoPreview).toBeVisible();
    await expect(form.photoError).toBeHidden();
    expect(app.countRows('attachments')).toBe(1);
  });
});
