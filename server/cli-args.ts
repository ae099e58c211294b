import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import shippedTaxonomy from '../resources/taxonomy.json' with { type: 'json' };
import { countryCodes, type CountryCode } from '../shared/model/countries';
import { idSchema } from '../shared/model/expert';
import { loadTaxonomy } from '../shared/model/taxonomy';
import { roles, type Role } from '../shared/sync/protocol';

/**
 * `npm run server -- …`: what each command line asks for, as a value (never a throw), so the
 * CLI decides how to print a mistake and tests read it directly.
 */
export type ServerCommand =
  | { kind: 'serve'; dataDir: string; port: number; host: string; trustProxy: boolean; logLevel: string }
  | { kind: 'user-add'; dataDir: string; name: string; email: string; role: Role; country: CountryCode | null; id?: string; agency?: string; expertise?: string[] }
  | { kind: 'user-code'; dataDir: string; email: string }
  | { kind: 'user-set'; dataDir: string; email: string; name?: string; role?: Role; country?: CountryCode | null; agency?: string; expertise?: string[] }
  | { kind: 'user-disable'; dataDir: string; email: string }
  | { kind: 'user-list'; dataDir: string }
  | { kind: 'token-list'; dataDir: string }
  | { kind: 'token-revoke'; dataDir: string; tokenId: string }
  | { kind: 'backup'; dataDir: string; to: string }
  | { kind: 'restore'; dataDir: string; from: string }
  | { kind: 'help' };

export type ParsedCommand = { ok: true; command: ServerCommand } | { ok: false; message: string };

export const usage = `Usage:
  npm run server -- --data-dir DIR [--port 8787] [--host 127.0.0.1] [--trust-proxy] [--log-level info]
  npm run server -- user add --name NAME --email EMAIL --role ROLE [--country CC] [--agency A] [--expertise T1,T2] [--id ID] --data-dir DIR
  npm run server -- user set --email EMAIL [--name NAME] [--role ROLE] [--country CC | --no-country] [--agency A] [--expertise T1,T2] --data-dir DIR
  npm run server -- user code --email EMAIL --data-dir DIR     (a new enrollment code)
  npm run server -- user list --data-dir DIR
  npm run server -- user disable --email EMAIL --data-dir DIR  (every device of that user stops syncing)
  npm run server -- token list --data-dir DIR
  npm run server -- token revoke TOKEN_ID --data-dir DIR
  npm run server -- backup --to FILE --data-dir DIR
  npm run server -- restore --from FILE --data-dir DIR       (with the server stopped)
Roles: ${roles.join(', ')}. Countries: ${countryCodes.join(', ')} (omit --country for the whole region).
--agency and --expertise (taxonomy term ids, comma-separated) are the reviewer's vetting profile.
--id gives the account the id of a profile made in the app before its device enrolled (Settings → Profile).
The data folder may also be given as CURATOR_SERVER_DATA_DIR.`;

