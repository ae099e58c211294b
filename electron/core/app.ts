import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { AppError, type Result } from '../../shared/contract/result';
import pkg from '../../package.json' with { type: 'json' };
import { ChangeFunnel } from './changes/funnel';
import { installNodeHashing } from './hash';
import { openDatabase } from './db/open';
import { startCheckpointer } from './db/checkpointer';
import { expertCount, loadDemoData } from './demo/load';
import { loadVettingDemo, vettingDemoPresent } from './demo/vetting';
import { loadReportsDemo, reportsDemoPresent } from './demo/reports';
import { CoreEvents } from './events';
import { createDispatch, type Handlers } from './rpc/dispatch';
import { putPhoto, readAttachment } from './services/attachments';
import { expertProjection } from './services/experts/projection';
import { startDedupeIndexer } from './services/dedupe/indexer';
import { dedupeProjection } from './services/dedupe/projection';
import type { PhotoFile } from '../../shared/photos';
import { isServedAttachmentMime, type AttachmentFile } from '../../shared/attachmentFiles';
import { createPhotoFiles } from './services/photos/files';
import { facetCounts, searchExperts } from './services/experts/search';
import { ExpertsService } from './services/experts/service';
import { loadShippedTaxonomy } from './services/taxonomy-resource';
import { fileSecretStore, openSync, type SecretCipher } from './sync';
import { syncHandlers } from './sync/handlers';
import { hubHandlers, joinedHub } from './hub/handlers';
import { HubService } from './hub/service';
import { routedFetch } from './hub/transport';
import { vettingContext } from './services/vetting/context';
import { applicationHandlers } from './services/vetting/handlers-applications';
import { peopleHandlers } from './services/vetting/handlers-people';
import { applicationProjection } from './services/vetting/projection';
import { lettersHandlers } from './services/letters/handlers';
import { kioskHandlers } from './services/kiosk/handlers';
import { lockedWhileKiosk } from './services/kiosk/lock';
import { KioskService } from './services/kiosk/service';
import { importHandlers } from './services/import/handlers';
import { reportsHandlers } from './services/reports/handlers';
import { reportsContext } from './services/reports/context';
import { figuresHandlers } from './services/figures/handlers';
import { reportsExportHandlers } from './services/reports-export/handlers';

export interface CoreOptions {
  dataDir: string;
  mode: 'electron' | 'web' | 'test';
  /** Who the curator is, for "who changed what". Defaults to the operating-system user. */
  actor?: string;
  version?: string;
  /** See OpenOptions.nativeBinding. */
  nativeBinding?: string;
  /** The desktop shell's `app.isPackaged`: an installed app rather than one run from source. */
  packaged?: boolean;
  /** A build made to show the app (a demo build): offers demo data even when packaged. */
  demoBuild?: boolean;
  /**
   * Seals the sync token with the operating system's keychain (the desktop shell's safeStorage).
   * Without one, the token is kept in a file only this user can read.
   */
  secretCipher?: SecretCipher | null;
  /** Where a hosted workshop hub listens: every interface by default; tests pass '127.0.0.1'. */
  hubHost?: string;
  /**
   * Checkpoints the database's log on a thread of its own (db/checkpointer.ts), so no commit
   * waits for the disk. On by default, off by default in mode 'test' (hundreds of cores open
   * and close there; a thread each would only slow the suite).
   */
  checkpointThread?: boolean;
}

/**
 * Whether "Load demo data" is offered and demo.load accepted: from source (development,
 * browser mode, tests) and in demo builds, never in a packaged build for real use. A desktop
 * shell that does not say whether it is packaged counts as packaged, so forgetting the option
 * can only hide demo data, never offer it to real users.
 */
export function demoAllowed(options: Pick<CoreOptions, 'mode' | 'packaged' | 'demoBuild'>): boolean {
  if (options.demoBuild) return true;
  return !(options.packaged ?? options.mode === 'electron');
}

export interface Core {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * A stored photo as a square WebP thumbnail of an allowed size (shared/photos), or null.
   * Not a contract method: bytes go to an <img> through the app:// route or the browser-mode
   * photo route, never base64 inside JSON.
   */
  photoFile(hash: string, size: number): Promise<PhotoFile | null>;
  /**
   * A stored application document (PDF, DOCX, PNG, JPEG) with the type recorded when its bytes
   * were checked, or null. Not a contract method either: the app:// and browser-mode
   * attachment routes serve it to a frame (shared/attachmentFiles.ts).
   */
  attachmentFile(hash: string): Promise<AttachmentFile | null>;
  readonly nodeId: string;
  close(): void;
}

