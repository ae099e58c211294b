import { AppError } from '../../../../shared/contract/result';
import type { Actor } from '../../../../shared/model/vetting/roles';
import { settingsFrom, VETTING_SETTINGS_ID, type VettingSettings } from '../../../../shared/model/vetting/settings';
import type { SyncUser } from '../../../../shared/sync/protocol';
import type { ChangeFunnel } from '../../changes/funnel';
import type { Db } from '../../db/open';
import { readRaw } from '../experts/read';
import { readUser } from './users';

/** Where the profile chosen on this device (before or without enrollment) is kept. */
export const PROFILE_META_KEY = 'profile.user';

/** Who acts, as vetting's rules see them, with the name every screen shows. */
export type VettingActor = Actor & { name: string };

/**
 * What every vetting service needs from the core: the database, the funnel its writes go
 * through, who acts, and how to tell the screens (and sync) that something changed. Built
 * once in core/app.ts.
 */
export interface VettingContext {
  db: Db;
  funnel: ChangeFunnel;
  /** The signed-in server user, else the profile chosen on this device, else null (first start). */
  actor(): VettingActor | null;
  /** The actor, or AppError NOT_ALLOWED telling the curator to choose a profile first. */
  requireActor(): VettingActor;
  settings(): VettingSettings;
  /** A local write happened: the UI refreshes and sync runs soon. */
  changed(...entities: string[]): void;
  now(): number;
}

export interface VettingContextOptions {
  db: Db;
  funnel: ChangeFunnel;
  serverUser: () => SyncUser | null;
  changed: (...entities: string[]) => void;
  now?: () => number;
}

export function vettingContext(o: VettingContextOptions): VettingContext {
  const getMeta = o.db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const actor = (): VettingActor | null => {
    const server = o.serverUser();
    if (server) return { id: server.id, name: server.name, role: server.role, country: server.country };
    const chosen = getMeta.get(PROFILE_META_KEY) as string | undefined;
    if (!chosen) return null;
    // Read as the profile screen reads it (profile.ts), so who acts is who the screen says.
    const user = readUser(o.db, chosen);
    if (!user || user.disabled) return null;
    return { id: chosen, name: user.name, role: user.role, country: user.country };
  };
  return {
    db: o.db,
    funnel: o.funnel,
    actor,
    requireActor() {
      const who = actor();
      if (!who) throw new AppError('NOT_ALLOWED', 'Choose or create your profile first (Settings → Profile), so that every step says who took it. Nothing was saved.');
      return who;
    },
    settings: () => settingsFrom(readRaw(o.db, 'vetting_settings', VETTING_SETTINGS_ID)?.data as Record<string, unknown> | undefined),
    changed: o.changed,
    now: o.now ?? Date.now,
  };
}
