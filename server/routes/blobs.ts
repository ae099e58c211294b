import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { blobHashSchema, blobsMissingRequestSchema, MAX_BLOB_BYTES, SYNC_PREFIX } from '../../shared/sync/protocol';
import { principalOf } from '../auth';
import { SyncError } from '../errors';
import type { FeedStore } from '../store';
import { parseInput } from '../validate';

/** A media type as stored and served back: type/subtype, no parameters. */
const mimePattern = /^[a-z]+\/[a-z0-9][a-z0-9.+-]{0,99}$/;

/**
 * Content-addressed blobs (photos now; letters and documents later). The client asks which
 * hashes the server lacks and uploads only those; the server hashes every upload itself and
 * refuses one whose bytes do not match its address, so a blob can never be replaced.
 */
export const blobRoutes: FastifyPluginAsync<{ store: FeedStore }> = async (app, { store }) => {
  // In this scope only, every body is raw bytes (any media type), up to the blob limit.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BLOB_BYTES }, (_request, body, done) => done(null, body));
  // ...except the JSON of /blobs/missing.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      done(Object.assign(error as Error, { statusCode: 400 }), undefined);
    }
  });

  app.post(`${SYNC_PREFIX}/blobs/missing`, async (request) => {
    const { hashes } = parseInput(blobsMissingRequestSchema, request.body, 'list of blobs');
    return { missing: await store.blobsMissing(hashes) };
  });

  app.put<{ Params: { hash: string } }>(`${SYNC_PREFIX}/blobs/:hash`, async (request, reply) => {
    if (principalOf(request).user.role === 'reviewer') {
      throw new SyncError('FORBIDDEN', 'A reviewer cannot upload files to the directory. Ask a curator.');
    }
    const hash = parseInput(blobHashSchema, request.params.hash, 'blob address');
    const mime = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!mimePattern.test(mime) || mime === 'application/json') {
      throw new SyncError('UNSUPPORTED_MEDIA_TYPE', 'Send a blob with the Content-Type of its bytes (for example image/webp).');
    }
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== hash) {
      throw new SyncError('BLOB_HASH_MISMATCH', 'The bytes received do not match their hash; nothing was stored. Send the file again.', { expected: hash, received: actual });
    }
    await store.putBlob(hash, { mime, bytes });
    return reply.status(204).send();
  });

  app.get<{ Params: { hash: string } }>(`${SYNC_PREFIX}/blobs/:hash`, async (request, reply) => {
    const hash = parseInput(blobHashSchema, request.params.hash, 'blob address');
    const blob = await store.getBlob(hash);
    if (!blob) throw new SyncError('NOT_FOUND', 'The server does not hold this file. The device that added it has not synced it yet.', { hash });
    // The bytes are whatever a device uploaded: never let a browser run or sniff them.
    return reply
      .type(blob.mime)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', 'attachment')
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(blob.bytes);
  });
};
