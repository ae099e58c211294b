import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { minimalPdf } from '../electron/core/services/attachments/testing';
import { hasReference } from '../electron/core/services/kiosk/reference';
import { translate } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';
import { expect, saveScreenshot, test } from './fixtures';
import { assignRefused, attach, enterKioskPin, fillApplicantDetails, openKioskExit, seedPeople, signAndSend, startKiosk } from './vetting-steps';

/**
 * Issue 7's whole path in one window of a small laptop (1024×700), by role and label only,
 * against the real core in browser mode: a curator starts the workshop kiosk; an applicant from
 * Timor-Leste applies in it; the curator leaves with the PIN, opens the application, screens it
 * eligible, is refused a reviewer with a conflict of interest (same country, which the
 * secretariat's default settings treat as a conflict), assigns the other reviewer; the review
 * comes in; the curator accepts, the application is published with a link to the expert, and the
 * decision letter downloads as a real PDF. A conflict between two laptops, resolved in the
 * window, is e2e/vetting-conflict.spec.ts (through a real central server). The review is written in the UI by switching profile
 * (Settings → Your profile → Switch profile), as two people sharing the laptop would.
 */

test.use({ viewport: { width: 1024, height: 700 }, locale: 'en-GB' });

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);

/** Settings → Your profile → Switch profile → the person → Continue, as someone sharing the laptop would. */
async function switchProfile(page: Page, name: string) {
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.settings'), exact: true }).click();
  await page.getByRole('button', { name: t('oversight.profile.switch') }).click();
  const dialog = page.getByRole('dialog', { name: t('oversight.profile.title') });
  await dialog.getByRole('radiogroup', { name: t('oversight.profile.existing') }).getByRole('radio', { name: new RegExp(`^${name}`) }).check();
  await dialog.getByRole('button', { name: t('oversight.profile.continue') }).click();
  await expect(dialog).toBeHidden();
  // "You act as …": the line that says whose profile this laptop now acts for.
  await expect(page.getByText(t('oversight.profile.actingAs', { who: '' }).replace(/\.$/, '').trim())).toContainText(name);
}

