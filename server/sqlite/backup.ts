import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import type { Db } from '../../electron/core/db/open';

/**
 * Backups of the central database, and what a server opened on one must do.
 *
 * A backup is a consistent copy (SQLite's online backup: the server may keep running) with a
 * flag in its `meta`. A server that opens a flagged database has come back from the past: the
 * devices may hold entries it has lost, and its own writes after the backup (user records)
 * under seqs it will now issue again. So, once, in one transaction before anything is served:
 * - it starts a new epoch, which tells every device to re-pull and re-push what it lacks;
 * - it takes a new node id, keeping the old one as a former id, so its new writes never
 *   collide with the lost ones devices still hold under the old id (sync-design.md: a
 *   restored backup is a fork).
 */

const RESTORE_FLAG = 'server.restore_pending';

/** Copies the live database at `source` to `target` (which must not exist) and flags the copy. */
export async function backupDatabase(source: string, target: string, now: () => number = Date.now): Promise<void> {
  if (!existsSync(source)) throw new Error(`There is no server database at ${source}. Check --data-dir.`);
  if (existsSync(target)) throw new Error(`${target} already exists; choose another file name (a backup never overwrites a file).`);
  const live = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await live.backup(target);
  } finally {
    live.close();
  }
  const copy = new Database(target);
  try {
    copy.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(RESTORE_FLAG, new Date(now()).toISOString());
    // One self-contained file: no -wal beside it to forget when it is copied away.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Whether `file` is a backup made by backupDatabase (and not yet opened by a server). */
export function isFlaggedBackup(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT 1 FROM meta WHERE key = ?').pluck().get(RESTORE_FLAG) === 1;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database at `target` (the server must be stopped). The
 * database it replaces, with its -wal and -shm, is moved aside, never deleted; a stale -wal
 * next to the restored file would otherwise be replayed into it.
 */
export function restoreDatabase(backup: string, target: string, now: () => number = Date.now): { movedAside: string | null } {
  if (!isFlaggedBackup(backup)) throw new Error(`${backup} is not a backup made by \`npm run server -- backup\` (or a server has already opened it).`);
  let movedAside: string | null = null;
  if (existsSync(target)) {
    movedAside = `${target}.replaced-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, movedAside + suffix);
  }
  copyFileSync(backup, target);
  return { movedAside };
}

/**
 * On opening: when the database is a flagged backup, takes a new node id and a new epoch and
 * clears the flag, all in one transaction (before the funnel reads its identity). True if it did.
 */
export function takeRestoreFlag(db: Db): boolean {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  if (get.get(RESTORE_FLAG) === undefined) return false;
  const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    const former = new Set<string>(JSON.parse((get.get('server.former_nodes') as string | undefined) ?? '[]'));
    const node = get.get('node_id') as string | undefined;
    if (node) former.add(node);
    set.run('server.former_nodes', JSON.stringify([...former]));
    db.prepare("DELETE FROM meta WHERE key IN ('node_id', ?)").run(RESTORE_FLAG);
    set.run('epoch', randomBytes(8).toString('hex'));
  }).immediate();
  return true;
}
