import { describe, expect, it } from 'vitest';
import { checkReceivedChange, knowsChange, knownEntityFields, refusalCodes, userRoles } from './change';
import { roles } from './protocol';

const base = { origin: 'b0b0b0b0b0b0b0b0', seq: 1, hlc: '001700000000000-000000', actor: 'budi', id: '01900000-0000-7000-8000-000000000001', op: 'put' };

describe('checkReceivedChange', () => {
  it('gives each refusal a stable code', () => {
    expect(checkReceivedChange({ ...base, entity: 'expert', fields: { agency: 'BKN' } })).toEqual({ kind: 'ok' });
    expect(checkReceivedChange({ ...base, entity: 'expert', fields: { givenName: 1 } })).toMatchObject({ kind: 'rejected', code: 'INVALID_VALUE' });
    expect(checkReceivedChange({ ...base, hlc: 'soon', entity: 'expert', fields: {} })).toMatchObject({ kind: 'rejected', code: 'INVALID_VALUE' });
    expect(checkReceivedChange({ ...base, entity: 'payroll', fields: {} })).toMatchObject({ kind: 'parked', code: 'UNKNOWN_ENTITY' });
    expect(checkReceivedChange({ ...base, entity: 'expert', fields: { salary: 1 } })).toMatchObject({ kind: 'parked', code: 'UNKNOWN_FIELD' });
    for (const r of [checkReceivedChange({ ...base, entity: 'expert', fields: { givenName: 1 } })]) {
      if (r.kind !== 'ok') expect(refusalCodes).toContain(r.code);
    }
  });

  it('does not take an inherited property name for an entity or a field', () => {
    for (const entity of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(checkReceivedChange({ ...base, entity, fields: { name: 'x' } })).toMatchObject({ kind: 'parked', code: 'UNKNOWN_ENTITY' });
      expect(knowsChange(entity, {})).toBe(false);
    }
    expect(checkReceivedChange({ ...base, entity: 'expert', fields: { constructor: 'x' } })).toMatchObject({ kind: 'parked', code: 'UNKNOWN_FIELD' });
  });

  it('checks user records by value, with the roles of the wire protocol', () => {
    expect([...userRoles]).toEqual([...roles]);
    expect(knownEntityFields.user).toEqual(['name', 'role', 'country', 'disabled', 'deletedAt']);
    const user = (fields: Record<string, unknown>) => checkReceivedChange({ ...base, entity: 'user', fields });
    expect(user({ name: 'Siti', role: 'curator', country: null, disabled: false, deletedAt: null })).toEqual({ kind: 'ok' });
    expect(user({ country: 'TH' })).toEqual({ kind: 'ok' });
    expect(user({ country: 'FR' })).toMatchObject({ kind: 'rejected', code: 'INVALID_VALUE' });
    expect(user({ role: 'root' })).toMatchObject({ kind: 'rejected' });
    expect(user({ name: '' })).toMatchObject({ kind: 'rejected' });
    expect(user({ name: 'a\u0007b' })).toMatchObject({ kind: 'rejected' });
    expect(user({ disabled: 'no' })).toMatchObject({ kind: 'rejected' });
    expect(user({ token: 'secret' })).toMatchObject({ kind: 'parked', code: 'UNKNOWN_FIELD' });
  });
});
