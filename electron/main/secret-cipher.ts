import type { SecretCipher } from '../core/sync/secrets';

/**
 * The device token sealed with Electron's safeStorage (the macOS Keychain, Windows DPAPI, the
 * Linux secret service), for the core to use through its worker. No cipher where safeStorage
 * protects nothing: unavailable, or Linux's `basic_text` store, whose key is the same on every
 * computer; the token then stays in a file only this user can read (core/sync/secrets.ts).
 */

/** The part of Electron's safeStorage used here (so a test can stand in for it). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plain: string): Promise<Buffer>;
  decryptStringAsync(sealed: Buffer): Promise<{ result: string }>;
  getSelectedStorageBackend?(): string;
}

export async function safeStorageCipher(storage: SafeStorageLike, platform: NodeJS.Platform): Promise<SecretCipher | null> {
  let available = false;
  try {
    available = await storage.isAsyncEncryptionAvailable();
  } catch {
    available = false;
  }
  if (!available) return null;
  if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    kind: 'safeStorage',
    encrypt: async (plain) => (await storage.encryptStringAsync(plain)).toString('base64'),
    decrypt: async (sealed) => (await storage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result,
  };
}
