// @vitest-environment jsdom
import '../../test/setup-dom';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minimalPdf } from '../../../../electron/core/services/attachments/testing';
import { CoreBridge } from '../../test/coreBridge';
import { fill, renderApp, setupUser } from '../../test/renderApp';
import { chooseProfile } from '../../test/profile';

type User = ReturnType<typeof setupUser>;

async function choose(user: User, label: RegExp | string, option: string) {
  await user.click(screen.getByLabelText(label, { selector: 'input' }));
  await user.click(await screen.findByRole('option', { name: option }));
}

const pdf = () => new File([new Uint8Array(minimalPdf())], 'Surat rekomendasi.pdf', { type: 'application/pdf' });
const fakePdf = () => new File(['Dear committee, I recommend Ana.'], 'CV.pdf', { type: 'application/pdf' });
/** A file that says it holds 50 MB; the form must refuse it by its size without reading it. */
function fiftyMegabytes(): File {
  const file = new File(['%PDF-'], 'scan.pdf', { type: 'application/pdf' });
  Object.defineProperty(file, 'size', { value: 50 * 1024 * 1024 });
  return file;
}

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

/** Starts the kiosk from Settings, as a curator does. */
async function startKiosk(user: User, bridge: CoreBridge, lang: 'English' | 'Bahasa Indonesia' = 'English') {
  renderApp({ bridge, hash: '#/settings' });
  const panel = await screen.findByRole('region', { name: 'Workshop kiosk' });
  await fill(user, within(panel).getByLabelText('PIN to leave the kiosk'), '4821');
  await fill(user, within(panel).getByLabelText('The PIN again'), '4812');
  await user.click(within(panel).getByRole('button', { name: 'Start the kiosk' }));
  expect(within(panel).getByText('The two PINs differ. Type the same PIN twice.')).toBeTruthy();
  await fill(user, within(panel).getByLabelText('The PIN again'), '4821');
  if (lang !== 'English') await choose(user, 'The form opens in', lang);
  await user.click(within(panel).getByRole('button', { name: 'Start the kiosk' }));
}

