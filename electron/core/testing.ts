import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../shared/contract/methods';
import type { AppErrorShape } from '../../shared/contract/result';
import { openCore, type Core } from './app';

/**
 * A real core on a fresh data folder for tests, with `call` (throws on a refusal) and
 * `refuse` (throws on success). Register `closeAll` in afterEach so no database stays open.
 */
export function testCores() {
  const open: Core[] = [];
  function start(dataDir = mkdtempSync(join(tmpdir(), 'curator-core-'))) {
    const core = openCore({ dataDir, mode: 'test', actor: 'ana' });
    open.push(core);
    const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
      const r = await core.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value as Output<M>;
    };
    const refuse = async (method: string, input: unknown): Promise<AppErrorShape> => {
      const r = await core.dispatch(method, input);
      if (r.ok) throw new Error(`${method} was accepted`);
      return r.error;
    };
    return { core, call, refuse, dataDir };
  }
  const closeAll = () => open.splice(0).forEach((c) => c.close());
  return { start, closeAll };
}
