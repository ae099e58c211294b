import { AppError } from '../contract/result';
import { importTargetByKey, targetForHeader, type ImportTargetKey } from './targets';
import { columnLetter } from './table';
import { foldHeader } from './values';

/**
 * Which target each column fills: `mapping[i]` is the target of column i, or null to leave the
 * column out. The app suggests one from the header names (EN and ID); the curator may change it
 * before the preview is computed again.
 */
export type ImportMapping = (ImportTargetKey | null)[];

/** A target for each header the app recognises, each target to one column at most (the leftmost). */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const taken = new Set<ImportTargetKey>();
  return headers.map((h) => {
    const target = targetForHeader.get(foldHeader(h)) ?? null;
    if (!target || taken.has(target)) return null;
    taken.add(target);
    return target;
  });
}

/** Refuses a mapping that does not fit the sheet: wrong length, an unknown target, a target on two columns. */
export function checkMapping(headers: readonly string[], mapping: readonly (string | null)[]): ImportMapping {
  const wrong = (message: string) => new AppError('INVALID_INPUT', message);
  if (mapping.length !== headers.length) throw wrong(`The column mapping lists ${mapping.length} columns but the sheet has ${headers.length}. Choose the mapping again.`);
  const seen = new Map<string, number>();
  mapping.forEach((target, i) => {
    if (target === null) return;
    if (!importTargetByKey.has(target)) throw wrong(`Column ${columnLetter(i)} is mapped to “${target}”, which is not a field an import can fill. Choose another field.`);
    const first = seen.get(target);
    if (first !== undefined) throw wrong(`Columns ${columnLetter(first)} and ${columnLetter(i)} are both mapped to the same field. Map each field to one column only.`);
    seen.set(target, i);
  });
  return mapping as ImportMapping;
}

/** How a problem names a column: its letter, and its header when it has one: `C (Surel)`. */
export const columnLabel = (headers: readonly string[], index: number) => (headers[index] ? `${columnLetter(index)} (${headers[index]})` : columnLetter(index));