export const DATABASE_FILE = 'curator.db';

// Shared code's SHA-256 (vetting events, import keys) by Node's crypto in the core.
installNodeHashing();

/**
 * Opens the application core on a data folder: the database (migrated), the change funnel,
 * the services, and the dispatch every transport calls. Throws AppError('DB_TOO_NEW') for a
 * database written by a newer app.
 */
export function openCore(options: CoreOptions): Core {
  const file = join(options.dataDir, DATABASE_FILE);
  const db = openDatabase(file, { nativeBinding: options.nativeBinding });
  const checkpointer =
    (options.checkpointThread ?? options.mode !== 'test')
      ? startCheckpointer(db, { file, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), onError: (message) => console.error('The log checkpointer stopped; the database checkpoints on the core thread again:', message) })
      : null;
  const taxonomy = loadShippedTaxonomy();
  const funnel = new ChangeFunnel(db, [expertProjection(db, taxonomy), dedupeProjection(db), applicationProjection(db)]);
  const events = new CoreEvents();
  const osActor = options.actor ?? safeUserName();
  const secrets = fileSecretStore(options.dataDir, options.secretCipher ?? null);
  // Requests to a joined workshop hub go through the transport pinned to its certificate.
  const transport = routedFetch(db);
  const sync = openSync({
    db,
    fetch: transport.fetch,
    // Central is reached with the platform's fetch (only a hub goes through its pinned transport).
    snapshotThread: true,
    funnel,
    secrets,
    emitStatus: (status) => events.emit('sync', status),
    emitProgress: (p) => events.emit('progress', { task: 'sync', ...p }),
    changed: (entities) => events.emit('changed', { entities }),
  });
  // The dedupe projection only queues; this brings the duplicate index up to date when idle,
  // not while a sync pulls pages or a bulk import writes (a check drains what is left itself).
  let importing = false;
  const stopDedupeIndexer = startDedupeIndexer(db, {
    busy: () => importing || sync.status().state === 'syncing',
    onError: (error) => console.error('Duplicate index could not catch up; the next check will', error),
  });
  // Once enrolled, every change this device writes carries the signed-in user, not the OS account.
  const actor = () => sync.user()?.id ?? osActor;
  const experts = new ExpertsService(db, funnel, taxonomy, actor);
  // A local write: the UI refreshes and sync runs shortly (debounced). Pulled changes emit 'changed' without this.
  const changed = (...entities: string[]) => {
    events.emit('changed', { entities });
    sync.localWrite();
  };
  // Vetting's services (services/vetting) share one context: who acts, the settings, the funnel.
  const vetting = vettingContext({ db, funnel, serverUser: () => sync.user(), changed });
  const kiosk = new KioskService(vetting);
  const hub = new HubService({
    dataDir: options.dataDir,
    secrets,
    db,
    funnel,
    host: options.hubHost ?? (options.mode === 'test' ? '127.0.0.1' : '0.0.0.0'),
    // A laptop pushed to this hub: the host's screens refresh and its own sync relays to central soon.
    received: (entities) => changed(...entities),
    joined: () => joinedHub(db),
  });
  let demoRunning = false;
  const photos = createPhotoFiles(options.dataDir, (hash) => (db.open ? (readAttachment(db, hash)?.bytes ?? null) : null));
  const demoIsAllowed = demoAllowed(options);

  const handlers: Handlers = {
    'app.info': () => ({
      version: options.version ?? pkg.version,
      nodeId: funnel.nodeId,
      actor: actor(),
      user: sync.user(),
      expertCount: expertCount(db),
      mode: options.mode,
      demoAllowed: demoIsAllowed,
    }),
    ...syncHandlers(sync),
    ...hubHandlers({ hub, db, nodeId: () => funnel.nodeId, user: () => sync.user(), enroll: (i) => sync.enroll(i), leave: () => sync.removeRemote('hub') }),
    'taxonomy.list': () => ({ terms: [...taxonomy.terms] }),
    'experts.search': (i) => searchExperts(db, i),
    'experts.facets': (i) => facetCounts(db, i),
    'experts.get': (i) => experts.get(i.id),
    'experts.create': (i) => tap(experts.create(i), () => changed('expert')),
    'experts.update': (i) => tap(experts.update(i), () => changed('expert')),
    'experts.archive': (i) => tap(experts.setStatus(i.id, 'archived', i.reason), () => changed('expert')),
    'experts.restore': (i) => tap(experts.setStatus(i.id, 'active', i.reason), () => changed('expert')),
    'experts.history': (i) => experts.history(i.id),
    'portfolio.add': (i) => tap(experts.addPortfolio(i.expertId, i.item), () => changed('portfolio')),
    'portfolio.update': (i) => tap(experts.updatePortfolio(i.id, i.patch), () => changed('portfolio')),
    'portfolio.remove': (i) => tap(experts.removePortfolio(i.id), () => changed('portfolio')),
    'attachments.putPhoto': (i) => putPhoto(db, i.dataBase64),
    // Vetting (issue 7): each area spreads its handlers here.
    'vetting.settings': () => vetting.settings(),
    ...applicationHandlers(vetting),
    ...peopleHandlers(vetting, { taxonomy, serverUser: () => sync.user() }),
    ...lettersHandlers(vetting, (p) => events.emit('progress', { task: 'export', ...p })),
    ...kioskHandlers(kiosk),
    ...importHandlers(
      vetting,
      (p) => events.emit('progress', { task: 'import', ...p }),
      (running) => void (importing = running),
    ),
    // Case studies and stories (issue 8).
    ...reportsHandlers(reportsContext(vetting, taxonomy)),
    ...figuresHandlers(db, taxonomy),
    ...reportsExportHandlers(vetting, taxonomy, (p) => events.emit('progress', { task: 'export', ...p })),

    'demo.load': async (i) => {
      if (!demoIsAllowed) {
        throw new AppError('NOT_ALLOWED', 'Demo data is available only in development and demo builds, so that no synthetic expert enters a real directory. Nothing was added.');
      }
      if (demoRunning) throw new AppError('BUSY', 'Demo data is already loading. Wait for it to finish.');
      demoRunning = true;
      try {
        const loaded = await loadDemoData(db, funnel, {
          experts: i.experts,
          seed: i.seed,
          actor: actor(),
          onProgress: (done, total) => {
            events.emit('progress', { task: 'demo', done, total, finished: done >= total });
            changed('expert');
          },
        });
        // Vetting's demo team and applications in every stage (demo/vetting.ts), once.
        if (!vettingDemoPresent(db)) tap(loadVettingDemo(db, funnel, { seed: i.seed, now: Date.now() }), () => changed('user', 'application', 'vetting_event', 'expert'));
        // Case studies, stories and interviews (demo/reports.ts), by the demo team, with figures from the directory just loaded.
        if (!reportsDemoPresent(db)) tap(await loadReportsDemo(db, funnel, { seed: i.seed, now: Date.now(), taxonomy, actor: actor() }), () => changed('case_study', 'story', 'interview', 'report_comment'));
        return loaded;
      } finally {
        demoRunning = false;
      }
    },
  };

  // While the workshop kiosk is on, only its own methods are answered (services/kiosk/lock.ts).
  const dispatch = lockedWhileKiosk(createDispatch(handlers, { checkOutputs: options.mode === 'test' }), () => kiosk.active());
  // Reads the token (the keychain may answer asynchronously), then syncs if a server is set up.
  void sync.start().catch((error: unknown) => console.error('Sync could not start', error));
  return {
    dispatch,
    on: (event, listener) => events.on(event, listener),
    // The kiosk shows no expert, so it serves no photo, nor any document either.
    photoFile: (hash, size) => (kiosk.active() ? Promise.resolve(null) : photos.photoFile(hash, size)),
    async attachmentFile(hash) {
      if (kiosk.active()) return null;
      const stored = db.open ? readAttachment(db, hash) : null;
      return stored && isServedAttachmentMime(stored.mime) ? { mime: stored.mime, bytes: new Uint8Array(stored.bytes.buffer, stored.bytes.byteOffset, stored.bytes.byteLength) } : null;
    },
    // Read fresh: a copied data folder found by sync takes a new node id (changes/fork.ts).
    get nodeId() {
      return funnel.nodeId;
    },
    close() {
      if (!db.open) return;
      stopDedupeIndexer();
      void sync.close();
      void hub.close();
      void transport.close();
      void checkpointer?.stop();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

function tap<T>(value: T, after: () => void): T {
  after();
  return value;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'curator';
  } catch {
    return 'curator';
  }
}
