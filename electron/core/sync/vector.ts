import type { VersionVector } from '../../../shared/sync/protocol';

/** How many entries `mine` holds that `theirs` lacks. Sequences are gapless, so it is a difference per origin. */
export function lacking(mine: VersionVector, theirs: VersionVector): number {
  let n = 0;
  for (const [origin, seq] of Object.entries(mine)) n += Math.max(0, seq - (theirs[origin] ?? 0));
  return n;
}
