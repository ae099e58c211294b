import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { MAX_PUSH_ENTRIES, pullRequestSchema, pushRequestSchema, SYNC_PREFIX, type PullResponse, type PushResponse } from '../../shared/sync/protocol';
import { principalOf } from '../auth';
import { authorizeFor } from '../authorize';
import { SyncError } from '../errors';
import type { FeedStore } from '../store';
import { parseInput } from '../validate';

const snapshotQuerySchema = z.object({ after: z.coerce.number().int().min(0).default(0) });

/** Push, pull and the first-sync snapshot: the feed of entries this node stores. */
export const syncRoutes: FastifyPluginAsync<{ store: FeedStore }> = async (app, { store }) => {
  app.post(`${SYNC_PREFIX}/push`, async (request): Promise<PushResponse> => {
    const principal = principalOf(request);
    const raw = request.body as { changes?: unknown } | null;
    if (raw && Array.isArray(raw.changes) && raw.changes.length > MAX_PUSH_ENTRIES) {
      throw new SyncError('BATCH_TOO_LONG', `A push may carry at most ${MAX_PUSH_ENTRIES} changes; this one has ${raw.changes.length}. Nothing was stored; send them in smaller batches.`, {
        max: MAX_PUSH_ENTRIES,
        received: raw.changes.length,
      });
    }
    const { node, changes, epoch } = parseInput(pushRequestSchema, raw, 'push');
    // A push composed before this server was restored from a backup (delayed, or replayed) is not stored.
    const current = await store.epoch();
    if (epoch !== undefined && epoch !== current) {
      throw new SyncError('EPOCH_CHANGED', 'This server was restored from a backup since this computer last pulled. Nothing was stored; the app pulls again, then sends what the server lacks.', { epoch: current });
    }
    await refuseForgedOwnChanges(store, changes);
    const outcome = await store.push(changes, authorizeFor(principal, node));
    if (outcome.refused.length) {
      request.log.info({ refused: outcome.refused.length, codes: [...new Set(outcome.refused.map((r) => r.code))] }, 'push: changes refused');
    }
    return { epoch: current, vector: await store.vector(), applied: outcome.applied, duplicates: outcome.duplicates, refused: outcome.refused };
  });

  app.post(`${SYNC_PREFIX}/pull`, async (request): Promise<PullResponse> => {
    const { cursor, limit } = parseInput(pullRequestSchema, request.body, 'pull');
    const epoch = await store.epoch();
    // A cursor of another epoch points into a feed this server no longer has: start over.
    const after = cursor && cursor.epoch === epoch ? cursor.seq : 0;
    const page = await store.pull(after, limit);
    const last = page.entries.at(-1)?.seq ?? Math.min(after, page.head);
    return { changes: page.entries.map((e) => e.change), cursor: { epoch, seq: last }, more: last < page.head, vector: await store.vector(), head: page.head };
  });

  // A first sync streams every entry the server holds (about 130 MB of JSON for 50,000 experts):
  // gzip level 3 costs half the CPU of the default 6 for about a fifth more bytes.
  app.get(`${SYNC_PREFIX}/snapshot`, { compress: { encodings: ['gzip'], customTypes: /^application\/x-ndjson/, zlibOptions: { level: 3 } } }, async (request, reply) => {
    const { after } = parseInput(snapshotQuerySchema, request.query, 'snapshot query');
    const snapshot = await store.snapshot(after);
    // One chunk per page of lines, not one per line: the stream and gzip work per chunk.
    async function* lines() {
      yield `${JSON.stringify({ epoch: snapshot.epoch, head: snapshot.head, count: snapshot.count })}\n`;
      for await (const page of snapshot.pages) {
        let text = '';
        for (const l of page) text += `${l.line}\n`;
        yield text;
      }
    }
    return reply.type('application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(Readable.from(lines()));
  });
};

/**
 * Changes under this server's own node id that it does not hold were not written by it: they
 * would take seqs its own next writes need. The batch is refused before anything is stored.
 */
async function refuseForgedOwnChanges(store: FeedStore, changes: readonly unknown[]): Promise<void> {
  const own = changes.filter((c) => (c as { origin?: unknown } | null)?.origin === store.nodeId) as { seq?: unknown }[];
  if (!own.length) return;
  const held = (await store.vector())[store.nodeId] ?? 0;
  const forged = own.find((c) => typeof c.seq !== 'number' || c.seq > held);
  if (forged) {
    throw new SyncError('FORBIDDEN', "This batch holds changes under the server's own node id that the server never wrote. Nothing was stored.", {
      origin: store.nodeId,
      seq: forged.seq,
    });
  }
}
