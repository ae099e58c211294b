import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRETS_FILE, type SecretCipher } from '../sync/secrets';
import { runServer, type RunningServer } from '../sync/testing';
import { startCoreWorker, type CoreHandle } from './host';

/**
 * The device token on the desktop: the core's thread has no Electron, so it seals the token
 * through the host's cipher (safeStorage on the main thread), by messages.
 */

const handles: CoreHandle[] = [];
const dirs: string[] = [];
let central: RunningServer | null = null;
afterEach(async () => {
  await Promise.all(handles.splice(0).map((h) => h.close().catch(() => undefined)));
  await central?.close();
  central = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Stands in for safeStorage: reversible, and leaves no plain text behind. */
const sealed: string[] = [];
const cipher: SecretCipher = {
  kind: 'safeStorage',
  encrypt: async (s) => {
    sealed.push(s);
    return Buffer.from(s, 'utf8').reverse().toString('base64');
  },
  decrypt: async (s) => Buffer.from(s, 'base64').reverse().toString('utf8'),
};

describe('device token through the core worker', () => {
  it('is sealed by the host cipher in a file only this user can read, and read back after a restart', async () => {
    central = await runServer();
    const ana = await central.user({ name: 'Ana Reyes' });
    const dataDir = mkdtempSync(join(tmpdir(), 'curator-worker-secrets-'));
    dirs.push(dataDir);
    const first = await startCoreWorker({ dataDir, mode: 'test', actor: 'worker.test', secretCipher: cipher });
    handles.push(first);
    const enrolled = await first.dispatch('sync.enroll', { serverUrl: central.url, code: ana.code });
    expect(enrolled).toMatchObject({ ok: true, value: { configured: true } });
    expect(sealed).toHaveLength(1);
    const file = join(dataDir, SECRETS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(sealed[0]);
    await first.close();
    handles.splice(0);

    const again = await startCoreWorker({ dataDir, mode: 'test', actor: 'worker.test', secretCipher: cipher });
    handles.push(again);
    expect(await again.dispatch('sync.status', {})).toMatchObject({ ok: true, value: { configured: true, user: { name: 'Ana Reyes' } } });
    // Without the keychain the sealed token cannot be read: the curator is asked to sign in again.
    await again.close();
    handles.splice(0);
    const noKeychain = await startCoreWorker({ dataDir, mode: 'test', actor: 'worker.test' });
    handles.push(noKeychain);
    expect(await noKeychain.dispatch('sync.status', {})).toMatchObject({ ok: true, value: { configured: false, state: 'error', problem: { code: 'UNAUTHENTICATED' } } });
  });
});
