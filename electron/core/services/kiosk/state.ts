import { z } from 'zod';
import { roles } from '../../../../shared/sync/protocol';
import type { Db } from '../../db/open';

/**
 * The kiosk's state, kept in `meta` so that a reload, a crash or a restart of the app while the
 * kiosk is on comes back locked: only the PIN ends it. Tries and the lock-out travel with it,
 * so restarting the app does not reset the count of wrong PINs either.
 */

export const KIOSK_META_KEY = 'kiosk.state';

export const kioskStateSchema = z.object({
  lang: z.enum(['en', 'id']),
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The curator who started the kiosk: every application it takes is written as them. */
  by: z.object({ id: z.string().min(1), name: z.string(), role: z.enum(roles), country: z.string().nullable() }),
  startedAt: z.number(),
  submitted: z.number().int().min(0),
  /** Wrong PINs in a row since the last right one. */
  failures: z.number().int().min(0),
  /** No PIN is checked before this time (ms), after too many wrong ones. */
  lockedUntil: z.number(),
});
export type KioskState = z.infer<typeof kioskStateSchema>;

export function readKioskState(db: Db): KioskState | null {
  const raw = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(KIOSK_META_KEY) as string | undefined;
  if (raw === undefined) return null;
  try {
    const parsed = kioskStateSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: handled below.
  }
  // SQLite writes the row whole, so only another version of the app or a hand edit of the file
  // leaves it unreadable; both need access to the data folder, which the person at the kiosk
  // does not have. Reading it as "off" lets the curator back in rather than lock them out.
  console.error('The kiosk state in the database could not be read; the kiosk is treated as off.');
  return null;
}

export function writeKioskState(db: Db, state: KioskState | null): void {
  if (state === null) db.prepare('DELETE FROM meta WHERE key = ?').run(KIOSK_META_KEY);
  else db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KIOSK_META_KEY, JSON.stringify(state));
}
