// @vitest-environment jsdom
import '../../test/setup-dom';
import { execFileSync } from 'node:child_process';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../../electron/core/app';
import type { HubStatus } from '../../../../shared/contract/hub';
import { runServer, type RunningServer } from '../../../../electron/core/sync/testing';
import { CoreBridge } from '../../test/coreBridge';
import { fill, renderApp, setupUser } from '../../test/renderApp';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { freePort } from '../../../../electron/core/free-port';

/** The hub panels over the real core: its hub listens with TLS on 127.0.0.1 (test mode). */

let servers: RunningServer[] = [];
const hosts: Core[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) {
    await h.dispatch('hub.stop', {});
    h.close();
  }
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/**
 * The hub's certificate, made in a plain Node process: under jsdom, WebCrypto (which
 * `selfsigned` uses) refuses jsdom's buffers. The core finds it in `<dataDir>/hub` as it would
 * its own from an earlier run.
 */
function preMakeCertificate(dataDir: string): void {
  const script = `
    const { generate } = require(require.resolve('selfsigned', { paths: [process.cwd()] }));
    const fs = require('node:fs'); const path = require('node:path');
    const dir = path.join(process.argv[1], 'hub'); fs.mkdirSync(dir, { recursive: true });
    generate([{ name: 'commonName', value: 'test hub' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notAfterDate: new Date(Date.now() + 400 * 864e5) })
      .then((m) => { fs.writeFileSync(path.join(dir, 'key.pem'), m.private, { mode: 0o600 }); fs.writeFileSync(path.join(dir, 'cert.pem'), m.cert); });`;
  execFileSync(process.execPath, ['-e', script, dataDir]);
}
/** hub.status of a core, typed (Core.dispatch answers `unknown`). */
async function hubStatus(core: Core): Promise<HubStatus> {
  const r = await core.dispatch('hub.status', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as HubStatus;
}
const bridgeDir = (bridge: CoreBridge) => (bridge as unknown as { dir: string }).dir;


describe('Workshop hub in Settings', () => {
  it('hosts: starts the hub and shows address, pairing code in groups and QR code, then stops it', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    preMakeCertificate(bridgeDir(bridge));
    renderApp({ bridge, hash: '#/settings' });
    const section = await screen.findByRole('region', { name: 'Workshop hub' });
    // Not signed in with central: the hub does not start, and the panel says who may host.
    await user.click(await within(section).findByRole('button', { name: 'Start the hub' }));
    expect((await within(section).findByRole('alert')).textContent).toMatch(/Only a curator or an administrator/);
    const central = await runServer();
    servers.push(central);
    expect((await bridge.core.dispatch('sync.enroll', { serverUrl: central.url, code: (await central.user({ name: 'Hana Host' })).code })).ok).toBe(true);
    const port = await within(section).findByRole('textbox', { name: /Port/ });
    await user.clear(port);
    await user.type(port, String(await freePort()));
    await user.click(within(section).getByRole('button', { name: 'Start the hub' }));

    const running = await within(section).findByTestId('hub-host-running', {}, { timeout: 5000 });
    const status = { value: await hubStatus(bridge.core) };
    const groups = within(within(running).getByTestId('hub-code')).getAllByText(/^[A-HJ-NP-Z2-9]{4}$/);
    expect(groups.map((g) => g.textContent).join('-')).toBe(status.value.code);
    expect(within(running).getByText(status.value.addresses[0]!)).toBeTruthy();
    expect(within(running).getByRole('img', { name: 'QR code with the hub address and pairing code' }).getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(within(running).getByText(/Laptops joined: 0/)).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Stop the hub' }));
    expect(await within(section).findByRole('button', { name: 'Start the hub' })).toBeTruthy();
    expect((await hubStatus(bridge.core)).running).toBe(false);
  });

  it('joins a real hub by keyboard, and explains a wrong code, in Bahasa Indonesia too', async () => {
    const central = await runServer();
    servers.push(central);
    const hostUser = await central.user({ name: 'Hana Host' });
    const joiner = await central.user({ name: 'Ana Peserta' });
    const hostDir = mkdtempSync(join(tmpdir(), 'curator-hub-host-'));
    preMakeCertificate(hostDir);
    const host = openCore({ dataDir: hostDir, mode: 'test', actor: 'host' });
    hosts.push(host);
    const enrolled = await host.dispatch('sync.enroll', { serverUrl: central.url, code: hostUser.code });
    expect(enrolled.ok).toBe(true);
    // The host needs Ana's user record (from central) to admit her laptop.
    await new Promise<void>((resolve) => {
      const off = host.on('sync', (s) => {
        if (s.state !== 'idle' || !s.lastSyncedAt) return;
        off();
        resolve();
      });
    });
    const hosting = await host.dispatch('hub.start', { port: 0, newCode: false });
    if (!hosting.ok) throw new Error(hosting.error.message);
    const { addresses, code } = hosting.value as HubStatus;

    const bridge = new CoreBridge();
    expect((await bridge.core.dispatch('sync.enroll', { serverUrl: central.url, code: joiner.code })).ok).toBe(true);
    const user = setupUser();
    renderApp({ bridge, hash: '#/settings', locale: 'id' });
    const section = await screen.findByRole('region', { name: 'Hub lokakarya' });
    await user.click(await within(section).findByRole('tab', { name: 'Bergabung ke hub lokakarya' }));
    await fill(user, within(section).getByRole('textbox', { name: 'Alamat hub' }), addresses[0]!);
    const codeField = within(section).getByRole('textbox', { name: /Kode pemasangan atau teks QR/ });
    const wrong = `${code!.slice(0, 20)}AAAA-BBBB-CCCC-DDDD`;
    await fill(user, codeField, wrong);
    await user.keyboard('{Enter}');
    expect(await within(section).findByText(/Hub tidak menerima kode pemasangan ini/, {}, { timeout: 5000 })).toBeTruthy();

    await user.clear(codeField);
    await fill(user, codeField, code!);
    await user.keyboard('{Enter}');
    const joined = await within(section).findByTestId('hub-joined', {}, { timeout: 5000 });
    expect(within(joined).getByText(new RegExp(`melalui hub lokakarya di ${addresses[0]!.replace(/[.]/g, '\\.')}`))).toBeTruthy();
    await waitFor(async () => {
      expect((await hubStatus(host)).devices.joined).toBe(1);
    });

    await user.click(within(joined).getByRole('button', { name: 'Keluar dari hub' }));
    await waitFor(() => expect(within(section).queryByTestId('hub-joined')).toBeNull());
  });

  it('says plainly when another computer answers at the hub address, or none does', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    bridge.failNext['hub.join'] = { code: 'CERT_MISMATCH', message: 'The computer at https://10.0.0.5:47800 is not the hub.' };
    renderApp({ bridge, hash: '#/settings' });
    const section = await screen.findByRole('region', { name: 'Workshop hub' });
    await user.click(await within(section).findByRole('tab', { name: 'Join a workshop hub' }));
    await fill(user, within(section).getByRole('textbox', { name: /Pairing code or QR text/ }), 'K7QM-2XRD-9PLT-AZ4N-HW3C-EJ8B-TQ6V-MR2Y');
    await user.click(within(section).getByRole('button', { name: 'Join the hub' }));
    expect((await within(section).findByRole('alert')).textContent).toMatch(/not the hub this code belongs to/);

    // Unreachable, for real: nothing listens at this address.
    await fill(user, within(section).getByRole('textbox', { name: 'Hub address' }), `https://127.0.0.1:${await freePort()}`);
    await user.click(within(section).getByRole('button', { name: 'Join the hub' }));
    // This laptop is not signed in with central: that is said first, before any connection.
    expect((await within(section).findByRole('alert')).textContent).toMatch(/Sign in to the central server once/);
  });
});
