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
/**
 * A remote stamp further ahead than this of the wall clock is a badly set clock. Its write is
 * applied all the same (it is a real edit), but this node's clock is not carried past
 * now + MAX_DRIFT_MS by it, and the caller reports CLOCK_SKEW so the clock gets fixed.
 */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

/** The wall part of the last stamp formatted: stamps issued in a batch share their millisecond. */
let lastWall = -1;
let lastWallText = '';

export function formatHlc(s: HlcState): string {
  if (s.wall !== lastWall) {
    lastWallText = s.wall.toString().padStart(15, '0');
    lastWall = s.wall;
  }
  return `${lastWallText}-${s.counter.toString(16).padStart(6, '0')}`;
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

/**
 * Merges a stamp received from another node, so later local stamps sort after it. Never
 * throws: a stamp far ahead only moves this clock up to now + MAX_DRIFT_MS (see aheadMs), so
 * one bad clock elsewhere cannot drag every node's stamps into the future or block an origin.
 */
export function receive(prev: HlcState, remote: HlcState, now: number): HlcState {
  const capped = remote.wall > now + MAX_DRIFT_MS ? { wall: now + MAX_DRIFT_MS, counter: 0 } : remote;
  const wall = Math.max(prev.wall, capped.wall, now);
  let counter: number;
  if (wall === prev.wall && wall === capped.wall) counter = Math.max(prev.counter, capped.counter) + 1;
  else if (wall === prev.wall) counter = prev.counter + 1;
  else if (wall === capped.wall) counter = capped.counter + 1;
  else counter = 0;
  return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0 } : { wall, counter };
}

/** How far a stamp is ahead of the wall clock beyond the allowed drift, in ms; 0 when it is not. */
export function aheadMs(stamp: HlcState, now: number): number {
  return stamp.wall - now > MAX_DRIFT_MS ? stamp.wall - now : 0;
}

/** The greatest wall time the 15-digit format holds. */
const MAX_WALL = 999_999_999_999_999;

/**
 * The smallest stamp greater than `s`: what a write that must come after `s` is stamped at
 * least. The last stamp the format holds (only a hostile node sends it) is its own successor,
 * so a stamp never grows a 16th digit, which would break ordering as strings.
 */
export function after(s: HlcState): HlcState {
  if (s.counter < MAX_COUNTER) return { wall: s.wall, counter: s.counter + 1 };
  return s.wall < MAX_WALL ? { wall: s.wall + 1, counter: 0 } : s;
}

/** Total order of writes: by stamp, then by origin. Returns <0, 0 or >0. */
export function compareStamps(a: { hlc: string; origin: string }, b: { hlc: string; origin: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.origin !== b.origin) return a.origin < b.origin ? -1 : 1;
  return 0;
}
