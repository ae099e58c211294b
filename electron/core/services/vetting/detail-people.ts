import type { Db } from '../../db/open';
import { readUser } from './users';

/** user id → name for every id given, as the application page shows beside a step; an id no usable user record names is shown as it is. */
export function namesOf(db: Db, ids: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    if (Object.hasOwn(out, id)) continue;
    const name = readUser(db, id)?.name;
    out[id] = name || id;
  }
  return out;
}
