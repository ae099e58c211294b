import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import pino from 'pino';
import { countryNames } from '../shared/model/countries';
import { createSyncApp } from './app';
import { tokenAuth } from './auth';
import { parseServerArgs, usage, type ServerCommand } from './cli-args';
import { backupDatabase, restoreDatabase } from './sqlite/backup';
import { centralDbPath, openSqliteStore } from './sqlite/store';
import type { SyncStore } from './store';

/**
 * `npm run server -- …`: the central sync endpoint and its administration (users, tokens,
 * backups). Administration commands open the same database as a running server; SQLite's
 * locking keeps them safe side by side.
 */

/** How long an enrollment code can be used, once. */
export const ENROLLMENT_CODE_TTL_MS = 72 * 60 * 60 * 1000;

const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC');
const scope = (country: string | null) => (country ? countryNames[country as keyof typeof countryNames].en : 'whole region');
const adminActor = () => `server-admin:${safeUserName()}`;

function safeUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

function printCode(code: string, expiresAt: number): void {
  console.log(`\nEnrollment code (shown once; single use; valid until ${when(expiresAt)}):\n\n    ${code}\n`);
  console.log('Give it to the user in person or by a separate channel. They enter it in the app (Settings → Sync) with this server\'s address.');
}

async function withStore<T>(dataDir: string, run: (store: SyncStore) => Promise<T>): Promise<T> {
  const store = openSqliteStore(centralDbPath(dataDir));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

async function serve(command: Extract<ServerCommand, { kind: 'serve' }>): Promise<void> {
  mkdirSync(command.dataDir, { recursive: true });
  const logger = pino({ level: command.logLevel, redact: ['req.headers.authorization'] });
  const store = openSqliteStore(centralDbPath(command.dataDir));
  const app = createSyncApp({ store, auth: tokenAuth(store.accounts), logger, trustProxy: command.trustProxy });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: command.port, host: command.host });
  logger.info({ dataDir: command.dataDir, node: store.nodeId, epoch: await store.epoch() }, 'A-EXPECS sync server ready');
}

async function run(command: ServerCommand): Promise<void> {
  switch (command.kind) {
    case 'help':
      console.log(usage);
      return;
    case 'serve':
      return serve(command);
    case 'user-add':
      return withStore(command.dataDir, async (store) => {
        const { dataDir: _, kind: __, ...user } = command;
        const added = await store.accounts.createUser(user, adminActor());
        console.log(`Added ${added.name} <${added.email}>: ${added.role}, ${scope(added.country)}. User id ${added.id}.`);
        const { code, expiresAt } = await store.accounts.issueEnrollmentCode(added.id, ENROLLMENT_CODE_TTL_MS);
        printCode(code, expiresAt);
      });
    case 'user-set':
      return withStore(command.dataDir, async (store) => {
        const { dataDir: _, kind: __, email, ...patch } = command;
        const user = await store.accounts.findUserByEmail(email);
        if (!user) throw new Error(`There is no user with the email ${email} (see user list).`);
        const changed = await store.accounts.updateUser(user.id, patch, adminActor());
        console.log(`${changed.name} <${changed.email}> is now ${changed.role}, ${scope(changed.country)}.`);
        console.log('Their next changes are checked against this; every device learns it at its next sync.');
      });
    case 'user-code':
      return withStore(command.dataDir, async (store) => {
        const user = await store.accounts.findUserByEmail(command.email);
        if (!user) throw new Error(`There is no user with the email ${command.email} (see user list).`);
        const { code, expiresAt } = await store.accounts.issueEnrollmentCode(user.id, ENROLLMENT_CODE_TTL_MS);
        console.log(`New enrollment code for ${user.name} <${user.email}>.`);
        printCode(code, expiresAt);
      });
    case 'user-disable':
      return withStore(command.dataDir, async (store) => {
        const user = await store.accounts.findUserByEmail(command.email);
        if (!user) throw new Error(`There is no user with the email ${command.email} (see user list).`);
        await store.accounts.disableUser(user.id, adminActor());
        console.log(`${user.name} <${user.email}> is disabled: none of their devices can sync any more, and changes of theirs that reach the server from now on are refused.`);
      });
    case 'user-list':
      return withStore(command.dataDir, async (store) => {
        const users = await store.accounts.listUsers();
        if (!users.length) console.log('No users yet. Add one: npm run server -- user add --name … --email … --role admin --data-dir …');
        for (const u of users) console.log(`${u.id}  ${u.role.padEnd(11)} ${scope(u.country).padEnd(12)} ${u.name} <${u.email}>${u.disabled ? '  (disabled)' : ''}`);
      });
    case 'token-list':
      return withStore(command.dataDir, async (store) => {
        const tokens = await store.accounts.listTokens();
        if (!tokens.length) console.log('No device has enrolled yet.');
        for (const t of tokens) {
          const state = t.revokedAt === null ? `last used ${when(t.lastUsedAt)}` : `REVOKED ${when(t.revokedAt)}`;
          console.log(`${t.id}  ${t.userName} <${t.email}>  device "${t.deviceName}" (node ${t.node ?? '-'}), enrolled ${when(t.createdAt)}, ${state}`);
        }
      });
    case 'token-revoke':
      return withStore(command.dataDir, async (store) => {
        if (!(await store.accounts.revokeToken(command.tokenId))) throw new Error(`There is no token ${command.tokenId} (see token list).`);
        console.log(`Token ${command.tokenId} is revoked: that device can no longer sync. Its user can enroll again with a new code (user code --email …).`);
      });
    case 'backup':
      await backupDatabase(centralDbPath(command.dataDir), command.to);
      console.log(`Backed up to ${command.to}. A server restored from it starts a new epoch, and devices send it again what it lacks.`);
      return;
    case 'restore': {
      const { movedAside } = restoreDatabase(command.from, centralDbPath(command.dataDir));
      console.log(`Restored ${command.from} into ${command.dataDir}.${movedAside ? ` The database it replaced is kept as ${movedAside}.` : ''} Start the server.`);
      return;
    }
  }
}

const parsed = parseServerArgs(process.argv.slice(2), process.env, process.cwd());
if (!parsed.ok) {
  console.error(`${parsed.message}\n\n${usage}`);
  process.exit(2);
}
run(parsed.command).catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
