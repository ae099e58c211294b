import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isFlaggedBackup } from './sqlite/backup';
import { startTestServer, type TestServer } from './test-server';
import { pullResponseSchema } from '../shared/sync/protocol';
import { NODE_A, NODE_B, newId, originWriter } from './testing';

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

  it("changes a user's role and scope: written as the synced user record, and their next push is judged by it", async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'curator-server-cli-'));
    server = await startTestServer({ dataDir });
    const push = (token: string, node: string, changes: unknown[]) => server!.request('POST', 'push', { token, json: { node, changes } });
    const ana = await server.enrolledDevice({ name: 'Ana', email: 'ana@example.org', role: 'curator', country: null }, NODE_A);
    const som = await server.enrolledDevice({ name: 'Somchai', email: 'som@example.org', role: 'focal_point', country: 'TH' }, NODE_B);
    const vn = newId();
    const a = originWriter(NODE_A, ana.user.id);
    await push(ana.token, NODE_A, [a.expert(vn, { givenName: 'Lan', country: 'VN' })]);
    const s = originWriter(NODE_B, som.user.id);
    expect((await push(som.token, NODE_B, [s.expert(vn, { agency: 'Before the move' })])).body).toMatchObject({ applied: 0, refused: [{ code: 'OUT_OF_SCOPE' }] });

    // Somchai moves to the Viet Nam office, with the server running beside the command.
    const moved = cli('user', 'set', '--email', 'som@example.org', '--country', 'vn', '--name', 'Somchai Kittisak', '--data-dir', dataDir);
    expect(moved).toMatchObject({ code: 0, err: '' });
    expect(moved.out).toContain('Somchai Kittisak <som@example.org> is now focal_point, Viet Nam.');
    expect((await push(som.token, NODE_B, [s.expert(vn, { agency: 'After the move' })])).body).toMatchObject({ applied: 1, refused: [] });
    expect((await server.request('GET', 'whoami', { token: som.token })).body.user).toMatchObject({ name: 'Somchai Kittisak', country: 'VN' });

    // The record every device syncs says so too (and still holds no email).
    const pulled = pullResponseSchema.parse((await server.request('POST', 'pull', { token: ana.token, json: { cursor: null, limit: 100 } })).body).changes;
    const records = pulled.filter((c) => c.entity === 'user' && c.id === som.user.id);
    expect(records.at(-1)!.fields).toEqual({ name: 'Somchai Kittisak', role: 'focal_point', country: 'VN', disabled: false });
    expect(JSON.stringify(records)).not.toContain('som@example.org');

    // A curator now (the whole region): the scope no longer limits them.
    expect(cli('user', 'set', '--email', 'som@example.org', '--role', 'curator', '--no-country', '--data-dir', dataDir).out).toContain('is now curator, whole region.');
    // A focal point without a country is refused, and nothing changes.
    expect(cli('user', 'set', '--email', 'som@example.org', '--role', 'focal_point', '--data-dir', dataDir)).toMatchObject({ code: 1, err: expect.stringContaining('without a country') });
    expect((await server.request('GET', 'whoami', { token: som.token })).body.user).toMatchObject({ role: 'curator', country: null });
    expect(cli('user', 'set', '--email', 'nobody@example.org', '--role', 'admin', '--data-dir', dataDir)).toMatchObject({ code: 1, err: expect.stringContaining('no user') });
  }, 180_000);
});
