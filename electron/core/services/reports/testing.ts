import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../../../shared/contract/methods';
import type { AppErrorShape } from '../../../../shared/contract/result';
import { uuidv7 } from '../../../../shared/ids';
import { expertDefaults, type ExpertFields } from '../../../../shared/model/expert';
import type { Role } from '../../../../shared/sync/protocol';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase, type Db } from '../../db/open';
import { createDispatch, type Handlers } from '../../rpc/dispatch';
import { expertProjection } from '../experts/projection';
import { loadShippedTaxonomy } from '../taxonomy-resource';
import { PROFILE_META_KEY, vettingContext } from '../vetting/context';
import { reportsContext, type ReportsContext } from './context';
import { reportsHandlers } from './handlers';

/**
 * Nodes for the reports' tests: each a real SQLite file with the change funnel, the reports'
 * handlers behind the real dispatch (inputs validated, outputs checked against the contract),
 * and a clock the test owns. `as(user)` signs a user in as a device does before enrollment.
 */
export function reportNodes() {
  const dirs: string[] = [];
  const dbs: Db[] = [];
  const taxonomy = loadShippedTaxonomy();
  let clock = 1_780_000_000_000;

  function node(name = 'node') {
    const dir = mkdtempSync(join(tmpdir(), `curator-reports-${name}-`));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'curator.db'));
    dbs.push(db);
    const now = () => (clock += 1000);
    const funnel = new ChangeFunnel(db, [expertProjection(db, taxonomy)], now);
    const changed: string[] = [];
    const ctx: ReportsContext = reportsContext(vettingContext({ db, funnel, serverUser: () => null, changed: (...e) => changed.push(...e), now }), taxonomy);
    const dispatch = createDispatch(reportsHandlers(ctx) as Handlers, { checkOutputs: true, log: (m, e) => console.error(m, e) });
    const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');

    const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
      const r = await dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value as Output<M>;
    };
    const refuse = async <M extends MethodName>(method: M, input: Input<M>): Promise<AppErrorShape> => {
      const r = await dispatch(method, input);
      if (r.ok) throw new Error(`${method} was accepted`);
      return r.error;
    };
    const user = (name: string, role: Role, country: string | null = null) => {
      const id = uuidv7();
      funnel.write('setup', [{ entity: 'user', id, fields: { name, role, country, disabled: false } }]);
      return id;
    };
    const as = (userId: string) => setMeta.run(PROFILE_META_KEY, userId);
    const expert = (fields: Partial<ExpertFields> & Pick<ExpertFields, 'givenName' | 'country'>) => {
      const id = uuidv7();
      funnel.write('setup', [{ entity: 'expert', id, fields: { ...expertDefaults, ...fields, status: 'active', statusReason: '' } }]);
      return id;
    };
    /** Rows of the change log: what a write really stored. */
    const changeCount = () => db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
    return { db, funnel, ctx, dispatch, call, refuse, user, as, expert, changed, changeCount };
  }

  const cleanup = () => {
    for (const db of dbs.splice(0)) db.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  };
  return { node, cleanup };
}

export type ReportNode = ReturnType<ReturnType<typeof reportNodes>['node']>;

/** One node's changes the other lacks, as a push or pull carries them. */
export const exchange = (from: ReportNode, to: ReportNode) => to.funnel.receive(from.funnel.missingFrom(to.funnel.vector()));

/** n words of plain text. */
export const words = (n: number, word = 'word') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
