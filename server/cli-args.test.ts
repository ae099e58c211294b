import { describe, expect, it } from 'vitest';
import { parseServerArgs } from './cli-args';

const parse = (line: string, env: Record<string, string> = {}) => parseServerArgs(line.split(' ').filter(Boolean), env, '/srv');

describe('npm run server -- … arguments', () => {
  it('starts the server on loopback by default, the data folder resolved from where it runs', () => {
    expect(parse('--data-dir data --port 9000')).toEqual({
      ok: true,
      command: { kind: 'serve', dataDir: '/srv/data', port: 9000, host: '127.0.0.1', trustProxy: false, logLevel: 'info' },
    });
    expect(parse('', { CURATOR_SERVER_DATA_DIR: '/var/lib/axs' })).toMatchObject({ ok: true, command: { dataDir: '/var/lib/axs', port: 8787 } });
    expect(parse('--port 8787')).toMatchObject({ ok: false, message: expect.stringContaining('--data-dir') });
    expect(parse('--data-dir d --port 70000')).toMatchObject({ ok: false });
    expect(parse('--data-dir d --bogus')).toMatchObject({ ok: false });
  });

  it('adds a user with a role and country scope, the scope optional except for a focal point', () => {
    expect(parse('user add --name Somchai --email s@example.org --role focal_point --country th --data-dir d')).toMatchObject({
      ok: true,
      command: { kind: 'user-add', name: 'Somchai', email: 's@example.org', role: 'focal_point', country: 'TH' },
    });
    expect(parse('user add --name Ana --email a@example.org --role admin --data-dir d')).toMatchObject({ ok: true, command: { country: null } });
    expect(parse('user add --name Ana --email a@example.org --role focal_point --data-dir d')).toMatchObject({ ok: false, message: expect.stringContaining('country') });
    expect(parse('user add --name Ana --email a@example.org --role boss --data-dir d')).toMatchObject({ ok: false, message: expect.stringContaining('role') });
    expect(parse('user add --name Ana --email nope --role admin --data-dir d')).toMatchObject({ ok: false, message: expect.stringContaining('email') });
    expect(parse('user add --name Ana --email a@example.org --role admin --country XX --data-dir d')).toMatchObject({ ok: false });
  });

  it("takes a reviewer's agency and expertise (taxonomy terms), and an id from the app", () => {
    expect(parse('user add --name Ana --email a@example.org --role reviewer --agency CSC --expertise hrm,hrm.recruitment,hrm --id 0190A000-0000-7000-8000-000000000001 --data-dir d')).toMatchObject({
      ok: true,
      command: { kind: 'user-add', agency: 'CSC', expertise: ['hrm', 'hrm.recruitment'], id: '0190a000-0000-7000-8000-000000000001' },
    });
    expect(parse('user add --name Ana --email a@example.org --role reviewer --expertise astrology --data-dir d')).toMatchObject({ ok: false, message: expect.stringContaining('astrology') });
    expect(parse('user add --name Ana --email a@example.org --role reviewer --id 42 --data-dir d')).toMatchObject({ ok: false, message: expect.stringContaining('--id') });
    expect(parse('user set --email a@example.org --expertise performance --data-dir d')).toEqual({ ok: true, command: { kind: 'user-set', dataDir: '/srv/d', email: 'a@example.org', expertise: ['performance'] } });
    expect(parse('user set --email a@example.org --agency INTAN --data-dir d')).toMatchObject({ ok: true, command: { agency: 'INTAN' } });
  });

  it("changes a user's name, role or scope, only what is given", () => {
    expect(parse('user set --email s@example.org --country vn --data-dir d')).toEqual({ ok: true, command: { kind: 'user-set', dataDir: '/srv/d', email: 's@example.org', country: 'VN' } });
    expect(parse('user set --email s@example.org --role curator --no-country --name Somchai --data-dir d')).toMatchObject({
      ok: true,
      command: { kind: 'user-set', role: 'curator', country: null, name: 'Somchai' },
    });
    expect(parse('user set --email s@example.org --data-dir d')).toMatchObject({ ok: false, message: expect.stringContaining('what to change') });
    expect(parse('user set --role admin --data-dir d')).toMatchObject({ ok: false, message: expect.stringContaining('--email') });
    expect(parse('user set --email s@example.org --country TH --no-country --data-dir d')).toMatchObject({ ok: false, message: expect.stringContaining('not both') });
    expect(parse('user set --email s@example.org --role boss --data-dir d')).toMatchObject({ ok: false, message: expect.stringContaining('role') });
    expect(parse('user set --email s@example.org --country XX --data-dir d')).toMatchObject({ ok: false });
  });

  it('reads the token, backup and restore commands', () => {
    expect(parse('user disable --email a@example.org --data-dir d')).toMatchObject({ ok: true, command: { kind: 'user-disable', email: 'a@example.org' } });
    expect(parse('token list --data-dir d')).toMatchObject({ ok: true, command: { kind: 'token-list' } });
    expect(parse('token revoke 0190-abc --data-dir d')).toMatchObject({ ok: true, command: { kind: 'token-revoke', tokenId: '0190-abc' } });
    expect(parse('token revoke --data-dir d')).toMatchObject({ ok: false });
    expect(parse('backup --to /backups/b.db --data-dir d')).toMatchObject({ ok: true, command: { kind: 'backup', to: '/backups/b.db' } });
    expect(parse('restore --from b.db --data-dir d')).toMatchObject({ ok: true, command: { kind: 'restore', from: '/srv/b.db' } });
    expect(parse('frobnicate --data-dir d')).toMatchObject({ ok: false, message: expect.stringContaining('frobnicate') });
  });
});
