import { describe, expect, it } from 'vitest';
import { eventFields, sealEvent } from '../model/vetting/events';
import { VETTING_SETTINGS_ID } from '../model/vetting/settings';
import { checkReceivedChange, knownEntityFields } from './change';

const base = { origin: 'b0b0b0b0b0b0b0b0', seq: 1, hlc: '001700000000000-000000', actor: 'budi', op: 'put' };
const APP = '01900000-0000-7000-8000-00000000a000';
const EVENT = '01900000-0000-7000-8000-00000000e001';
const event = sealEvent({ id: EVENT, applicationId: APP, type: 'note', follows: [], at: 1_700_000_000_000, by: 'budi', payload: { text: 'Called' } });
const put = (entity: string, id: string, fields: Record<string, unknown>) => checkReceivedChange({ ...base, entity, id, fields });

describe('vetting records in the change check', () => {
  it('knows the application, vetting event and vetting settings records', () => {
    expect(knownEntityFields.application).toContain('recommenderBody');
    expect(knownEntityFields.vetting_event).toEqual(['applicationId', 'type', 'follows', 'at', 'by', 'payload', 'hash']);
    expect(knownEntityFields.vetting_settings).toEqual(['yearsThreshold', 'sameCountryConflict', 'reviewersPerApplication', 'rubric']);
  });

  it('checks application fields by value, one by one', () => {
    expect(put('application', APP, { givenName: 'Siti', applicantType: 'academic' })).toEqual({ kind: 'ok' });
    expect(put('application', APP, { applicantType: 'student' })).toMatchObject({ kind: 'rejected', code: 'INVALID_VALUE' });
    expect(put('application', APP, { cv: { hash: 'x', name: 'cv.pdf', mime: 'application/pdf', bytes: 1 } })).toMatchObject({ code: 'INVALID_VALUE' });
  });

  it('takes a whole, sealed event and refuses a partial, malformed or re-hashed one', () => {
    expect(put('vetting_event', EVENT, eventFields(event))).toEqual({ kind: 'ok' });
    expect(put('vetting_event', EVENT, { type: 'note' })).toMatchObject({ kind: 'rejected', code: 'INVALID_VALUE' });
    expect(put('vetting_event', EVENT, { ...eventFields(event), payload: { outcome: 'accept' } })).toMatchObject({ code: 'INVALID_VALUE' });
    const altered = put('vetting_event', EVENT, { ...eventFields(event), by: 'someone-else' });
    expect(altered).toMatchObject({ kind: 'rejected', code: 'INVALID_VALUE' });
    expect(altered.kind !== 'ok' && altered.reason).toContain('does not match its hash');
    // The hash covers the id: the same fields under another id are not that event.
    expect(put('vetting_event', APP, eventFields(event))).toMatchObject({ code: 'INVALID_VALUE' });
  });

  it('checks each setting by value', () => {
    expect(put('vetting_settings', VETTING_SETTINGS_ID, { yearsThreshold: 8, sameCountryConflict: false })).toEqual({ kind: 'ok' });
    expect(put('vetting_settings', VETTING_SETTINGS_ID, { reviewersPerApplication: 0 })).toMatchObject({ code: 'INVALID_VALUE' });
    const dup = { key: 'a', label: { en: 'A', id: 'A' }, weight: 1, scale: 5 };
    expect(put('vetting_settings', VETTING_SETTINGS_ID, { rubric: [dup, dup] })).toMatchObject({ code: 'INVALID_VALUE' });
  });
});
