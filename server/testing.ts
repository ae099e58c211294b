import { uuidv7 } from '../shared/ids';
import type { WireChange } from '../shared/sync/protocol';

/** Test helpers shared by the store contract and the HTTP tests: well-formed changes of one origin. */

export const NODE_A = 'aaaaaaaaaaaaaaa1';
export const NODE_B = 'bbbbbbbbbbbbbbb2';

/** A wall clock in 2026, as 15 digits, as the funnel stamps. */
const hlcAt = (ms: number, counter: number) => `${String(ms).padStart(15, '0')}-${counter.toString(16).padStart(6, '0')}`;

/** Writes changes of one origin in order, as that node's funnel would: seqs 1, 2, 3… */
export function originWriter(origin: string, actor: string, startMs = Date.UTC(2026, 10, 1)) {
  let seq = 0;
  return {
    next(entity: string, id: string, fields: Record<string, unknown>, over: Partial<WireChange> = {}): WireChange {
      seq++;
      return { origin, seq, hlc: hlcAt(startMs + seq, 0), actor, entity, id, op: 'put', fields, ...over };
    },
    expert(id: string, fields: Record<string, unknown>, over: Partial<WireChange> = {}) {
      return this.next('expert', id, fields, over);
    },
    get seq() {
      return seq;
    },
  };
}

export const newId = () => uuidv7();
