import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hubDir } from './cert';
import { newSecret } from './pairing';

/**
 * The hub's own credentials, kept in `<dataDir>/hub/access.json` (readable by this user only):
 * the pairing secret and, for each laptop that joined, the SHA-256 of its hub token with the
 * user it declared. Tokens are shown once (in the join answer) and never stored in clear.
 * A new pairing code (hub.start with newCode) forgets every joined laptop.
 */

export interface JoinedDevice {
  tokenId: string;
  tokenHash: string;
  userId: string;
  node: string;
  deviceName: string;
  joinedAt: number;
  lastSeenAt: number | null;
}

interface AccessFile {
  secret: string;
  devices: JoinedDevice[];
}

const CODE_TTL_MS = 5 * 60_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class HubAccess {
  private state: AccessFile;
  private readonly pending = new Map<string, { userId: string; node: string; deviceName: string; expiresAt: number }>();
  private readonly dir: string;
  private readonly file: string;

  constructor(dataDir: string, private readonly now: () => number = Date.now) {
    this.dir = hubDir(dataDir);
    this.file = join(this.dir, 'access.json');
    this.state = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as AccessFile) : { secret: newSecret(), devices: [] };
    if (!existsSync(this.file)) this.save();
  }

  get secret(): string {
    return this.state.secret;
  }

  /** A new pairing secret; every laptop that joined must join again. */
  renew(): void {
    this.state = { secret: newSecret(), devices: [] };
    this.pending.clear();
    this.save();
  }

  /** Constant-time comparison: the answer time tells nothing about how much of a guess was right. */
  secretMatches(candidate: string): boolean {
    const a = Buffer.from(sha256(candidate.toUpperCase().replace(/[\s-]+/g, '')));
    const b = Buffer.from(sha256(this.state.secret));
    return timingSafeEqual(a, b);
  }

  /**
   * A laptop that showed the pairing secret gets a one-time code (16 symbols, 5 minutes, for its
   * node only), which it trades for a hub token through the ordinary enrollment request: the
   * sync client then sets the hub up exactly as it sets up central.
   */
  admit(input: { userId: string; node: string; deviceName: string }): { code: string; expiresAt: number } {
    const code = newSecret();
    const expiresAt = this.now() + CODE_TTL_MS;
    for (const [hash, p] of this.pending) if (p.expiresAt < this.now() || p.node === input.node) this.pending.delete(hash);
    this.pending.set(sha256(code), { ...input, expiresAt });
    return { code, expiresAt };
  }

  /** Spends a one-time code (once, before it expires, from the node it was issued to) for a hub token. */
  redeem(code: string, node: string): { token: string; tokenId: string; userId: string } | null {
    const hash = sha256(code.toUpperCase().replace(/[\s-]+/g, ''));
    const pending = this.pending.get(hash);
    if (!pending || pending.node !== node || pending.expiresAt < this.now()) return null;
    this.pending.delete(hash);
    return { ...this.join(pending), userId: pending.userId };
  }

  /** Issues a hub token for a laptop; joining again from the same node replaces its old token. */
  private join(input: { userId: string; node: string; deviceName: string }): { token: string; tokenId: string } {
    const token = `axh_${randomBytes(32).toString('base64url')}`;
    const tokenId = randomBytes(8).toString('hex');
    this.state.devices = this.state.devices.filter((d) => d.node !== input.node);
    this.state.devices.push({ tokenId, tokenHash: sha256(token), ...input, joinedAt: this.now(), lastSeenAt: null });
    this.save();
    return { token, tokenId };
  }

  /** The laptop behind a token, noting when it was last seen (kept in memory; saved on the next join). */
  check(token: string): JoinedDevice | null {
    const hash = sha256(token);
    const device = this.state.devices.find((d) => d.tokenHash === hash) ?? null;
    if (device) device.lastSeenAt = this.now();
    return device;
  }

  devices(): readonly JoinedDevice[] {
    return this.state.devices;
  }

  private save(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
