import { loadOrCreateCertificate, type HubCertificate } from '../../electron/core/hub/cert';
import { HubService } from '../../electron/core/hub/service';
import { fileSecretStore } from '../../electron/core/sync/secrets';
import type { Device } from './nodes';

/**
 * A workshop hub as the app hosts it ("Host a workshop hub"): the hub service of
 * electron/core/hub on a device's OWN database and funnel, listening with TLS on 127.0.0.1 with
 * the certificate kept in the device's data folder, joined by pairing code. The host device
 * edits like any other and syncs with central through its own sync engine (the relay).
 *
 * A restart is the host laptop's: the hub stops, the device's database closes and opens again,
 * and the hub starts on the same data folder (same certificate, same pairing secret, the
 * laptops' hub tokens still valid), on a new port (the fault proxy follows it).
 */
export async function hostHub(device: Device) {
  let service: HubService | null = null;
  let url: string | null = null;
  // The key is kept as the app keeps it where no keychain is offered: the 0600 secrets file in the data folder.
  const secrets = fileSecretStore(device.dataDir);

  async function up(): Promise<void> {
    service = new HubService({ dataDir: device.dataDir, db: device.db, funnel: device.funnel, secrets, host: '127.0.0.1', received: () => undefined, joined: () => null });
    const status = await service.start({ port: 0, newCode: false });
    url = status.addresses[0]!;
  }
  async function down(): Promise<void> {
    url = null;
    await service?.close();
    service = null;
  }
  await up();
  const started = service!.status();
  // The files the service made on start: the fault proxy serves this certificate with this key.
  const certificate: HubCertificate = await loadOrCreateCertificate(device.dataDir, secrets);
  if (certificate.fingerprint !== started.fingerprint) throw new Error('The hub certificate changed under the harness.');

  return {
    device,
    certificate,
    /** The code the host screen shows, and the QR text (which also carries the hub's own address and full fingerprint). */
    pairing: { code: started.code!, qrText: started.qrText! },
    /** Where the hub listens now; null while it is stopped. */
    url: () => url,
    down,
    async restart(): Promise<void> {
      await down();
      device.restart();
      await up();
    },
  };
}
export type HubHost = Awaited<ReturnType<typeof hostHub>>;
