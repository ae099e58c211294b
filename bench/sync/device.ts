/**
 * Devices of the sync bench other than the one under test: each a node of its own (its own
 * funnel database, node id, user and token) that writes through its change funnel and pushes
 * its log as the sync client does (POST /sync/v1/push, pages of at most 1000 in (origin, seq)
 * order, each page after the answer to the one before). Used as the source of remote edits
 * and as the 10 devices pushing at once.
 */
import { join } from 'node:path';
import { MAX_PUSH_ENTRIES, SYNC_PREFIX, type PushResponse, type VersionVector } from '../../shared/sync/protocol';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import type { Write } from '../../electron/core/changes/types';
import { openDatabase, type Db } from '../../electron/core/db/open';

export class PushingDevice {
  readonly funnel: ChangeFunnel;
  private token = '';
  userId = '';

  private constructor(private readonly db: Db) {
    this.funnel = new ChangeFunnel(db, []);
  }

  static async enroll(dir: string, url: string, code: string, name: string): Promise<PushingDevice> {
    const device = new PushingDevice(openDatabase(join(dir, 'device.db')));
    const reply = await fetch(`${url}${SYNC_PREFIX}/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, node: device.funnel.nodeId, deviceName: name }),
    });
    if (!reply.ok) throw new Error(`Enrolling ${name}: HTTP ${reply.status} ${await reply.text()}`);
    const body = (await reply.json()) as { token: string; user: { id: string } };
    device.token = body.token;
    device.userId = body.user.id;
    return device;
  }

  /** The header that authenticates this device's requests. */
  get authorization(): string {
    return `Bearer ${this.token}`;
  }

  /** Local writes by this device's user, in transactions of `batch`. */
  write(writes: readonly Write[], batch = 1000): void {
    for (let i = 0; i < writes.length; i += batch) this.funnel.write(this.userId, writes.slice(i, i + batch));
  }

  /** The push bodies for everything this device holds beyond `theirs`, serialised ahead of time. */
  pushBodies(theirs: VersionVector = {}): { body: string; count: number }[] {
    const bodies: { body: string; count: number }[] = [];
    let vector = { ...theirs };
    for (;;) {
      const page = this.funnel.missingFrom(vector, MAX_PUSH_ENTRIES);
      if (!page.length) return bodies;
      bodies.push({ body: JSON.stringify({ node: this.funnel.nodeId, changes: page }), count: page.length });
      vector = { ...vector };
      for (const e of page) vector[e.origin] = Math.max(vector[e.origin] ?? 0, e.seq);
    }
  }

  /** Sends the bodies in order; every change must be applied (none refused, none a duplicate). */
  async send(url: string, bodies: readonly { body: string; count: number }[]): Promise<number> {
    let applied = 0;
    for (const { body, count } of bodies) {
      const reply = await fetch(`${url}${SYNC_PREFIX}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body,
        signal: AbortSignal.timeout(120_000),
      });
      if (!reply.ok) throw new Error(`Push: HTTP ${reply.status} ${await reply.text()}`);
      const answer = (await reply.json()) as PushResponse;
      if (answer.applied !== count || answer.refused.length) {
        throw new Error(`Push: ${answer.applied} of ${count} changes applied, ${answer.refused.length} refused (${answer.refused[0]?.reason ?? ''}).`);
      }
      applied += answer.applied;
    }
    return applied;
  }

  close(): void {
    this.db.close();
  }
}
