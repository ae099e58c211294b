/**
 * Hybrid logical clock. A stamp is a fixed-width string, so stamps compare correctly as
 * strings (and in SQLite): 15 digits of wall-clock milliseconds, '-', 6 hex digits of counter.
 * Ties between nodes are broken by the origin id, never by the stamp alone.
 */
export interface HlcState {
  wall: number;
  counter: number;
}

const MAX_COUNTER = 0xffffff;
/** A remote stamp further ahead than this is refused: a peer's clock is badly wrong. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export function formatHlc(s: HlcState): string {
  return `${s.wall.toString().padStart(15, '0')}-${s.counter.toString(16).padStart(6, '0')}`;
}

export function parseHlc(stamp: string): HlcState {
  const m = /^(\d{15})-([0-9a-f]{6})$/.exec(stamp);
  if (!m) throw new Error(`Not a clock stamp: ${stamp}`);
  return { wall: Number(m[1]), counter: parseInt(m[2]!, 16) };
}

export const hlcWallMs = (stamp: string): number => parseHlc(stamp).wall;

/** The next stamp for a local event: later than every stamp this node has issued or seen. */
export function tick(prev: HlcState, now: number): HlcState {
  if (now > prev.wall) return { wall: now, counter: 0 };
  if (prev.counter >= MAX_COUNTER) return { wall: prev.wall + 1, counter: 0 };
  return { wall: prev.wall, counter: prev.counter + 1 };
}

/** Merge a stamp received from another node, so later local stamps sort after it. */
export function receive(prev: HlcState, remote: HlcState, now: number): HlcState {
  if (remote.wall - now > MAX_DRIFT_MS) {
    throw new Error(`A clock stamp is more than a day ahead of this computer's clock (${new Date(remote.wall).toISOString()}).`);
  }
  const wall = Math.max(prev.wall, remote.wall, now);
  let counter: number;
  if (wall === prev.wall && wall === remote.wall) counter = Math.max(prev.counter, remote.counter) + 1;
  else if (wall === prev.wall) counter = prev.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0 } : { wall, counter };
}

/** Total order of writes: by stamp, then by origin. Returns <0, 0 or >0. */
export function compareStamps(a: { hlc: string; origin: string }, b: { hlc: string; origin: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.origin !== b.origin) return a.origin < b.origin ? -1 : 1;
  return 0;
}
