import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/contract/methods';
import { demoAllowed, openCore, type Core, type CoreOptions } from '../app';

let open: { core: Core; dir: string }[] = [];
afterEach(() => {
  for (const { core, dir } of open) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
  open = [];
});

function start(options: Omit<CoreOptions, 'dataDir'>) {
  const dir = mkdtempSync(join(tmpdir(), 'curator-demo-'));
  const core = openCore({ ...options, dataDir: dir, actor: 'ana' });
  open.push({ core, dir });
  return core;
}

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('demo data is offered only in development and demo builds', () => {
  it('decides from how the app runs', () => {
    expect(demoAllowed({ mode: 'web' })).toBe(true);
    expect(demoAllowed({ mode: 'test' })).toBe(true);
    expect(demoAllowed({ mode: 'electron', packaged: false })).toBe(true);
    expect(demoAllowed({ mode: 'electron', packaged: true })).toBe(false);
    // A desktop shell that does not say counts as packaged: forgetting can only hide demo data.
    expect(demoAllowed({ mode: 'electron' })).toBe(false);
    expect(demoAllowed({ mode: 'electron', packaged: true, demoBuild: true })).toBe(true);
  });

  it('a packaged build says so in app.info and refuses demo.load, writing nothing', async () => {
    const core = start({ mode: 'electron', packaged: true });
    expect((await value<Output<'app.info'>>(core.dispatch('app.info', {}))).demoAllowed).toBe(false);
    const r = await core.dispatch('demo.load', { experts: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('NOT_ALLOWED');
    expect((await value<Output<'app.info'>>(core.dispatch('app.info', {}))).expertCount).toBe(0);
  });

  it('marks demo experts as demo, in the record and in the directory, and real ones not', async () => {
    const core = start({ mode: 'electron', packaged: false });
    expect((await value<Output<'app.info'>>(core.dispatch('app.info', {}))).demoAllowed).toBe(true);
    await value(core.dispatch('demo.load', { experts: 3 }));
    const demo = await value<Output<'experts.search'>>(core.dispatch('experts.search', { sort: 'name' }));
    expect(demo.items).toHaveLength(3);
    expect(demo.items.every((i) => i.demo === true)).toBe(true);
    expect((await value<Output<'experts.get'>>(core.dispatch('experts.get', { id: demo.items[0]!.id }))).demo).toBe(true);

    // The demo flag is not a field a curator edit can clear or set.
    const real = await value<Output<'experts.create'>>(core.dispatch('experts.create', { expert: { givenName: 'Budi', country: 'ID', demo: true } as never }));
    expect(real.demo).toBe(false);
    const after = await value<Output<'experts.update'>>(core.dispatch('experts.update', { id: demo.items[0]!.id, patch: { demo: false } as never }));
    expect(after.demo).toBe(true);
  });
});
