import { describe, expect, it } from 'vitest';
import { translate, type Locale } from '../../i18n';
import { newApplicationValues, validateApplication, type ApplicationFormValues } from './model';

const t = (locale: Locale) => (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(locale, key, vars);
const signed = { signedName: 'Ana Pereira', signedAt: 1_764_000_000_000 };
const filled = (patch: Partial<ApplicationFormValues> = {}): ApplicationFormValues => ({
  ...newApplicationValues(),
  givenName: 'Ana',
  country: 'TL',
  nominatingCountry: 'TL',
  applicantType: 'practitioner',
  ...patch,
});

describe('validateApplication', () => {
  it('asks for the applicant type, the nominating state and the name, in the form’s language', () => {
    const result = validateApplication(newApplicationValues(), 'curator', t('id'), 'id');
    expect(result.ok).toBe(false);
    expect(result.errors).toMatchObject({
      applicantType: 'Pilih akademisi, praktisi, atau keduanya.',
      nominatingCountry: 'Pilih negara anggota yang mengusulkan pelamar.',
      givenName: expect.any(String),
    });
  });

  it('at the kiosk needs every declaration signed; a curator records only what the paper carries', () => {
    const unsigned = filled();
    expect(validateApplication(unsigned, 'curator', t('en'), 'en')).toMatchObject({ ok: true, fields: { source: 'curator', givenName: 'Ana' } });
    const kiosk = validateApplication(unsigned, 'kiosk', t('en'), 'en');
    expect(kiosk.ok).toBe(false);
    expect(Object.keys(kiosk.errors).sort()).toEqual(['declarations.codeOfConduct', 'declarations.independence', 'declarations.responsibility']);
    // A name of spaces is no signature.
    const blank = filled({ declarations: { codeOfConduct: { ...signed, signedName: '   ' }, independence: signed, responsibility: signed } });
    expect(validateApplication(blank, 'kiosk', t('en'), 'en').errors).toEqual({ 'declarations.codeOfConduct': 'Type your full name to sign this declaration.' });
    const all = filled({ declarations: { codeOfConduct: signed, independence: signed, responsibility: signed } });
    expect(validateApplication(all, 'kiosk', t('en'), 'en')).toMatchObject({ ok: true, fields: { source: 'kiosk' } });
  });

  it('checks evidence items with the shared schema (a title, a plausible year)', () => {
    const values = filled({ evidence: [{ kind: 'certificate', title: '', year: 1800, detail: '', validated: true, attachment: null }] });
    const result = validateApplication(values, 'curator', t('en'), 'en');
    expect(Object.keys(result.errors).sort()).toEqual(['evidence.0.title', 'evidence.0.year']);
  });
});