describe('the workshop kiosk', () => {
  it('shows only the application form; an applicant fills it in Indonesian, attaches, signs, sends and gets a reference', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    chooseProfile(bridge);
    await startKiosk(user, bridge);

    expect(await screen.findByRole('heading', { name: 'Application to join the pool of experts', level: 1 })).toBeTruthy();
    // Nothing of the curator's app: no navigation, no directory, no settings.
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Experts' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Settings' })).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Bahasa Indonesia' }));
    expect(await screen.findByRole('heading', { name: 'Lamaran untuk bergabung dengan kelompok pakar', level: 1 })).toBeTruthy();

    // Sending an empty form: a summary, the first field focused, messages in Indonesian.
    await user.click(screen.getByRole('button', { name: 'Kirim lamaran saya' }));
    expect((await screen.findByTestId('form-summary')).textContent).toMatch(/^Lamaran belum dikirim: \d+ isian perlu diperbaiki/);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Nama depan/)));
    expect(screen.getAllByText('Ketik nama lengkap Anda untuk menandatangani pernyataan ini.')).toHaveLength(3);
    expect(screen.getByText('Pilih akademisi, praktisi, atau keduanya.')).toBeTruthy();

    await fill(user, screen.getByLabelText(/Nama depan/), 'Ana');
    await choose(user, /^Negara\s*\*?$/, 'Timor-Leste');
    await user.click(screen.getByRole('radio', { name: 'Praktisi' }));
    await choose(user, /Negara anggota yang mengusulkan/, 'Timor-Leste');
    await fill(user, screen.getByLabelText('Direkomendasikan oleh'), 'Dr. João Soares');
    await user.click(screen.getByRole('radio', { name: 'Lembaga pemerintah' }));

    // A text file named .pdf: refused by its bytes, nothing attached, said in Indonesian.
    await user.upload(screen.getByLabelText('CV', { selector: 'input[type=file]' }), fakePdf());
    const cvField = screen.getByLabelText('CV', { selector: 'input[type=file]' }).closest<HTMLElement>('[data-testid="attachment-field"]')!;
    expect((await within(cvField).findByRole('alert')).textContent).toBe(
      'Berkas CV.pdf dinamai sebagai berkas PDF, tetapi isinya bukan. Tidak ada yang dilampirkan. Lampirkan dokumen yang asli, atau simpan ulang sebagai PDF.',
    );
    expect(within(cvField).queryByTestId('attachment-name')).toBeNull();

    // 50 MB: refused before the file is read or sent.
    const sentBefore = bridge.callsOf('kiosk.putAttachment').length;
    await user.upload(screen.getByLabelText('CV', { selector: 'input[type=file]' }), fiftyMegabytes());
    expect(within(cvField).getByRole('alert').textContent).toMatch(/^Berkas scan\.pdf berukuran 50 MB; batasnya 10 MB\. Tidak ada yang dilampirkan\./);
    expect(bridge.callsOf('kiosk.putAttachment')).toHaveLength(sentBefore);

    await user.upload(screen.getByLabelText('Surat rekomendasi', { selector: 'input[type=file]' }), pdf());
    expect((await screen.findByTestId('attachment-name')).textContent).toMatch(/^Surat rekomendasi\.pdf \(\d+ KB\)$/);

    for (const what of ['Kode etik', 'Independensi', 'Tanggung jawab atas informasi']) {
      await fill(user, screen.getByLabelText(`Ketik nama lengkap Anda untuk menandatangani: ${what}`, { exact: false }), 'Ana Pereira');
    }
    await user.click(screen.getByRole('button', { name: 'Kirim lamaran saya' }));

    expect(await screen.findByRole('heading', { name: 'Terima kasih' })).toBeTruthy();
    const reference = screen.getByTestId('kiosk-reference').textContent!;
    expect(reference).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    const [sent] = bridge.callsOf('kiosk.submit');
    expect(sent!.fields).toMatchObject({
      givenName: 'Ana',
      country: 'TL',
      nominatingCountry: 'TL',
      applicantType: 'practitioner',
      recommenderBody: 'government',
      recommendationLetter: { name: 'Surat rekomendasi.pdf', mime: 'application/pdf' },
      cv: null,
      declarations: { codeOfConduct: { signedName: 'Ana Pereira' }, independence: { signedName: 'Ana Pereira' }, responsibility: { signedName: 'Ana Pereira' } },
    });
    expect((await bridge.core.dispatch('kiosk.status', {})) as unknown).toEqual({ ok: true, value: { active: true, lang: 'en', submitted: 1 } });

    // The next applicant starts on a clean form, in the kiosk's language.
    await user.click(screen.getByRole('button', { name: 'Pelamar berikutnya' }));
    expect(await screen.findByRole('heading', { name: 'Application to join the pool of experts' })).toBeTruthy();
    expect((screen.getByLabelText(/Given name/) as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('attachment-name')).toBeNull();
  }, 120_000);

  it('comes back after a reload, refuses a wrong PIN with the tries left, and leaves with the right one', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    chooseProfile(bridge);
    await startKiosk(user, bridge, 'Bahasa Indonesia');
    expect(await screen.findByRole('heading', { name: 'Lamaran untuk bergabung dengan kelompok pakar' })).toBeTruthy();

    // A reload: a new window over the same core lands in the kiosk, never in the directory.
    cleanup();
    renderApp({ bridge, hash: '#/experts' });
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Lamaran untuk bergabung dengan kelompok pakar' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Keluar dari kios' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keluar dari kios' });
    await fill(user, within(dialog).getByLabelText('PIN kurator'), '1111');
    await user.click(within(dialog).getByRole('button', { name: 'Keluar dari kios' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('PIN salah. Tersisa 4 percobaan sebelum pengisian PIN dijeda.'));
    expect(screen.queryByRole('navigation')).toBeNull();

    await fill(user, within(dialog).getByLabelText('PIN kurator'), '4821');
    await user.click(within(dialog).getByRole('button', { name: 'Keluar dari kios' }));
    expect(await screen.findByRole('navigation')).toBeTruthy();
    expect((await bridge.core.dispatch('kiosk.status', {})) as unknown).toEqual({ ok: true, value: { active: false, lang: null, submitted: 0 } });
    // The applicant's language choice never became the curator's.
    expect(localStorage.getItem('curator.locale')).toBeNull();
  }, 60_000);

  it('says why it cannot start without a profile, and stays in the curator’s app', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    await startKiosk(user, bridge);
    expect((await screen.findByRole('alert')).textContent).toContain('Choose or create your profile first');
    expect(screen.getByRole('navigation')).toBeTruthy();
  });
});