const options = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'log-level': { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string' },
  country: { type: 'string' },
  'no-country': { type: 'boolean' },
  agency: { type: 'string' },
  expertise: { type: 'string' },
  id: { type: 'string' },
  to: { type: 'string' },
  from: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const fail = (message: string): ParsedCommand => ({ ok: false, message });
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseServerArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values: v, positionals: p } = parsed;
  if (v.help || p[0] === 'help') return { ok: true, command: { kind: 'help' } };
  const dir = v['data-dir'] ?? env.CURATOR_SERVER_DATA_DIR;
  if (!dir) return fail('Say where the server keeps its data: --data-dir DIR.');
  const dataDir = resolve(cwd, dir);
  const command = p.join(' ');

  switch (command) {
    case '': {
      const port = v.port === undefined ? 8787 : Number(v.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port must be a number from 0 to 65535, not "${v.port}".`);
      const logLevel = v['log-level'] ?? 'info';
      if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) return fail(`--log-level must be one of fatal, error, warn, info, debug, trace, silent.`);
      return { ok: true, command: { kind: 'serve', dataDir, port, host: v.host ?? '127.0.0.1', trustProxy: v['trust-proxy'] ?? false, logLevel } };
    }
    case 'user add': {
      const name = v.name?.trim();
      if (!name || name.length > 200) return fail('Give the user\'s name: --name "Full Name" (at most 200 characters).');
      const email = v.email?.trim();
      if (!email || !emailPattern.test(email)) return fail('Give the user\'s email address: --email name@example.org.');
      if (!v.role || !(roles as readonly string[]).includes(v.role)) return fail(`Give the user's role: --role ${roles.join('|')}.`);
      const role = v.role as Role;
      const cc = v.country?.trim().toUpperCase();
      if (cc !== undefined && !(countryCodes as readonly string[]).includes(cc)) return fail(`--country must be one of ${countryCodes.join(', ')}.`);
      if (role === 'focal_point' && cc === undefined) return fail('A national focal point needs a country: --country CC.');
      const profile = vettingProfile(v);
      if (typeof profile === 'string') return fail(profile);
      if (v.id !== undefined && !idSchema.safeParse(v.id.trim().toLowerCase()).success) return fail('--id must be a user id as the app shows it (like 0190a1b2-…-…).');
      const id = v.id === undefined ? {} : { id: v.id.trim().toLowerCase() };
      return { ok: true, command: { kind: 'user-add', dataDir, name, email, role, country: (cc as CountryCode | undefined) ?? null, ...id, ...profile } };
    }
    case 'user set': {
      // Only what is given changes; whether a focal point keeps a country is checked against the stored user.
      if (!v.email) return fail('Whom? --email EMAIL.');
      const set: { name?: string; role?: Role; country?: CountryCode | null; agency?: string; expertise?: string[] } = {};
      if (v.name !== undefined) {
        const name = v.name.trim();
        if (!name || name.length > 200) return fail('--name must be the full name (1 to 200 characters).');
        set.name = name;
      }
      if (v.role !== undefined) {
        if (!(roles as readonly string[]).includes(v.role)) return fail(`--role must be one of ${roles.join(', ')}.`);
        set.role = v.role as Role;
      }
      if (v.country !== undefined && v['no-country']) return fail('Give either --country CC or --no-country (the whole region), not both.');
      if (v.country !== undefined) {
        const cc = v.country.trim().toUpperCase();
        if (!(countryCodes as readonly string[]).includes(cc)) return fail(`--country must be one of ${countryCodes.join(', ')}.`);
        set.country = cc as CountryCode;
      }
      if (v['no-country']) set.country = null;
      const profile = vettingProfile(v);
      if (typeof profile === 'string') return fail(profile);
      Object.assign(set, profile);
      if (!Object.keys(set).length) return fail('Say what to change: --name, --role, --country CC, --no-country, --agency or --expertise.');
      return { ok: true, command: { kind: 'user-set', dataDir, email: v.email.trim(), ...set } };
    }
    case 'user code':
      if (!v.email) return fail('Whose code? --email EMAIL.');
      return { ok: true, command: { kind: 'user-code', dataDir, email: v.email.trim() } };
    case 'user disable':
      if (!v.email) return fail('Whom? --email EMAIL.');
      return { ok: true, command: { kind: 'user-disable', dataDir, email: v.email.trim() } };
    case 'user list':
      return { ok: true, command: { kind: 'user-list', dataDir } };
    case 'token list':
      return { ok: true, command: { kind: 'token-list', dataDir } };
    case 'backup':
      if (!v.to) return fail('Where to? backup --to FILE.');
      return { ok: true, command: { kind: 'backup', dataDir, to: resolve(cwd, v.to) } };
    case 'restore':
      if (!v.from) return fail('From which backup? restore --from FILE.');
      return { ok: true, command: { kind: 'restore', dataDir, from: resolve(cwd, v.from) } };
  }
  if (p[0] === 'token' && p[1] === 'revoke') {
    if (p.length !== 3) return fail('Which token? token revoke TOKEN_ID (see token list).');
    return { ok: true, command: { kind: 'token-revoke', dataDir, tokenId: p[2]! } };
  }
  return fail(`Unknown command "${command}".`);
}

const taxonomy = new Set(loadTaxonomy(shippedTaxonomy).terms.map((t) => t.id));

/** --agency and --expertise, checked: the agency's length, each expertise a term of the shipped taxonomy. */
function vettingProfile(v: { agency?: string | undefined; expertise?: string | undefined }): { agency?: string; expertise?: string[] } | string {
  const out: { agency?: string; expertise?: string[] } = {};
  if (v.agency !== undefined) {
    const agency = v.agency.trim();
    if (agency.length > 200) return '--agency must be at most 200 characters.';
    out.agency = agency;
  }
  if (v.expertise !== undefined) {
    const terms = [...new Set(v.expertise.split(',').map((t) => t.trim()).filter(Boolean))];
    const unknown = terms.filter((t) => !taxonomy.has(t));
    if (unknown.length) return `--expertise takes taxonomy term ids (like hrm.recruitment); not known: ${unknown.join(', ')}.`;
    if (terms.length > 30) return '--expertise takes at most 30 terms.';
    out.expertise = terms;
  }
  return out;
}
