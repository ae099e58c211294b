import { describe, expect, it } from 'vitest';
import { safeStorageCipher, type SafeStorageLike } from './secret-cipher';

const storage = (available: boolean, backend = 'gnome_libsecret'): SafeStorageLike => ({
  isAsyncEncryptionAvailable: async () => available,
  encryptStringAsync: async (s) => Buffer.from(`sealed:${s}`),
  decryptStringAsync: async (b) => ({ result: b.toString().replace(/^sealed:/, '') }),
  getSelectedStorageBackend: () => backend,
});

describe('safeStorage cipher', () => {
  it('seals and opens through safeStorage where it protects the token', async () => {
    const cipher = await safeStorageCipher(storage(true), 'darwin');
    expect(cipher?.kind).toBe('safeStorage');
    const sealed = await cipher!.encrypt('tok-1');
    expect(sealed).not.toContain('tok-1');
    expect(await cipher!.decrypt(sealed)).toBe('tok-1');
    expect(await safeStorageCipher(storage(true, 'kwallet5'), 'linux')).not.toBeNull();
  });

  it('is not used when unavailable, or on Linux with the basic_text store (a key shared by every computer)', async () => {
    expect(await safeStorageCipher(storage(false), 'win32')).toBeNull();
    expect(await safeStorageCipher(storage(true, 'basic_text'), 'linux')).toBeNull();
    const failing: SafeStorageLike = { ...storage(true), isAsyncEncryptionAvailable: () => Promise.reject(new Error('no keychain')) };
    expect(await safeStorageCipher(failing, 'darwin')).toBeNull();
  });
});
