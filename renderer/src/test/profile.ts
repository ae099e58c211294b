import { join } from 'node:path';
import { DATABASE_FILE } from '../../../electron/core/app';
import { openDatabase } from '../../../electron/core/db/open';
import { PROFILE_META_KEY } from '../../../electron/core/services/vetting/context';
import { uuidv7 } from '../../../shared/ids';
import type { CoreBridge } from './coreBridge';

const ADMIN_NODE = 'c0ffee00c0ffee00';

/**
 * Gives the test core a profile, as Settings → Profile leaves it: a user record (arriving as a
 * synced change from another node, through the real funnel) and the meta key naming it. The
 * kiosk writes applications as this user.
 */
export function chooseProfile(bridge: CoreBridge, name = 'Siti Rahma', role: 'curator' | 'admin' | 'focal_point' | 'reviewer' = 'curator'): string {
  const id = uuidv7();
  const received = bridge.receiveFromOtherNodes([
    { origin: ADMIN_NODE, seq: 1, hlc: `${String(Date.now() - 60_000).padStart(15, '0')}-000001`, actor: 'admin', entity: 'user', id, op: 'put', fields: { name, role, country: null, disabled: false, deletedAt: null } },
  ]);
  if (received.refused.length > 0) throw new Error(`The test profile was refused: ${JSON.stringify(received.refused)}`);
  const db = openDatabase(join(bridge.dir, DATABASE_FILE));
  try {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PROFILE_META_KEY, id);
  } finally {
    db.close();
  }
  return id;
}
