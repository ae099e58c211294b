import type { Input, MethodName, Output } from '../../../../shared/contract/methods';
import type { AppErrorShape } from '../../../../shared/contract/result';
import type { Role } from '../../../../shared/sync/protocol';
import { createDispatch, type Handlers } from '../../rpc/dispatch';
import { loadShippedTaxonomy } from '../taxonomy-resource';
import { vettingNodes } from '../vetting/testing-applications';
import { reportsContext, type ReportsContext } from './context';
import { reportsHandlers } from './handlers';

/**
 * Nodes for the reports' tests: vetting's test node (a real SQLite file, the funnel with the
 * core's projections, a clock the test owns, `as(user)` signing a user in as a device does
 * before enrollment) with the reports' handlers behind the real dispatch (inputs validated,
 * outputs checked against the contract).
 */
export function reportNodes() {
  const vetting = vettingNodes();
  const taxonomy = loadShippedTaxonomy();

  function node(name = 'node') {
    const n = vetting.node(`reports-${name}`);
    const ctx: ReportsContext = reportsContext(n.ctx, taxonomy);
    const dispatch = createDispatch(reportsHandlers(ctx) as Handlers, { checkOutputs: true, log: (m, e) => console.error(m, e) });

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
    const user = (name: string, role: Role, country: string | null = null) => n.user(name, role, { country });
    /** Rows of the change log: what a write really stored. */
    const changeCount = () => n.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
    return { db: n.db, funnel: n.funnel, ctx, dispatch, call, refuse, user, as: n.as, expert: n.expert, changed: n.changed, changeCount };
  }

  return { node, cleanup: vetting.cleanup };
}

export type ReportNode = ReturnType<ReturnType<typeof reportNodes>['node']>;

/** One node's changes the other lacks, as a push or pull carries them. */
export const exchange = (from: ReportNode, to: ReportNode) => to.funnel.receive(from.funnel.missingFrom(to.funnel.vector()));

/** n words of plain text. */
export const words = (n: number, word = 'word') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
