import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { DATABASE_FILE, openCore, type Core } from '../../../electron/core/app';
import { ChangeFunnel, type ReceiveResult } from '../../../electron/core/changes/funnel';
import { openDatabase } from '../../../electron/core/db/open';
import { expertProjection } from '../../../electron/core/services/experts/projection';
import { loadShippedTaxonomy } from '../../../electron/core/services/taxonomy-resource';
import { eventSchemas, type AppErrorShape, type CuratorBridge, type EventName, type EventPayload, type Input, type MethodName, type Output, type Result } from '../../../shared/contract';
import type { Expert, ExpertCreate, PortfolioFields } from '../../../shared/model/expert';

/**
 * The bridge component tests render the app over: the real core (electron/core/app.ts) on a
 * fresh data folder, dispatching in-process, so the screens meet the same validation, search
 * and history the app has. What it adds is what a transport can do to a call: record it, fail
 * it, or hold its answer back (to prove a late answer is not shown over a newer one).
 */

export interface RecordedCall {
  method: MethodName;
  input: unknown;
}

/** A seed for a test record: what experts.create takes, plus an optional archived status. */
export type ExpertSeed = ExpertCreate & { status?: 'active' | 'archived' };

const open = new Set<CoreBridge>();
afterEach(() => {
  for (const bridge of open) bridge.close();
  open.clear();
});

export class CoreBridge implements CuratorBridge {
  readonly calls: RecordedCall[] = [];
  /** Makes the next call of a method answer with this error instead of reaching the core (a transport failure). */
  readonly failNext: Partial<Record<MethodName, AppErrorShape>> = {};
  private readonly holds: { method: MethodName; when: (input: unknown) => boolean; gate: Promise<void> }[] = [];
  /** The core's data folder (a test may prepare what a screen needs before a profile screen exists, e.g. the profile chosen on this device). */
  readonly dir: string;
  private readonly others: Core[] = [];
  private readonly listeners = new Set<{ event: EventName; listener: (payload: unknown) => void }>();
  readonly core: Core;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'curator-renderer-'));
    this.core = openCore({ dataDir: this.dir, mode: 'test', actor: 'tester' });
    open.add(this);
  }

  callsOf<M extends MethodName>(method: M): Input<M>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input as Input<M>);
  }

  /**
   * Holds back the answers of calls that match until the returned function is called. The
   * call still reaches the core at once; only its answer waits, like a slow transport.
   */
  hold<M extends MethodName>(method: M, when: (input: Input<M>) => boolean = () => true): () => void {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ method, when: when as (input: unknown) => boolean, gate });
    return release;
  }

  async invoke<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    this.calls.push({ method, input });
    const forced = this.failNext[method];
    if (forced) {
      delete this.failNext[method];
      return { ok: false, error: forced };
    }
    const held = this.holds.find((h) => h.method === method && h.when(input));
    const result = (await this.core.dispatch(method, input)) as Result<Output<M>>;
    if (held) await held.gate;
    return result;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    // Events cross a transport in the app (IPC, SSE): deliver them after the emitting call returns.
    const offCore = this.core.on(event, (payload) => queueMicrotask(() => listener(payload)));
    const own = (payload: unknown) => queueMicrotask(() => listener(payload as EventPayload<E>));
    this.listeners.add({ event, listener: own });
    return () => {
      offCore();
      for (const entry of this.listeners) if (entry.listener === own) this.listeners.delete(entry);
    };
  }

  /**
   * Delivers an event as if the core had sent it, for states a test core cannot reach on its
   * own (a sync under way, a server out of reach). The payload is checked against the
   * contract's schema, so a test can only send what a real core could.
   */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = eventSchemas[event].parse(payload);
    for (const entry of [...this.listeners]) if (entry.event === event) entry.listener(checked);
  }

  /** Creates an expert through the core (and archives it when the seed says so), unrecorded. */
  async insert(seed: ExpertSeed, portfolio: PortfolioFields[] = []): Promise<Expert> {
    const { status, ...expert } = seed;
    const created = await this.core.dispatch('experts.create', { expert, portfolio });
    if (!created.ok) throw new Error(`Seed refused: ${created.error.message}`);
    let record = created.value as Expert;
    if (status === 'archived') {
      const archived = await this.core.dispatch('experts.archive', { id: record.id, reason: 'Seeded as archived' });
      if (!archived.ok) throw new Error(`Seed refused: ${archived.error.message}`);
      record = archived.value as Expert;
    }
    return record;
  }

  /**
   * A second core on the same data folder, like another process writing the same file: its
   * writes reach the database but announce nothing to this bridge's listeners.
   */
  otherWriter(): Core {
    const other = openCore({ dataDir: this.dir, mode: 'test', actor: 'other-writer' });
    this.others.push(other);
    return other;
  }

  /**
   * Changes arriving from other nodes, through the real funnel on this core's data folder (as
   * sync stores them): one with a bad value is rejected, one naming what this version does
   * not know is parked, each kept with its reason.
   */
  receiveFromOtherNodes(changes: readonly unknown[]): ReceiveResult {
    const db = openDatabase(join(this.dir, DATABASE_FILE));
    try {
      return new ChangeFunnel(db, [expertProjection(db, loadShippedTaxonomy())]).receive(changes);
    } finally {
      db.close();
    }
  }

  close(): void {
    open.delete(this);
    for (const other of this.others.splice(0)) other.close();
    this.core.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A bridge over a fresh core holding these experts. */
export async function coreWith(seeds: ExpertSeed[]): Promise<CoreBridge> {
  const bridge = new CoreBridge();
  for (const seed of seeds) await bridge.insert(seed);
  return bridge;
}
