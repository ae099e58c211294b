import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSecretStore, SECRETS_FILE, type SecretCipher } from './secrets';

const dir = () => mkdtempSync(join(tmpdir(), 'curator-secrets-'));

/** A reversible stand-in for safeStorage that leaves no plain text in the file. */
const rot: SecretCipher = {
  kind: 'test-cipher',
  encrypt: async (s) => Buffer.from(s, 'utf8').reverse().toString('base64'),
  decrypt: async (s) => Buffer.from(s, 'base64').reverse().toString('utf8'),
};

describe('secret store', () => {
  it('keeps a token in a file only this user can read', async () => {
    const d = dir();
    const store = fileSecretStore(d);
    await store.set('remote:central', 'tok-123456789');
    expect(statSync(join(d, SECRETS_FILE)).mode & 0o777).toBe(0o600);
    expect(await fileSecretStore(d).get('remote:central')).toBe('tok-123456789');
    await store.delete('remote:central');
    expect(await fileSecretStore(d).get('remote:central')).toBeNull();
    expect(statSync(join(d, SECRETS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('seals with the cipher when there is one, and a sealed value without it reads as missing', async () => {
    const d = dir();
    await fileSecretStore(d, rot).set('remote:central', 'tok-secret-value');
    expect(readFileSync(join(d, SECRETS_FILE), 'utf8')).not.toContain('tok-secret-value');
    expect(await fileSecretStore(d, rot).get('remote:central')).toBe('tok-secret-value');
    expect(await fileSecretStore(d).get('remote:central')).toBeNull();
  });

  it('reads a damaged file as empty rather than failing', async () => {
    const d = dir();
    const store = fileSecretStore(d);
    await store.set('a', '1');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(d, SECRETS_FILE), '{not json');
    expect(await fileSecretStore(d).get('a')).toBeNull();
  });
});
