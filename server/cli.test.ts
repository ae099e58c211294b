import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isFlaggedBackup } from './sqlite/backup';
import { startTestServer, type TestServer } from './test-server';
import { NODE_A } from './testing';

const root = fileURLToPath(new URL('..', import.meta.url));
/** `npm run server -- …` as an administrator types it (tsx, like the npm script). */
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server/cli.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let dataDir: string;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close(true);
  server = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run server -- (administration)', () => {
  it('adds a user with a one-time code a device enrolls with; lists and revokes its token; backs up', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'curator-server-cli-'));
    const added = cli('user', 'add', '--name', 'Somchai K.', '--email', 'somchai@example.org', '--role', 'focal_point', '--country', 'TH', '--data-dir', dataDir);
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toContain('focal_point, Thailand');
    const code = /\b([A-HJ-NP-Z2-9]{4}(?:-[A-HJ-NP-Z2-9]{4}){3})\b/.exec(added.out)?.[1];
    expect(code).toBeDefined();

    // A server on the same folder (administration commands work beside it).
    server = await startTestServer({ dataDir });
    const enrolled = await server.request('POST', 'enroll', { json: { code, node: NODE_A, deviceName: 'Somchai laptop' } });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.user).toMatchObject({ name: 'Somchai K.', role: 'focal_point', country: 'TH' });
    const token = enrolled.body.token as string;

    const listed = cli('token', 'list', '--data-dir', dataDir);
    expect(listed.out).toContain(enrolled.body.tokenId);
    expect(listed.out).toContain('Somchai laptop');
    expect(listed.out).not.toContain(token);
    expect(cli('token', 'revoke', enrolled.body.tokenId, '--data-dir', dataDir).code).toBe(0);
    expect((await server.request('GET', 'whoami', { token })).body.error.code).toBe('TOKEN_REVOKED');
    expect(cli('token', 'revoke', 'no-such-token', '--data-dir', dataDir)).toMatchObject({ code: 1, err: expect.stringContaining('no token') });

    expect(cli('user', 'add', '--name', 'X', '--email', 'x@example.org', '--role', 'focal_point', '--data-dir', dataDir)).toMatchObject({ code: 2, err: expect.stringContaining('country') });

    const backup = join(dataDir, 'backup.db');
    expect(cli('backup', '--to', backup, '--data-dir', dataDir).code).toBe(0);
    expect(isFlaggedBackup(backup)).toBe(true);
    // Each command starts its own Node with tsx: generous on a busy machine.
  }, 180_000);
});
