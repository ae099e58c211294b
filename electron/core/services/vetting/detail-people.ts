import type { ReviewerProfile } from '../../../../shared/model/vetting/interest';
import type { Role } from '../../../../shared/sync/protocol';
import type { Db } from '../../db/open';
import { readRaw } from '../experts/read';

/**
 * What vetting reads of a `user` record: the name every page shows beside a step, and the
 * reviewer's profile the conflict-of-interest rules need. Fields the user record may not carry
 * yet (agency, declared conflicts, from an older app or before the people screens set them)
 * are read defensively: absent or malformed reads as empty.
 */
export interface VettingUser {
  id: string;
  name: string;
  role: Role | null;
  country: string | null;
  agency: string;
  declaredConflicts: string[];
  disabled: boolean;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function readUser(db: Db, id: string): VettingUser | null {
  const raw = readRaw(db, 'user', id);
  if (!raw || raw.data.deletedAt) return null;
  const d = raw.data;
  return {
    id,
    name: str(d.name),
    role: typeof d.role === 'string' ? (d.role as Role) : null,
    country: typeof d.country === 'string' ? d.country : null,
    agency: str(d.agency),
    declaredConflicts: Array.isArray(d.declaredConflicts) ? d.declaredConflicts.filter((x): x is string => typeof x === 'string') : [],
    disabled: d.disabled === true,
  };
}

/** The reviewer as interest.ts sees them, or null when no such user is known here. */
export function reviewerProfile(db: Db, id: string): ReviewerProfile | null {
  const u = readUser(db, id);
  return u ? { id, name: u.name || id, country: u.country, agency: u.agency, declaredConflicts: u.declaredConflicts } : null;
}

/** user id → name for every id given; an id no user record names is shown as it is. */
export function namesOf(db: Db, ids: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    if (Object.hasOwn(out, id)) continue;
    const name = readUser(db, id)?.name;
    out[id] = name || id;
  }
  return out;
}
