import QRCode from 'qrcode';
import { AppError } from '../../../shared/contract/result';
import type { HubStatus } from '../../../shared/contract/hub';
import type { ChangeFunnel } from '../changes/funnel';
import type { Db } from '../db/open';
import type { SecretStore } from '../sync/secrets';
import { loadOrCreateCertificate, type HubCertificate } from './cert';
import { pairingCode, pairingUri } from './pairing';
import { hubAddresses, listenHub, type RunningHub } from './server';
import { hubStore } from './store';
import { HubAccess } from './tokens';

export interface HubServiceDeps {
  dataDir: string;
  /** Where the hub's TLS key is kept (the device token's store: the keychain where available). */
  secrets: SecretStore;
  db: Db;
  funnel: ChangeFunnel;
  /** '0.0.0.0' in the app; tests pass '127.0.0.1' so nothing listens beyond this computer. */
  host: string;
  /** A push stored changes: the UI refreshes and the host's own sync relays them to central. */
  received: (entities: string[]) => void;
  /** The hub this laptop joined (its sync_remote row), for the status. */
  joined: () => HubStatus['joined'];
  now?: () => number;
}

const ACTIVE_MS = 2 * 60_000;

/** Hosting a workshop hub on this laptop: start, stop, and what the host screen shows. */
export class HubService {
  private running: RunningHub | null = null;
  private certificate: HubCertificate | null = null;
  private access: HubAccess | null = null;
  private qr: { text: string; svg: string } | null = null;
  private problem: HubStatus['problem'] = null;
  private starting: Promise<HubStatus> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: HubServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  start(input: { port: number; newCode: boolean }): Promise<HubStatus> {
    if (this.starting) throw new AppError('BUSY', 'The hub is already starting. Wait a moment.');
    this.starting = this.doStart(input).finally(() => (this.starting = null));
    return this.starting;
  }

  private async doStart({ port, newCode }: { port: number; newCode: boolean }): Promise<HubStatus> {
    if (this.running && !newCode) return this.status();
    await this.closeServer();
    this.certificate = await loadOrCreateCertificate(this.deps.dataDir, this.deps.secrets);
    this.access ??= new HubAccess(this.deps.dataDir, this.now);
    if (newCode) this.access.renew();
    const store = hubStore({ db: this.deps.db, funnel: this.deps.funnel, now: this.now, received: this.deps.received });
    try {
      this.running = await listenHub({ db: this.deps.db, store, access: this.access, certificate: this.certificate, host: this.deps.host, port });
      this.problem = null;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const message =
        code === 'EADDRINUSE'
          ? `Port ${port} is already in use on this laptop (another hub or program). Choose another port, or close that program, and start again.`
          : code === 'EACCES'
            ? `This laptop does not allow listening on port ${port}. Choose a port above 1024 and start again.`
            : `The hub could not start (${String(code ?? (error as Error).message)}). Check the network settings and start again.`;
      this.problem = { code: 'BUSY', message };
      throw new AppError('BUSY', message);
    }
    const addresses = hubAddresses(this.deps.host, this.running.port);
    const text = pairingUri(addresses[0] ?? `https://127.0.0.1:${this.running.port}`, this.certificate.fingerprint, this.access.secret);
    this.qr = { text, svg: await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
    return this.status();
  }

  async stop(): Promise<HubStatus> {
    await this.closeServer();
    return this.status();
  }

  status(): HubStatus {
    const running = this.running;
    const devices = this.access?.devices() ?? [];
    const since = this.now() - ACTIVE_MS;
    return {
      running: running !== null,
      addresses: running ? hubAddresses(this.deps.host, running.port) : [],
      port: running?.port ?? null,
      code: running && this.certificate && this.access ? pairingCode(this.certificate.fingerprint, this.access.secret) : null,
      qrSvg: running ? (this.qr?.svg ?? null) : null,
      qrText: running ? (this.qr?.text ?? null) : null,
      fingerprint: running ? (this.certificate?.fingerprint ?? null) : null,
      devices: { joined: devices.length, active: devices.filter((d) => (d.lastSeenAt ?? 0) >= since).length },
      joined: this.deps.joined(),
      problem: this.problem,
    };
  }

  /** Stops listening (the core is closing); the database stays the core's to close. */
  close(): Promise<void> {
    return this.closeServer();
  }

  private async closeServer(): Promise<void> {
    const running = this.running;
    this.running = null;
    this.qr = null;
    if (running) await running.close();
  }
}
