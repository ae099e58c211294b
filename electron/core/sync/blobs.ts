import { createHash } from 'node:crypto';
import { syncedBlobMimes } from '../../../shared/attachments';
import { blobsMissingResponseSchema, MAX_BLOB_BYTES, SYNC_PREFIX } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import { requestJson, send, type Fetch } from './http';

/**
 * Attachments travel as content-addressed blobs, separately from the changes that name them:
 * before a push, the bytes the server lacks go up; after a pull, the bytes this node lacks come
 * down, each checked against its SHA-256 before it is stored. A blob that cannot be had now
 * (the server has not received it yet) is simply missing; the record still shows, without it.
 */

export interface BlobTarget {
  fetch: Fetch;
  baseUrl: string;
  token: string;
  signal?: AbortSignal;
}


function held(db: Db, hashes: Iterable<string>): Set<string> {
  const has = db.prepare('SELECT 1 FROM attachments WHERE hash = ?').pluck();
  return new Set([...hashes].filter((h) => has.get(h) !== undefined));
}

/** Uploads the referenced blobs this node holds and the server lacks. Returns how many went up. */
export async function uploadMissing(db: Db, target: BlobTarget, hashes: Set<string>): Promise<number> {
  const mine = [...held(db, hashes)];
  let sent = 0;
  for (let i = 0; i < mine.length; i += 1000) {
    const { missing } = await requestJson(target.fetch, target.baseUrl, 'POST', `${SYNC_PREFIX}/blobs/missing`, blobsMissingResponseSchema, {
      token: target.token,
      body: { hashes: mine.slice(i, i + 1000) },
    });
    const read = db.prepare('SELECT mime, bytes FROM attachments WHERE hash = ?');
    for (const hash of missing) {
      const row = read.get(hash) as { mime: string; bytes: Buffer } | undefined;
      if (!row) continue;
      await send(target.fetch, target.baseUrl, 'PUT', `${SYNC_PREFIX}/blobs/${hash}`, { token: target.token, bytes: { data: row.bytes, mime: row.mime }, timeoutMs: 120_000 });
      sent++;
    }
  }
  return sent;
}

/** Downloads the referenced blobs this node lacks. Returns the hashes it could not get now. */
export async function downloadMissing(db: Db, target: BlobTarget, hashes: Set<string>, now: () => number): Promise<string[]> {
  const have = held(db, hashes);
  const insert = db.prepare('INSERT OR IGNORE INTO attachments (hash, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)');
  const failed: string[] = [];
  for (const hash of hashes) {
    if (have.has(hash)) continue;
    let response: Response;
    try {
      response = await send(target.fetch, target.baseUrl, 'GET', `${SYNC_PREFIX}/blobs/${hash}`, { token: target.token, timeoutMs: 120_000 });
    } catch (error) {
      // Not on the server yet (its uploader is offline): try again in a later cycle.
      if ((error as { serverCode?: unknown }).serverCode === 'NOT_FOUND') {
        failed.push(hash);
        continue;
      }
      throw error;
    }
    const mime = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const bytes = Buffer.from(await response.arrayBuffer());
    // Never trusted: the bytes must be what the hash names, of a type the app shows, and not huge.
    if (bytes.length > MAX_BLOB_BYTES || !syncedBlobMimes.has(mime) || createHash('sha256').update(bytes).digest('hex') !== hash) {
      failed.push(hash);
      continue;
    }
    insert.run(hash, mime, bytes.length, bytes, now());
  }
  return failed;
}

/**
 * Every attachment a record references that this node lacks (after a first sync from a snapshot
 * or an earlier failure): experts' photos, and the files of case studies and stories (photos,
 * the signed consent form) and of interviews (the form and the recording).
 */
export function referencedButMissing(db: Db): Set<string> {
  const rows = db
    .prepare(
      `SELECT h FROM (
         SELECT json_extract(data, '$.photo.hash') AS h FROM records WHERE entity = 'expert'
         UNION SELECT json_extract(data, '$.attachment.hash') FROM records WHERE entity = 'interview'
         UNION SELECT json_extract(data, '$.recording.hash') FROM records WHERE entity = 'interview'
         UNION SELECT json_extract(data, '$.consent.form.hash') FROM records WHERE entity = 'story'
         UNION SELECT json_extract(p.value, '$.hash') FROM records, json_each(records.data, '$.photos') AS p
           WHERE records.entity IN ('case_study', 'story') AND json_type(records.data, '$.photos') = 'array'
       ) WHERE h IS NOT NULL AND h NOT IN (SELECT hash FROM attachments)`,
    )
    .pluck()
    .all() as unknown[];
  return new Set(rows.filter((h): h is string => typeof h === 'string' && sha256.test(h)));
}

const sha256 = /^[0-9a-f]{64}$/;

/** Content hashes of attachments (photos now, documents later) that these changes' fields reference. */
export function blobRefs(changes: readonly { fields?: unknown }[]): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 3) return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const hash = (value as { hash?: unknown }).hash;
    if (typeof hash === 'string' && sha256.test(hash)) found.add(hash);
    for (const v of Object.values(value)) visit(v, depth + 1);
  };
  for (const c of changes) visit(c.fields, 0);
  return found;
}
