import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where device tokens are kept: never in the database (a copied or backed-up data folder must
 * not carry a working token to another computer) but in a file of their own, readable only by
 * this user (mode 0600), and, where the desktop offers it, encrypted with Electron's safeStorage
 * (the operating system's keychain). The core never imports 'electron': the shell hands it a
 * SecretCipher that calls safeStorage on the main thread.
 */

/** Encrypts with a key the operating system keeps for this user (Electron's safeStorage). */
export interface SecretCipher {
  /** A name for the file, e.g. 'safeStorage'. */
  readonly kind: string;
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
}

export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** How the secrets are protected, for Settings and the log: 'safeStorage' or 'file'. */
  readonly protection: string;
}

interface StoredEntry {
  /** 'plain' (protected by the file mode only) or the cipher's kind. */
  sealedWith: string;
  value: string;
}

export const SECRETS_FILE = 'sync-secrets.json';

/**
 * A SecretStore in `<dataDir>/sync-secrets.json`, written atomically (temporary file, then
 * rename) with mode 0600. A value sealed with a cipher this run does not have (the keychain
 * is unavailable) reads as missing: the curator signs in again rather than the app failing.
 */
export function fileSecretStore(dataDir: string, cipher: SecretCipher | null = null): SecretStore {
  const file = join(dataDir, SECRETS_FILE);
  const cache = new Map<string, string>();
  const read = (): Record<string, StoredEntry> => {
    if (!existsSync(file)) return {};
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { entries?: Record<string, StoredEntry> };
      return parsed.entries ?? {};
    } catch {
      return {};
    }
  };
  const write = (entries: Record<string, StoredEntry>) => {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, entries }), { mode: 0o600 });
    // The mode given to writeFileSync applies only to a new file; make sure of it either way.
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
  };
  return {
    protection: cipher ? cipher.kind : 'file',
    async get(key) {
      const known = cache.get(key);
      if (known !== undefined) return known;
      const entry = read()[key];
      if (!entry) return null;
      let value: string | null = null;
      if (entry.sealedWith === 'plain') value = entry.value;
      else if (cipher && entry.sealedWith === cipher.kind) {
        try {
          value = await cipher.decrypt(entry.value);
        } catch {
          value = null;
        }
      }
      if (value !== null) cache.set(key, value);
      return value;
    },
    async set(key, value) {
      const entry: StoredEntry = cipher ? { sealedWith: cipher.kind, value: await cipher.encrypt(value) } : { sealedWith: 'plain', value };
      write({ ...read(), [key]: entry });
      cache.set(key, value);
    },
    async delete(key) {
      cache.delete(key);
      const entries = read();
      if (!(key in entries)) return;
      delete entries[key];
      write(entries);
    },
  };
}
