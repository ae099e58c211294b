import type { Authority, Authorize, Blob, RecordReader, Snapshot, SyncStore, Accounts } from '../../../server/store';
import { SyncError } from '../../../server/errors';
import { roles, type WireChange } from '../../../shared/sync/protocol';
import { countryCodes, type CountryCode } from '../../../shared/model/countries';
import type { ChangeFunnel } from '../changes/funnel';
import type { Db } from '../db/open';

/** Entries read per query while a snapshot streams. */
const SNAPSHOT_PAGE = 2000;

export interface HubStoreOptions {
  db: Db;
  funnel: ChangeFunnel;
  now?: () => number;
  /** Called after a push stored something: the host's UI refreshes and its own sync relays it. */
  received?: (entities: string[]) => void;
}

/**
 * The SyncStore of a workshop hub: the host desktop's OWN database and ChangeFunnel, so the
 * host's edits are in the hub's feed, laptops' pushes land in the host's directory (search
 * index included), and the host's sync client relays all of it to central later.
 *
 * Authority comes from the `user` records the host holds (synced from central): the hub has no
 * account table. Only the node that wrote those records (central) may write `user` records; the
 * hub learns its id from the records themselves.
 */
export function hubStore(options: HubStoreOptions): SyncStore {
  const { db, funnel } = options;
  const now = options.now ?? Date.now;
  const s = {
    record: db.prepare('SELECT data FROM records WHERE entity = ? AND id = ?').pluck(),
    userOrigin: db.prepare("SELECT 1 FROM changes WHERE entity = 'user' AND origin = ? LIMIT 1").pluck(),
    head: db.prepare('SELECT coalesce(max(seq), 0) FROM feed').pluck(),
    countAfter: db.prepare('SELECT count(*) FROM feed WHERE seq > ? AND seq <= ?').pluck(),
    hasBlob: db.prepare('SELECT 1 FROM attachments WHERE hash = ?').pluck(),
    putBlob: db.prepare('INSERT OR IGNORE INTO attachments (hash, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)'),
    getBlob: db.prepare('SELECT mime, bytes FROM attachments WHERE hash = ?'),
  };
  const record = (entity: string, id: string) => {
    const data = s.record.get(entity, id) as string | undefined;
    return data ? (JSON.parse(data) as Record<string, unknown>) : null;
  };
  const reader: RecordReader = {
    record,
    authority: (id) => userAuthority(record('user', id)),
    // The origin that wrote the user records the host pulled from central is central: it alone writes users.
    isOwnNode: (origin) => origin !== funnel.nodeId && s.userOrigin.get(origin) !== undefined,
  };
  const feedAfter = (after: number, limit: number, upTo: number) =>
    funnel
      .feedAfter(after, limit)
      .entries.filter((e) => e.feedSeq <= upTo)
      .map(({ feedSeq, ...change }) => ({ seq: feedSeq, change: change as WireChange }));

  return {
    get nodeId() {
      return funnel.nodeId;
    },
    async epoch() {
      return funnel.epoch;
    },
    async vector() {
      return funnel.vector();
    },
    async push(changes, authorize: Authorize) {
      const result = funnel.receive(changes, { from: 'downstream', authorize: (change) => authorize(change, reader) });
      if (result.touched.size) options.received?.([...result.touched.keys()]);
      return { applied: result.applied, duplicates: result.duplicates, refused: result.refused.map(({ origin, seq, kind, code, reason }) => ({ origin, seq, kind, code, reason })) };
    },
    async pull(after, limit) {
      const head = s.head.get() as number;
      return { entries: feedAfter(after, limit, head), head };
    },
    async snapshot(after): Promise<Snapshot> {
      const head = s.head.get() as number;
      const count = s.countAfter.get(after, head) as number;
      async function* entries() {
        let from = after;
        while (from < head) {
          const page = feedAfter(from, SNAPSHOT_PAGE, head);
          if (!page.length) return;
          yield* page;
          from = page.at(-1)!.seq;
        }
      }
      return { epoch: funnel.epoch, head, count, entries: entries() };
    },
    async blobsMissing(hashes) {
      return [...new Set(hashes)].filter((h) => !s.hasBlob.get(h));
    },
    async putBlob(hash, blob: Blob) {
      s.putBlob.run(hash, blob.mime, blob.bytes.length, blob.bytes, now());
    },
    async getBlob(hash) {
      return (s.getBlob.get(hash) as Blob | undefined) ?? null;
    },
    accounts: noAccounts,
    // The database belongs to the desktop core: stopping the hub never closes it.
    async close() {},
  };
}

/** A user record as authority: role and scope from the synced record; a deleted or disabled user has none to use. */
export function userAuthority(data: Record<string, unknown> | null): Authority | null {
  if (!data || !roles.includes(data.role as never)) return null;
  const country = countryCodes.includes(data.country as never) ? (data.country as CountryCode) : null;
  return { role: data.role as Authority['role'], country, disabled: data.disabled === true || (data.deletedAt !== undefined && data.deletedAt !== null) };
}

const hubHasNoAccounts = async (): Promise<never> => {
  throw new SyncError('FORBIDDEN', 'A workshop hub keeps no accounts: users are added on the central server, and laptops join the hub with its pairing code.');
};

/** A hub manages no users, codes or tokens of central: every account operation is refused, plainly. */
const noAccounts: Accounts = {
  createUser: hubHasNoAccounts,
  listUsers: hubHasNoAccounts,
  findUserByEmail: hubHasNoAccounts,
  issueEnrollmentCode: hubHasNoAccounts,
  enroll: async () => ({ kind: 'invalid', reason: 'unknown' }),
  checkToken: async () => ({ kind: 'unknown' }),
  listTokens: hubHasNoAccounts,
  revokeToken: hubHasNoAccounts,
  disableUser: hubHasNoAccounts,
};