test('kiosk intake → screening → refused conflicted reviewer → review → accept → published expert → letter', async ({ page, app }, testInfo) => {
  // Kiosk (scrypt PIN hashing), screening, assignment, decision and a PDF letter on a shared
  // 2-core machine: far longer than the default 30 s. No assertion is on elapsed time.
  test.setTimeout(240_000);

  // The curator's profile and the reviewer pool, through the core's API as the other specs do.
  const { curatorId, reviewerIds } = await seedPeople(app, 'Siti Rahma', [
    ['João Soares', 'TL', 'Civil Service Commission'],
    ['Mali Chai', 'TH', 'OCSC'],
  ]);
  const mali = reviewerIds[1]!;

  // The curator starts the kiosk from Settings; the form opens in Indonesian.
  await startKiosk(page, app, '4821');

  // The applicant fills in the form.
  await page.getByLabel(/Nama depan/).fill('Ana');
  await page.getByLabel('Nama keluarga').fill('Pereira');
  await fillApplicantDetails(page, 'Dr. José Ramos');
  await attach(page, 'CV', { name: 'CV Ana Pereira.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
  await attach(page, 'Surat rekomendasi', { name: 'Surat rekomendasi.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
  await expect(page.getByRole('status', { name: 'Berkas terlampir' })).toHaveCount(2);
  const reference = await signAndSend(page, 'Ana Pereira');

  // The curator leaves the kiosk with the PIN.
  await enterKioskPin(await openKioskExit(page), '4821');
  await expect(page.getByRole('navigation', { name: t('nav.main') })).toBeVisible({ timeout: 30_000 });

  // The application is in the list; the curator opens it.
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.applications'), exact: true }).click();
  await page.getByRole('link', { name: new RegExp(`^Ana Pereira, ${t('vetting.stage.submitted')}`) }).click();
  await expect(page.getByRole('heading', { name: 'Ana Pereira', level: 1 })).toBeVisible();
  const id = (await app.call('applications.list', {})).items.map((item) => item.id).find((candidate) => hasReference(candidate, reference));
  expect(id, `the application with reference ${reference}`).toBeDefined();

  // Screening: every required criterion confirmed met, with a note saying what was checked.
  const form = page.getByRole('form', { name: t('apps.screening.form') });
  const criteria = form.getByRole('radiogroup').filter({ has: page.getByRole('radio', { name: t('apps.check.met'), exact: true }) });
  for (const group of await criteria.all()) await group.getByRole('radio', { name: t('apps.check.met'), exact: true }).check();
  for (const note of await form.getByRole('textbox', { name: /^Note on/ }).all()) await note.fill('Checked against the documents at the workshop.');
  await form.getByRole('radio', { name: t('apps.screening.outcome.eligible'), exact: true }).check();
  await form.getByRole('button', { name: t('apps.screening.submit') }).click();
  await expect(page.getByRole('status', { name: t('apps.stage.label') })).toHaveText(t('vetting.stage.eligible'));

  // The reviewer from the applicant's own country is refused, with the conflict shown.
  const dialog = await assignRefused(page, t, 'João Soares', t('vetting.interest.SAME_COUNTRY', { detail: 'Timor-Leste' }));
  await saveScreenshot(page, testInfo, 'flow-conflict-refused', { fullPage: false });
  // Not overridden: back to the pool, and the other reviewer is assigned.
  await dialog.getByRole('button', { name: t('common.cancel') }).click();
  await dialog.getByRole('button', { name: t('apps.assign.named', { name: 'Mali Chai' }) }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status', { name: t('apps.stage.label') })).toHaveText(t('vetting.stage.in_review'));
  await expect(page.getByRole('list', { name: t('apps.reviews.assigned') }).getByRole('listitem')).toHaveCount(1);
  expect((await app.call('applications.get', { id: id! })).state.assignments.map((a) => a.reviewerId)).toEqual([mali]);

  // The review, by the reviewer on this laptop: Settings → Your profile → Switch profile, then
  // My reviews; and back to the curator's profile afterwards.
  const appUrl = page.url();
  await switchProfile(page, 'Mali Chai');
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.reviews'), exact: true }).click();
  await page.getByRole('link', { name: 'Ana Pereira', exact: true }).click();
  const review = page.getByRole('form', { name: t('oversight.review.formTitle') });
  for (const [criterion, score] of [['Depth of expertise', '4'], ['Relevant experience', '5'], ['Contribution to the region', '4'], ['Communication and training', '3']] as const) {
    await review.getByRole('radiogroup', { name: new RegExp(`^${criterion}`) }).getByRole('radio', { name: score, exact: true }).check();
  }
  await review.getByRole('radiogroup', { name: new RegExp(`^${t('oversight.review.recommendation')}`) }).getByRole('radio', { name: t('oversight.recommendation.accept'), exact: true }).check();
  await review.getByRole('textbox', { name: t('oversight.review.comments') }).fill('Strong practitioner record in civil-service HR.');
  await review.getByRole('button', { name: t('oversight.review.submit') }).click();
  await expect(page.getByText(t('oversight.review.submitted'))).toBeVisible({ timeout: 30_000 });
  expect((await app.call('applications.get', { id: id! })).state.reviews.map((r) => [r.reviewerId, r.recommendation])).toEqual([[mali, 'accept']]);
  await switchProfile(page, 'Siti Rahma');
  expect((await app.call('profile.get', {})).user?.id).toBe(curatorId);
  await page.goto(appUrl);
  await expect(page.getByText('Strong practitioner record in civil-service HR.')).toBeVisible({ timeout: 30_000 });

  // The curator accepts.
  await page.getByRole('button', { name: t('apps.actions.decided') }).click();
  const decide = page.getByRole('dialog', { name: t('apps.actions.decided') });
  await decide.getByRole('radio', { name: t('apps.decide.option.accept') }).check();
  await decide.getByRole('button', { name: t('apps.step.submit.decided') }).click();
  await expect(decide).toBeHidden();
  await expect(page.getByRole('status', { name: t('apps.stage.label') })).toHaveText(t('vetting.stage.published'));
  const expertLink = page.getByRole('link', { name: t('apps.header.published') });
  await expect(expertLink).toBeVisible();
  await saveScreenshot(page, testInfo, 'flow-published', { fullPage: false });

  // The decision letter downloads, a real PDF named after the applicant.
  await page.getByRole('button', { name: t('apps.export.letter') }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: t('apps.export.letterAs', { language: 'English', format: 'PDF' }) }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/Pereira.*\.pdf$/i);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

  // The link leads to the published expert.
  await expertLink.click();
  await expect(page.getByRole('heading', { name: /Ana Pereira/, level: 1 })).toBeVisible();
  await saveScreenshot(page, testInfo, 'flow-expert', { fullPage: false });
});
