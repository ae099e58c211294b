import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSecretStore, SECRETS_FILE, type SecretCipher } from '../sync/secrets';
import { HUB_KEY_SECRET, hubDir, loadOrCreateCertificate } from './cert';

const dir = () => mkdtempSync(join(tmpdir(), 'curator-hubcert-'));

/** A reversible stand-in for safeStorage that leaves no plain text in the file. */
const keychain: SecretCipher = {
  kind: 'test-keychain',
  encrypt: async (s) => Buffer.from(s, 'utf8').reverse().toString('base64'),
  decrypt: async (s) => Buffer.from(s, 'base64').reverse().toString('utf8'),
};

describe("the hub's TLS key", () => {
  it('is sealed with the keychain, never a file of its own, and the same certificate comes back', async () => {
    const d = dir();
    const made = await loadOrCreateCertificate(d, fileSecretStore(d, keychain));
    expect(readdirSync(hubDir(d))).toEqual(['cert.pem']);
    expect(readFileSync(join(d, SECRETS_FILE), 'utf8')).not.toContain('PRIVATE KEY');
    const again = await loadOrCreateCertificate(d, fileSecretStore(d, keychain));
    expect(again.fingerprint).toBe(made.fingerprint);
    expect(again.key).toBe(made.key);
  });

  it('without a keychain, sits in the secrets file only this user can read', async () => {
    const d = dir();
    const made = await loadOrCreateCertificate(d, fileSecretStore(d));
    expect(statSync(join(d, SECRETS_FILE)).mode & 0o777).toBe(0o600);
    expect(await fileSecretStore(d).get(HUB_KEY_SECRET)).toBe(made.key);
    expect(existsSync(join(hubDir(d), 'key.pem'))).toBe(false);
  });

  it('moves a key file an earlier version left into the store, keeping the certificate the laptops pinned', async () => {
    const d = dir();
    const old = await loadOrCreateCertificate(d, fileSecretStore(d));
    // As an earlier version left the folder: the key in clear beside the certificate.
    writeFileSync(join(hubDir(d), 'key.pem'), old.key, { mode: 0o600 });
    rmSync(join(d, SECRETS_FILE));
    const moved = await loadOrCreateCertificate(d, fileSecretStore(d, keychain));
    expect(moved.fingerprint).toBe(old.fingerprint);
    expect(existsSync(join(hubDir(d), 'key.pem'))).toBe(false);
    expect(readFileSync(join(d, SECRETS_FILE), 'utf8')).not.toContain('PRIVATE KEY');
  });

  it('is made anew, with a new certificate, when the folder was copied to a computer whose keychain cannot open it', async () => {
    const d = dir();
    const original = await loadOrCreateCertificate(d, fileSecretStore(d, keychain));
    const elsewhere = await loadOrCreateCertificate(d, fileSecretStore(d, { ...keychain, kind: 'another-keychain' }));
    expect(elsewhere.fingerprint).not.toBe(original.fingerprint);
    // A certificate whose key is another one's is not used either.
    mkdirSync(hubDir(d), { recursive: true });
    writeFileSync(join(hubDir(d), 'cert.pem'), original.cert);
    const paired = await loadOrCreateCertificate(d, fileSecretStore(d, { ...keychain, kind: 'another-keychain' }));
    expect(paired.fingerprint).not.toBe(original.fingerprint);
  });
});
