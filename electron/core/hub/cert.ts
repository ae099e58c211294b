import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import type { SecretStore } from '../sync/secrets';

/**
 * The hub's TLS identity: a self-signed certificate and its key, made once and kept, so a
 * laptop that joined yesterday still recognises the hub today. No certificate authority vouches
 * for it; the joining laptop pins its SHA-256 fingerprint, which the pairing code carries.
 *
 * The key is what makes this laptop the hub the others pinned: whoever holds it can pose as the
 * hub on a workshop network. So it is kept like the device token (sync/secrets.ts): sealed with
 * the operating system's keychain where the desktop offers it, otherwise in the secrets file only
 * this user can read; never as a file of its own in the data folder, so a copied or backed-up
 * folder does not carry a usable key to another computer. The certificate is public and stays
 * in `<dataDir>/hub/cert.pem`. A key that cannot be read (another computer, a changed keychain)
 * means a new certificate: the laptops join again with the new pairing code.
 */

export interface HubCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate (DER), lowercase hex without colons. */
  fingerprint: string;
}

export const hubDir = (dataDir: string) => join(dataDir, 'hub');
/** The key's name in the SecretStore. */
export const HUB_KEY_SECRET = 'hub-tls-key';

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256.replace(/:/g, '').toLowerCase();
}

/** Renewed a month before it expires, so a workshop never meets an expired certificate. */
const RENEW_BEFORE_MS = 30 * 86_400_000;

function usable(cert: string, key: string): boolean {
  try {
    const x509 = new X509Certificate(cert);
    return x509.checkPrivateKey(createPrivateKey(key)) && Date.parse(x509.validTo) - Date.now() > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}

/** The certificate kept for this data folder, made on first use (or when `renew` is set, or its key is unreadable). */
export async function loadOrCreateCertificate(dataDir: string, secrets: SecretStore, renew = false): Promise<HubCertificate> {
  const dir = hubDir(dataDir);
  const certFile = join(dir, 'cert.pem');
  // Earlier versions kept the key here, in clear: it moves into the SecretStore and the file goes.
  const legacyKeyFile = join(dir, 'key.pem');
  if (existsSync(legacyKeyFile) && (await secrets.get(HUB_KEY_SECRET)) === null) await secrets.set(HUB_KEY_SECRET, readFileSync(legacyKeyFile, 'utf8'));
  rmSync(legacyKeyFile, { force: true });
  if (!renew && existsSync(certFile)) {
    const cert = readFileSync(certFile, 'utf8');
    const key = await secrets.get(HUB_KEY_SECRET);
    if (key !== null && usable(cert, key)) return { key, cert, fingerprint: fingerprintOf(cert) };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made = await generate([{ name: 'commonName', value: 'A-EXPECS Curator workshop hub' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 86_400_000),
    notAfterDate: new Date(Date.now() + 2 * 365 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
    ],
  });
  // The key first: a certificate without its key is remade on the next start (usable() checks the pair).
  await secrets.set(HUB_KEY_SECRET, made.private);
  writeFileSync(certFile, made.cert, { mode: 0o644 });
  return { key: made.private, cert: made.cert, fingerprint: fingerprintOf(made.cert) };
}
