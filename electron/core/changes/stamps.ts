import { memoByList, memoByString } from '../../../shared/memo';
import { canonicalJson } from './canonical';
import type { FieldStamp } from './types';

/**
 * Field stamps are stored compactly: most fields of a record were written by the same change,
 * so each distinct stamp is kept once and fields point at it. `{"f":{"agency":0,…},"s":[[hlc,origin,actor]]}`.
 * The encoding is canonical (stamps sorted, fields sorted), so equal stamps are equal text.
 */
export function encodeStamps(stamps: Record<string, FieldStamp>): string {
  const values = Object.values(stamps);
  const first = values[0];
  if (first && values.every((v) => v === first)) return encodeUniformStamps(Object.keys(stamps), first);
  const distinct = new Map<string, FieldStamp>();
  for (const s of Object.values(stamps)) distinct.set(`${s[0]}\u0000${s[1]}\u0000${s[2]}`, s);
  const keys = [...distinct.keys()].sort();
  const index = new Map(keys.map((k, i) => [k, i]));
  const f: Record<string, number> = {};
  for (const [field, s] of Object.entries(stamps)) f[field] = index.get(`${s[0]}\u0000${s[1]}\u0000${s[2]}`)!;
  return canonicalJson({ f, s: keys.map((k) => distinct.get(k)) });
}

export function decodeStamps(text: string): Record<string, FieldStamp> {
  const { f, s } = JSON.parse(text) as { f: Record<string, number>; s: FieldStamp[] };
  const out: Record<string, FieldStamp> = {};
  for (const [field, i] of Object.entries(f)) out[field] = s[i]!;
  return out;
}

/**
 * The common case, a record written by one change: every field (at least one) points at stamp
 * 0 — what encodeStamps writes for it. The fields part depends only on the field names, which
 * repeat from record to record (every expert of a first sync has the same ones): worked out
 * once per list of names, found among the last lists by comparing names (no text made per
 * record), else among a thousand by the joined list. (Names are schema keys, never containing
 * U+0000, so the joined list names one list.)
 */
export function encodeUniformStamps(fields: readonly string[], stamp: FieldStamp): string {
  return `{"f":{${uniformFields(fields)}},"s":[${JSON.stringify(stamp)}]}`;
}

const uniformFieldsOfText = memoByString((names) => names.split('\u0000').sort().map((k) => `${JSON.stringify(k)}:0`).join(','), 1000);
const uniformFields = memoByList((names) => uniformFieldsOfText(names.join('\u0000')), 16);
