import { hostname } from 'node:os';
import type { SyncRemoteStatus, SyncStatus } from '../../../shared/contract/sync';
import { AppError } from '../../../shared/contract/result';
import { enrollResponseSchema, SYNC_PREFIX, type SyncUser, type VersionVector } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import { requestJson, type Fetch } from './http';
import { describeFailure } from './outcome';
import { listProblems } from './problems';
import type { RemoteStore, Remote, RemoteId } from './remotes';
import { realTimers, SyncScheduler, type RunOutcome, type Timers } from './scheduler';
import type { SecretStore } from './secrets';
import { checkServerUrl } from './url-policy';
import { offStatus, sumUp, unreadableToken, type Phase } from './status';
import { lacking } from './vector';

/**
 * The sync client as the app sees it: enrollment, sign-out, "Sync now", and the status the
 * shell shows. The cycle itself (push, pull, blobs) is `runCycle` (engine.ts); this module
 * decides when it runs (scheduler.ts) and turns its outcome into a status a curator can read.
 */

export type Progress = NonNullable<SyncStatus['progress']>;

export interface CycleContext {
  remote: Remote;
  token: string;
  signal: AbortSignal;
  progress(p: Progress | null): void;
}

export interface CycleReport {
  /** A warning to show although the sync succeeded (e.g. CLOCK_SKEW). */
  warning: { code: string; message: string } | null;
}

export interface SyncServiceDeps {
  db: Db;
  remotes: RemoteStore;
  nodeId: () => string;
  /** This node's version vector (the funnel's). */
  vector: () => VersionVector;
  secrets: SecretStore;
  runCycle: (ctx: CycleContext) => Promise<CycleReport>;
  emit: (status: SyncStatus) => void;
  emitProgress: (p: { done: number; total: number; finished: boolean }) => void;
  fetch?: Fetch;
  timers?: Timers;
  log?: (message: string, error: unknown) => void;
}

const tokenKey = (id: RemoteId) => `sync-token:${id}`;


export class SyncService {
  private readonly remotes: RemoteStore;
  private readonly tokens = new Map<RemoteId, string | null>();
  private readonly scheduler: SyncScheduler;
  private readonly timers: Timers;
  private readonly fetch: Fetch;
  /** Each remote's last outcome in this run of the app (blocked ones are also kept in their row). */
  private readonly states = new Map<RemoteId, { phase: Phase; problem: { code: string; message: string } | null }>();
  /** The remote a run is syncing right now, and how far it is. */
  private current: RemoteId | null = null;
  private progress: Progress | null = null;
  private abort: AbortController | null = null;
  private closed = false;

  constructor(private readonly deps: SyncServiceDeps) {
    this.remotes = deps.remotes;
    this.timers = deps.timers ?? realTimers;
    this.fetch = deps.fetch ?? fetch;
    this.scheduler = new SyncScheduler(() => this.cycle(), this.timers, undefined, () => this.publish());
  }

  private started: Promise<void> | null = null;

  /** Aborted when the run under way is stopped: its requests pass it on (index.ts). */
  get runSignal(): AbortSignal | null {
    return this.abort?.signal ?? null;
  }

  /** Resolves once start() has read the tokens: every method waits for it. */
  get ready(): Promise<void> {
    return this.started ?? Promise.resolve();
  }

  /** Reads the tokens (the keychain may be slow) and starts scheduling if a server is set up. */
  start(): Promise<void> {
    this.started ??= this.load();
    return this.started;
  }

  private async load(): Promise<void> {
    for (const r of this.remotes.list() ?? []) {
      const token = await this.deps.secrets.get(tokenKey(r.id));
      this.tokens.set(r.id, token);
      if (!token) this.states.set(r.id, { phase: 'error', problem: unreadableToken });
    }
    const remotes = this.remotes.list();
    if (remotes.length === 0) return;
    if (remotes.some((r) => this.tokens.get(r.id) && !r.blocked)) this.scheduler.start();
    this.publish();
  }

