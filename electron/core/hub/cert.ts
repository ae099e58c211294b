import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/**
 * The hub's TLS identity: a self-signed certificate and its key, made once and kept in the data
 * folder (`hub/`), so a laptop that joined yesterday still recognises the hub today. No
 * certificate authority vouches for it; the joining laptop pins its SHA-256 fingerprint, which
 * the pairing code carries. The key file is readable by this user only.
 */

export interface HubCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate (DER), lowercase hex without colons. */
  fingerprint: string;
}

export const hubDir = (dataDir: string) => join(dataDir, 'hub');

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256.replace(/:/g, '').toLowerCase();
}

/** The certificate kept in `<dataDir>/hub`, made on first use (or when `renew` is set). */
export async function loadOrCreateCertificate(dataDir: string, renew = false): Promise<HubCertificate> {
  const dir = hubDir(dataDir);
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  if (!renew && existsSync(keyFile) && existsSync(certFile)) {
    const cert = readFileSync(certFile, 'utf8');
    const x509 = new X509Certificate(cert);
    // Renewed a month before it expires, so a workshop never meets an expired certificate.
    if (Date.parse(x509.validTo) - Date.now() > 30 * 86_400_000) return { key: readFileSync(keyFile, 'utf8'), cert, fingerprint: fingerprintOf(cert) };
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
  writeFileSync(keyFile, made.private, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(certFile, made.cert, { mode: 0o644 });
  return { key: made.private, cert: made.cert, fingerprint: fingerprintOf(made.cert) };
}
