import { knownEntityFields } from '../../../shared/sync/change';

/**
 * The entities the funnel knows and the fields each may carry: exactly those shared/sync/change.ts
 * checks values of (expert, portfolio, user), so a change that passed the check by value is
 * one applyChanges stores. A change naming another entity or field is refused: sync must not
 * smuggle columns into a record. Look entities up with `fieldsOf`, never by indexing, so a
 * name like "constructor" is not mistaken for one.
 */
export const entityFields: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(knownEntityFields).map(([entity, fields]) => [entity, new Set(fields)]),
);

export const fieldsOf = (entity: string): ReadonlySet<string> | undefined => entityFields.get(entity);
