import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '../../../../shared/ids';
import type { EventType, Payloads } from '../../../../shared/model/vetting/events';
import type { Role, SyncUser } from '../../../../shared/sync/protocol';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase, type Db } from '../../db/open';
import { createDispatch, type Handlers } from '../../rpc/dispatch';
import { loadShippedTaxonomy } from '../taxonomy-resource';
import { appendEvent, submitApplication } from './append';
import { PROFILE_META_KEY, vettingContext, type VettingContext } from './context';
import { peopleHandlers } from './handlers-people';
import { reviewerProfile } from './reviewers';
import { readUser } from './users';

/**
 * A vetting world for tests: a real SQLite file, the change funnel, the vetting context and the
 * people handlers behind the real dispatch (contract checks on input and output), a clock the
 * test moves, and helpers to add users and walk applications through their steps.
 */
export interface World {
  db: Db;
  funnel: ChangeFunnel;
  ctx: VettingContext;
  // Tests read answers loosely: the contract's output check already ran on them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(method: string, input?: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string; details?: any } }>;
  /** Sets the clock (ms). */
  at(ms: number): void;
  now(): number;
  server: { user: SyncUser | null };
  addUser(role: Role, fields?: Record<string, unknown>): string;
  actAs(userId: string): void;
  application(fields?: Record<string, unknown>, by?: string): string;
  step<K extends Exclude<EventType, 'submitted'>>(applicationId: string, type: K, payload: Payloads[K]): void;
  close(): void;
}

export const term = { hrm: 'hrm', recruitment: 'hrm.recruitment', competency: 'competency', assessment: 'competency.assessment', performance: 'performance' };

export function vettingWorld(): World {
  const dir = mkdtempSync(join(tmpdir(), 'vetting-people-'));
  const db = openDatabase(join(dir, 'data.db'));
  let clock = Date.UTC(2026, 0, 5, 9);
  const funnel = new ChangeFunnel(db, [], () => clock);
  const server: { user: SyncUser | null } = { user: null };
  const ctx = vettingContext({ db, funnel, serverUser: () => server.user, changed: () => {}, now: () => clock });
  const taxonomy = loadShippedTaxonomy();
  const dispatch = createDispatch(peopleHandlers(ctx, { taxonomy, serverUser: () => server.user, nodeId: () => funnel.nodeId }) as unknown as Handlers, {
    checkOutputs: true,
    log: () => {},
  });
  let n = 0;
  const world: World = {
    db,
    funnel,
    ctx,
    server,
    call: (method, input) => dispatch(method, input ?? {}) as never,
    at: (ms) => void (clock = ms),
    now: () => clock,
    addUser(role, fields = {}) {
      const id = uuidv7(clock);
      n++;
      funnel.write('setup', [{ entity: 'user', id, fields: { name: `User ${n}`, role, country: null, disabled: false, agency: '', expertise: [], declaredConflicts: [], email: '', ...fields } }]);
      return id;
    },
    actAs(userId) {
      if (!readUser(db, userId)) throw new Error(`no user ${userId}`);
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PROFILE_META_KEY, userId);
    },
    application(fields = {}, by) {
      const who = by ? { ...ctx.requireActor(), id: by } : ctx.requireActor();
      return submitApplication(ctx, who, {
        givenName: 'Siti',
        familyName: 'Rahma',
        nameOrder: 'given-family',
        country: 'ID',
        nominatingCountry: 'ID',
        applicantType: 'academic',
        source: 'curator',
        agency: 'Ministry of Administrative Reform',
        expertise: [term.recruitment],
        ...fields,
      }).id;
    },
    step(applicationId, type, payload) {
      const reviewerId = type === 'assigned' ? (payload as Payloads['assigned']).reviewerId : null;
      const reviewer = reviewerId ? readUser(db, reviewerId) : null;
      appendEvent(ctx, applicationId, type, payload, reviewer ? { reviewer: reviewerProfile(reviewer) } : {});
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Screening payload that makes an application eligible. */
export const eligible = { criteria: [{ criterion: 'experience' as const, met: true, note: '12 years' }], outcome: 'eligible' as const };
