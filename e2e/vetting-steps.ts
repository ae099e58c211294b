import type { Locator, Page } from '@playwright/test';
import type { MessageKey } from '../renderer/src/i18n/en';
import type { CountryCode } from '../shared/model/countries';
import { expect, type App } from './fixtures';

/**
 * Steps the vetting specs (kiosk, applications, the whole flow) take the same way, written once:
 * the people a test needs, the kiosk started and left with its PIN, the applicant's signatures,
 * and a conflicted reviewer refused. Each step asserts what it needs before the next one can run.
 */

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A Mantine select: open it by its label, pick the option by its exact name. */
async function choose(page: Page, label: string | RegExp, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The curator's profile on this device and a pool of reviewers, through the core's API. */
export async function seedPeople(
  app: App,
  curatorName: string,
  reviewers: readonly (readonly [name: string, country: CountryCode, agency: string])[] = [],
): Promise<{ curatorId: string; reviewerIds: string[] }> {
  const profile = await app.call('profile.create', { name: curatorName, role: 'curator', email: '', country: null, agency: 'ACCSM Secretariat', expertise: [], declaredConflicts: [], disabled: false });
  const reviewerIds: string[] = [];
  for (const [name, country, agency] of reviewers) {
    const saved = await app.call('users.save', { fields: { name, role: 'reviewer', email: '', country, agency, expertise: [], declaredConflicts: [], disabled: false } });
    reviewerIds.push(saved.id);
  }
  return { curatorId: profile.user!.id, reviewerIds };
}

/**
 * Settings → Workshop kiosk: the PIN twice, the form in Bahasa Indonesia, Start. `beforeStart`
 * runs with the panel filled in (a screenshot). Ends on the kiosk form, with no navigation.
 */
export async function startKiosk(page: Page, app: App, pin: string, beforeStart?: () => Promise<unknown>): Promise<void> {
  await page.goto(`${app.url.split('#')[0]}#/settings`);
  const panel = page.getByRole('region', { name: 'Workshop kiosk' });
  await panel.getByLabel('PIN to leave the kiosk').fill(pin);
  await panel.getByLabel('The PIN again').fill(pin);
  await choose(page, 'The form opens in', 'Bahasa Indonesia');
  await beforeStart?.();
  await panel.getByRole('button', { name: 'Start the kiosk' }).click();
  // Hashing the PIN (scrypt) takes a moment on a busy machine.
  await expect(page.getByRole('heading', { name: 'Lamaran untuk bergabung dengan kelompok pakar', level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('navigation')).toHaveCount(0);
}

/**
 * The kiosk form, in Indonesian, after the name: a practitioner from Timor-Leste, nominated by
 * Timor-Leste, 12 years' experience, recommended by `recommender` of a government body.
 */
export async function fillApplicantDetails(page: Page, recommender: string): Promise<void> {
  await choose(page, /^Negara\s*\*?$/, 'Timor-Leste');
  await page.getByRole('radio', { name: 'Praktisi' }).check();
  await choose(page, /Negara anggota yang mengusulkan/, 'Timor-Leste');
  await page.getByLabel('Lama pengalaman', { exact: false }).fill('12');
  await page.getByLabel('Direkomendasikan oleh').fill(recommender);
  await page.getByLabel('Organisasi pemberi rekomendasi').fill('Komisi Pegawai Negeri Sipil');
  await page.getByRole('radio', { name: 'Lembaga pemerintah' }).check();
}

/** An attachment field: a group named by its label, holding the file input of the same name, the file attached and its problem. */
export const attachmentField = (page: Page, label: string): Locator => page.getByRole('group', { name: label, exact: true });

/** Chooses a file for an attachment field, as the applicant's file dialog would. */
export async function attach(page: Page, label: string, files: Parameters<Locator['setInputFiles']>[0]): Promise<void> {
  await attachmentField(page, label).getByLabel(label, { exact: true }).setInputFiles(files);
}

/** The kiosk form's last part, in Indonesian: consent, the three signatures, send. Returns the reference shown. */
export async function signAndSend(page: Page, signedName: string): Promise<string> {
  await page.getByRole('checkbox', { name: 'Keahlian' }).check();
  for (const what of ['Kode etik', 'Independensi', 'Tanggung jawab atas informasi']) {
    await page.getByLabel(`Ketik nama lengkap Anda untuk menandatangani: ${what}`, { exact: false }).fill(signedName);
  }
  await page.getByRole('button', { name: 'Kirim lamaran saya' }).click();
  await expect(page.getByRole('heading', { name: 'Terima kasih', level: 1 })).toBeVisible();
  return (await page.getByRole('status', { name: 'Nomor referensi Anda' }).textContent())!;
}

/** Keluar dari kios: opens the exit dialog and returns it. */
export async function openKioskExit(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Keluar dari kios' }).click();
  return page.getByRole('dialog', { name: 'Keluar dari kios' });
}

/** Types a PIN in the open exit dialog and presses Keluar dari kios. */
export async function enterKioskPin(dialog: Locator, pin: string): Promise<void> {
  await dialog.getByLabel('PIN kurator').fill(pin);
  await dialog.getByRole('button', { name: 'Keluar dari kios' }).click();
}

/**
 * On an application page: Assign reviewers → the reviewer → refused, with the conflict shown.
 * Returns the still-open dialog, for an override or a cancel.
 */
export async function assignRefused(page: Page, t: Translate, reviewer: string, conflict: string): Promise<Locator> {
  await page.getByRole('button', { name: t('apps.assign.open') }).click();
  const dialog = page.getByRole('dialog', { name: t('apps.assign.title') });
  await dialog.getByRole('button', { name: t('apps.assign.named', { name: reviewer }) }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText(t('apps.assign.refusedTitle', { name: reviewer }));
  await expect(refusal).toContainText(conflict);
  return dialog;
}