  /** The remote the status describes: a workshop hub while one is set up, else central. */
  private primary(): Remote | null {
    return this.remotes.list()[0] ?? null;
  }

  /** Who this device is signed in as: the synced user record where held, else what enrollment said. */
  user(): SyncUser | null {
    const primary = this.primary();
    return primary ? this.remotes.userOf(primary) : null;
  }

  status(): SyncStatus {
    const problems = this.deps.db.prepare('SELECT count(*) FROM refused_changes').pluck().get() as number;
    const all = this.remotes.list();
    const primary = all[0];
    if (!primary) return offStatus(problems);
    const vector = this.deps.vector();
    return sumUp(
      all.map((r) => this.remoteStatus(r, vector)),
      { configured: Boolean(this.tokens.get(primary.id)), user: this.user(), progress: this.progress, problems, nextAttemptAt: this.scheduler.nextAttemptAt },
    );
  }

  private remoteStatus(r: Remote, vector: VersionVector): SyncRemoteStatus {
    const held = this.states.get(r.id) ?? { phase: 'idle', problem: null };
    const syncing = this.current === r.id;
    // A refusal kept from an earlier run (a revoked token) holds until the curator acts.
    // (A row without its token is either unreadable, found so at start, or being enrolled.)
    const stopped = !syncing && r.blocked;
    return {
      id: r.id,
      url: r.baseUrl,
      state: syncing ? 'syncing' : stopped ? 'error' : held.phase === 'syncing' ? 'idle' : held.phase,
      lastSyncedAt: r.lastSyncedAt,
      waiting: lacking(vector, r.vector),
      progress: syncing ? this.progress : null,
      problem: stopped || held.problem,
    };
  }

  problems(limit: number) {
    return listProblems(this.deps.db, this.deps.nodeId(), limit);
  }

  async enroll(input: { serverUrl: string; code: string; deviceName?: string | undefined }): Promise<SyncStatus> {
    const hub = this.remotes.get('hub');
    const baseUrl = checkServerUrl(input.serverUrl, { isPairedHub: (origin) => hub !== null && hub.pin !== null && new URL(hub.baseUrl).origin === origin });
    const id: RemoteId = hub && hub.pin !== null && new URL(hub.baseUrl).origin === new URL(baseUrl).origin ? 'hub' : 'central';
    const enrolled = await requestJson(this.fetch, baseUrl, 'POST', `${SYNC_PREFIX}/enroll`, enrollResponseSchema, {
      body: { code: input.code, node: this.deps.nodeId(), deviceName: input.deviceName ?? (safeHostname() || 'Curator') },
      timeoutMs: 20_000,
    });
    // What the last run found there no longer holds: the curator has just signed in anew.
    this.states.delete(id);
    await this.stopCycle();
    // The token first: a row without its token would read as "sign in again".
    await this.deps.secrets.set(tokenKey(id), enrolled.token);
    this.tokens.set(id, enrolled.token);
    this.remotes.enroll({ id, baseUrl, pin: id === 'hub' ? (hub?.pin ?? null) : null, tokenId: enrolled.tokenId, user: enrolled.user, now: this.timers.now() });
    this.states.delete(id);
    this.scheduler.start();
    return this.publish();
  }

  /** Forgets every server and token. Changes already written keep their author. */
  async signOut(): Promise<SyncStatus> {
    await this.stopCycle();
    for (const r of this.remotes.list() ?? []) {
      await this.deps.secrets.delete(tokenKey(r.id));
      this.tokens.delete(r.id);
      this.remotes.remove(r.id);
    }
    this.states.clear();
    this.progress = null;
    return this.publish();
  }

