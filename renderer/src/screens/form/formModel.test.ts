import { describe, expect, it } from 'vitest';
import type { Expert } from '../../../../shared/model/expert';
import { translate } from '../../i18n';
import { changedFields, fieldsOf, newExpertValues, validate } from './formModel';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

const expert: Expert = {
  ...newExpertValues(),
  givenName: 'Siti',
  familyName: 'Rahayu',
  country: 'ID',
  languages: [{ code: 'id', proficiency: 'native' }],
  id: '0190a4c0-0000-7000-8000-000000000001',
  status: 'active',
  statusReason: '',
  createdAt: 1,
  updatedAt: 2,
  updatedBy: 'tester',
  portfolio: [],
};

describe('form model', () => {
  it('reports each invalid field by its path, with the schema message', () => {
    const v = validate({ ...newExpertValues(), email: 'nope', languages: [{ code: 'X1', proficiency: 'fluent' }] }, [{ kind: 'award', title: '', year: null, description: '', link: 'ftp://x' }], t, 'en');
    expect(v.ok).toBe(false);
    expect(v.errors).toMatchObject({
      givenName: 'Enter the given name.',
      country: 'Choose one of the 11 ASEAN member states.',
      email: 'Enter an email address such as name@agency.gov.',
      'languages.0.code': 'Use a two- or three-letter language code, such as en or vi.',
      'portfolio.0.title': 'Enter a title.',
      'portfolio.0.link': 'Enter a web address starting with https://.',
    });
  });

  it('trims text on the way out, as the core would', () => {
    const v = validate({ ...newExpertValues(), givenName: '  Siti ', country: 'ID' }, [], t, 'en');
    expect(v.ok && v.fields.givenName).toBe('Siti');
  });

  it('puts only changed fields in a patch, comparing nested values by content', () => {
    const before = fieldsOf(expert);
    const v = validate({ ...before, email: 'siti@bkn.go.id', languages: [{ proficiency: 'native', code: 'id' }] }, [], t, 'en');
    expect(v.ok).toBe(true);
    if (v.ok) expect(changedFields(before, v.fields)).toEqual({ email: 'siti@bkn.go.id' });
  });
});
