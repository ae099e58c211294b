import { hostname } from 'node:os';
import type { SyncStatus } from '../../../shared/contract/sync';
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
  private phase: 'idle' | 'syncing' | 'offline' | 'error' = 'idle';
  private progress: Progress | null = null;
  private problem: { code: string; message: string } | null = null;
  private abort: AbortController | null = null;
  private closed = false;

  constructor(private readonly deps: SyncServiceDeps) {
    this.remotes = deps.remotes;
    this.timers = deps.timers ?? realTimers;
    this.fetch = deps.fetch ?? fetch;
    this.scheduler = new SyncScheduler(() => this.cycle(), this.timers, undefined, () => this.publish());
  }

  private started: Promise<void> | null = null;

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
    for (const r of this.remotes.list() ?? []) this.tokens.set(r.id, await this.deps.secrets.get(tokenKey(r.id)));
    const primary = this.primary();
    if (!primary) return;
    if (primary.blocked) {
      this.phase = 'error';
      this.problem = primary.blocked;
    } else if (!this.tokens.get(primary.id)) {
      this.phase = 'error';
      this.problem = { code: 'UNAUTHENTICATED', message: "This computer's sign-in could not be read (the system keychain may have changed). Sign in again in Settings with a new enrollment code." };
    } else this.scheduler.start();
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
    const primary = this.primary();
    const problems = this.deps.db.prepare('SELECT count(*) FROM refused_changes').pluck().get() as number;
    if (!primary) {
      return offStatus(problems);
    }
    return {
      configured: Boolean(this.tokens.get(primary.id)),
      serverUrl: primary.baseUrl,
      user: this.user(),
      // A refusal kept from an earlier run (a revoked token) holds until the curator acts.
      state: primary.blocked && this.phase !== 'syncing' ? 'error' : this.phase,
      lastSyncedAt: primary.lastSyncedAt,
      waiting: lacking(this.deps.vector(), primary.vector),
      progress: this.progress,
      problem: primary.blocked && this.phase !== 'syncing' ? primary.blocked : this.problem,
      problems,
      nextAttemptAt: this.scheduler.nextAttemptAt,
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
    await this.stopCycle();
    // The token first: a row without its token would read as "sign in again".
    await this.deps.secrets.set(tokenKey(id), enrolled.token);
    this.tokens.set(id, enrolled.token);
    this.remotes.enroll({ id, baseUrl, pin: id === 'hub' ? (hub?.pin ?? null) : null, tokenId: enrolled.tokenId, user: enrolled.user, now: this.timers.now() });
    this.phase = 'idle';
    this.problem = null;
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
    this.phase = 'idle';
    this.problem = null;
    this.progress = null;
    return this.publish();
  }

  now(): SyncStatus {
    const primary = this.primary();
    if (!primary || !this.tokens.get(primary.id)) {
      throw new AppError('NOT_ALLOWED', 'Sync is not set up on this computer. Enter the server address and your enrollment code in Settings first.');
    }
    this.remotes.block(primary.id, null);
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

  /** One run over every remote; the scheduler decides the next from its outcome. */
  private async cycle(): Promise<RunOutcome> {
    const abort = (this.abort = new AbortController());
    let warning: CycleReport['warning'] = null;
    let current: Remote | null = null;
    try {
      for (const remote of this.remotes.list() ?? []) {
        current = remote;
        const token = this.tokens.get(remote.id);
        if (!token || remote.blocked) continue;
        this.phase = 'syncing';
        this.publish();
        const report = await this.deps.runCycle({ remote, token, signal: abort.signal, progress: (p) => this.setProgress(p) });
        this.remotes.markSynced(remote.id, this.timers.now());
        warning ??= report.warning;
      }
      this.phase = 'idle';
      this.problem = warning;
      return 'ok';
    } catch (error) {
      return this.failed(error, current);
    } finally {
      this.abort = null;
      if (this.progress) this.deps.emitProgress({ done: this.progress.total, total: this.progress.total, finished: true });
      this.progress = null;
      this.publish();
    }
  }

  private failed(error: unknown, remote: Remote | null): RunOutcome {
    // Closing aborts the run and closes the database under it: nothing to report.
    if (this.closed) return 'blocked';
    const failure = describeFailure(error);
    if (failure.unexpected) (this.deps.log ?? console.error)('Sync failed', error);
    this.phase = failure.phase;
    this.problem = failure.problem;
    if (failure.block && remote) this.remotes.block(remote.id, failure.problem);
    return failure.outcome;
  }
}

const offStatus = (problems: number): SyncStatus => ({ configured: false, serverUrl: null, user: null, state: 'off', lastSyncedAt: null, waiting: 0, progress: null, problem: null, problems, nextAttemptAt: null });

function safeHostname(): string {
  try {
    return hostname().slice(0, 100);
  } catch {
    return '';
  }
}
