// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { runServer } from '../../../../electron/core/sync/testing';
import { CoreBridge } from '../../test/coreBridge';
import { fill, renderApp, setupUser } from '../../test/renderApp';
import { signedInStatus } from '../../test/syncStatus';

const section = () => screen.getByTestId('sync-settings');
const field = (name: RegExp) => within(section()).getByRole('textbox', { name });

/** The sync form of Settings on a fresh core, which is not set up for sync. */
async function openSyncSettings(locale: 'en' | 'id' = 'en') {
  const user = setupUser();
  const bridge = new CoreBridge();
  renderApp({ bridge, hash: '#/settings', locale });
  await within(await screen.findByTestId('sync-settings')).findByTestId('sync-enroll-form');
  return { user, bridge };
}

describe('Settings → Sync', () => {
  it('checks the address and the code before anything is sent', async () => {
    const { user, bridge } = await openSyncSettings();
    await user.click(within(section()).getByRole('button', { name: 'Connect' }));
    expect(await within(section()).findByText('Enter the server address.')).toBeTruthy();
    expect(within(section()).getByText('An enrollment code is 16 letters and digits, like ABCD-EFGH-JKLM-NPQR.')).toBeTruthy();

    await fill(user, field(/Server address/), 'http://sync.accsm.example');
    await fill(user, field(/Enrollment code/), 'abcd-efgh');
    await user.click(within(section()).getByRole('button', { name: 'Connect' }));
    expect(await within(section()).findByText('Use an address starting with https://. Plain http:// is allowed only to this computer (localhost).')).toBeTruthy();
    expect(field(/Enrollment code/).getAttribute('aria-invalid')).toBe('true');
    // Typed in lower case, shown as the administrator wrote it.
    expect((field(/Enrollment code/) as HTMLInputElement).value).toBe('ABCD-EFGH');
    expect(bridge.callsOf('sync.enroll')).toEqual([]);
  });

  it('says the same in Bahasa Indonesia', async () => {
    const { user } = await openSyncSettings('id');
    await fill(user, field(/Alamat server/), 'sync.accsm.example');
    await user.click(within(section()).getByRole('button', { name: 'Hubungkan' }));
    expect(await within(section()).findByText('Awali alamat dengan https://.')).toBeTruthy();
    expect(within(section()).getByText('Kode pendaftaran terdiri atas 16 huruf dan angka, seperti ABCD-EFGH-JKLM-NPQR.')).toBeTruthy();
  });

  it('puts a code the server refuses under the code field, in the curator’s language', async () => {
    const central = await runServer();
    try {
      const { user, bridge } = await openSyncSettings('id');
      await fill(user, field(/Alamat server/), central.url);
      // Well formed, but never issued by this server.
      await fill(user, field(/Kode pendaftaran/), 'ABCD-EFGH-JKLM-NPQR');
      await user.click(within(section()).getByRole('button', { name: 'Hubungkan' }));
      expect(
        await within(section()).findByText('Kode pendaftaran ini tidak dikenal, sudah kedaluwarsa, atau sudah dipakai. Mintalah kode baru kepada administrator Anda.', {}, { timeout: 15_000 }),
      ).toBeTruthy();
      expect(field(/Kode pendaftaran/).getAttribute('aria-invalid')).toBe('true');
      expect(bridge.callsOf('sync.enroll')).toEqual([{ serverUrl: central.url, code: 'ABCD-EFGH-JKLM-NPQR' }]);
    } finally {
      await central.close();
    }
  });

  it('says the server cannot be reached when nothing answers at the address', async () => {
    const { user } = await openSyncSettings();
    // Port 9 on loopback (discard): nothing listens there in a test environment.
    await fill(user, field(/Server address/), 'http://127.0.0.1:9');
    await fill(user, field(/Enrollment code/), 'ABCD-EFGH-JKLM-NPQR');
    await user.click(within(section()).getByRole('button', { name: 'Connect' }));
    const alert = await within(section()).findByRole('alert', {}, { timeout: 15_000 });
    // Connecting, not syncing: nothing "tries again" by itself.
    expect(alert.textContent).toContain('No server answered at this address. Check the address and this computer’s network connection, then press Connect again.');
    expect(within(section()).getByTestId('sync-enroll-form')).toBeTruthy();

    // The next mistake is caught at the field: the earlier answer goes, and the focus moves to the field.
    await fill(user, field(/Server address/), 'sync.accsm.example');
    await user.click(within(section()).getByRole('button', { name: 'Connect' }));
    expect(await within(section()).findByText('Start the address with https://.')).toBeTruthy();
    expect(within(section()).queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(field(/Server address/));
  });

  it('says plainly that a pasted text is too long for an address, in both languages', async () => {
    const { user } = await openSyncSettings('id');
    await user.click(field(/Alamat server/));
    await user.paste(`https://${'a'.repeat(10_000)}.example`);
    await user.click(within(section()).getByRole('button', { name: 'Hubungkan' }));
    expect(await within(section()).findByText('Terlalu panjang untuk alamat server (paling banyak 500 karakter). Tempelkan hanya alamat yang diberikan administrator Anda.')).toBeTruthy();
  });

  it('connects to the real server: shows who this computer is signed in as, moves the focus there, and syncs', async () => {
    const central = await runServer();
    try {
      const siti = await central.user({ name: 'Siti Rahmawati', role: 'focal_point', country: 'ID' });
      const { user } = await openSyncSettings();
      await fill(user, field(/Server address/), `${central.url}/`);
      await fill(user, field(/Enrollment code/), siti.code.toLowerCase());
      await user.click(within(section()).getByRole('button', { name: 'Connect' }));
      const heading = await within(section()).findByTestId('sync-signed-in', {}, { timeout: 15_000 });
      expect(heading.textContent).toBe('Signed in as Siti Rahmawati (National focal point, Indonesia)');
      await waitFor(() => expect(document.activeElement).toBe(heading));
      expect(within(section()).getByTestId('sync-table').textContent).toContain(central.url);
      expect(await screen.findByText('Connected to the server as Siti Rahmawati')).toBeTruthy();
      // The first sync runs at once; its end reaches the status line by event.
      await waitFor(() => expect(within(screen.getByTestId('sync-status')).getByRole('status').textContent).toBe('Synced'), { timeout: 15_000 });
      expect(within(section()).getByRole('button', { name: 'Sync now' })).toBeTruthy();
    } finally {
      await central.close();
    }
  });

  it('asks before signing out, saying that local changes stay, then offers the form again', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    renderApp({ bridge, hash: '#/settings' });
    await screen.findByTestId('sync-settings');
    bridge.emit('sync', signedInStatus({ lastSyncedAt: Date.now(), waiting: 2 }));
    await user.click(await within(section()).findByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out of sync?' });
    expect(dialog.textContent).toContain('Everything on this computer stays here, including changes not sent yet');
    expect(dialog.textContent).toContain('2 changes made here have not been sent yet.');
    // Cancel is the safe default: it has the focus.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' })));
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    expect(await within(section()).findByTestId('sync-enroll-form')).toBeTruthy();
    expect(await screen.findByText('Signed out of sync. Changes made on this computer stay here.')).toBeTruthy();
    expect(bridge.callsOf('sync.signOut')).toHaveLength(1);
  });
});