  /**
   * Stops syncing with one server (leaving a workshop hub) and forgets it: its run, if one is
   * under way, is stopped and awaited first, so no step of it writes to a row or token that is
   * gone; the row goes before the token (a row without its token reads as "sign in again").
   * Sync with the other server, if any, starts again right away.
   */
  async removeRemote(id: RemoteId): Promise<SyncStatus> {
    await this.stopCycle();
    try {
      this.remotes.remove(id);
      this.tokens.delete(id);
      this.states.delete(id);
      await this.deps.secrets.delete(tokenKey(id));
    } finally {
      if (!this.closed && this.remotes.list().some((r) => this.tokens.get(r.id) && !r.blocked)) this.scheduler.start();
    }
    return this.publish();
  }

  now(): SyncStatus {
    const primary = this.primary();
    if (!primary || !this.tokens.get(primary.id)) {
      throw new AppError('NOT_ALLOWED', 'Sync is not set up on this computer. Enter the server address and your enrollment code in Settings first.');
    }
    for (const r of this.remotes.list()) this.remotes.block(r.id, null);
    this.scheduler.now();
    return this.publish();
  }

  /** A local write: sync shortly (debounced). */
  localWrite(): void {
    this.scheduler.localWrite();
    this.publish();
  }

  /** Stops for good (the core is closing): no run starts, a run under way stops at its next step. */
  close(): Promise<void> {
    this.closed = true;
    return this.stopCycle();
  }

  private async stopCycle(): Promise<void> {
    this.scheduler.stop();
    this.abort?.abort();
    await this.scheduler.idle();
  }

  private publish(): SyncStatus {
    if (this.closed) return offStatus(0);
    const status = this.status();
    this.deps.emit(status);
    return status;
  }

  private setProgress(p: Progress | null): void {
    this.progress = p;
    if (p) this.deps.emitProgress({ done: p.done, total: p.total, finished: p.done >= p.total });
    this.publish();
  }

  /**
   * One run over every remote, each on its own: a hub that is gone (the workshop is over) does
   * not keep this device from syncing with central, nor central's absence (at the workshop)
   * from syncing with the hub. The scheduler decides the next run from the outcomes: while
   * one server answered, runs follow writes and the interval as usual; only when none did
   * does the backoff apply; and only when every server refused does sync wait for the curator.
   */
  private async cycle(): Promise<RunOutcome> {
    const abort = (this.abort = new AbortController());
    const outcomes: RunOutcome[] = [];
    try {
      for (const remote of this.remotes.list()) {
        if (abort.signal.aborted) break;
        const token = this.tokens.get(remote.id);
        if (!token || remote.blocked) continue;
        this.current = remote.id;
        this.publish();
        try {
          const report = await this.deps.runCycle({ remote, token, signal: abort.signal, progress: (p) => this.setProgress(p) });
          this.remotes.markSynced(remote.id, this.timers.now());
          this.states.set(remote.id, { phase: 'idle', problem: report.warning });
          outcomes.push('ok');
        } catch (error) {
          // Closing aborts the run and closes the database under it; a run stopped on purpose
          // (leaving a hub, signing in again) is not a failure either: nothing to report.
          if (this.closed || abort.signal.aborted) return 'blocked';
          outcomes.push(this.failed(error, remote));
        } finally {
          this.current = null;
          if (this.progress) this.deps.emitProgress({ done: this.progress.total, total: this.progress.total, finished: true });
          this.progress = null;
        }
      }
      if (outcomes.includes('ok') || outcomes.length === 0) return 'ok';
      return outcomes.includes('retry') ? 'retry' : 'blocked';
    } finally {
      this.abort = null;
      this.publish();
    }
  }

  private failed(error: unknown, remote: Remote): RunOutcome {
    const failure = describeFailure(error);
    if (failure.unexpected) (this.deps.log ?? console.error)('Sync failed', error);
    this.states.set(remote.id, { phase: failure.phase, problem: failure.problem });
    if (failure.block) this.remotes.block(remote.id, failure.problem);
    return failure.outcome;
  }
}


function safeHostname(): string {
  try {
    return hostname().slice(0, 100);
  } catch {
    return '';
  }
}
