import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../../../shared/sync/protocol';
import { ChangeFunnel } from '../../changes/funnel';
import type { Projection } from '../../changes/types';
import { openDatabase, type Db } from '../../db/open';
import { PROFILE_META_KEY, vettingContext, type VettingContext } from '../vetting/context';

/** Windows-1252 bytes of text that fits it (Latin-1 where the two agree, plus ’ and –). */
export const cp1252 = (text: string) => Buffer.from([...text].map((c) => ({ '’': 0x92, '–': 0x96 })[c] ?? c.charCodeAt(0)));
/** UTF-16LE with its byte order mark: Excel's "Unicode text". */
export const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/**
 * Writes a user record and chooses it as this device's profile (meta `profile.user`), as the
 * profile screen does before enrollment: who acts for vetting (context.ts).
 */
export function chooseProfile(db: Db, funnel: ChangeFunnel, user: { id: string; name: string; role: Role; country: string | null }): void {
  funnel.write('setup', [{ entity: 'user', id: user.id, fields: { name: user.name, role: user.role, country: user.country, disabled: false, deletedAt: null } }]);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PROFILE_META_KEY, user.id);
}

export interface ImportWorld {
  dir: string;
  db: Db;
  funnel: ChangeFunnel;
  ctx: VettingContext;
  changed: string[][];
  close(): void;
}

/** A real database file in a temporary folder, its funnel (with `projections`, none by default) and a vetting context; `close` removes it all. */
export function importWorld(projections: (db: Db) => Projection[] = () => []): ImportWorld {
  const dir = mkdtempSync(join(tmpdir(), 'curator-import-'));
  const db = openDatabase(join(dir, 'curator.db'));
  const funnel = new ChangeFunnel(db, projections(db));
  const changed: string[][] = [];
  const ctx = vettingContext({ db, funnel, serverUser: () => null, changed: (...e) => void changed.push(e) });
  return {
    dir,
    db,
    funnel,
    ctx,
    changed,
    close() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
