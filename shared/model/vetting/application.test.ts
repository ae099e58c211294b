import { describe, expect, it } from 'vitest';
import { expertFieldsSchema } from '../expert';
import { applicationCreateSchema, applicationDefaults, applicationFieldsSchema } from './application';

describe('application fields', () => {
  it('uses the expert schemas for the proposed profile, so acceptance copies them', () => {
    for (const f of ['givenName', 'country', 'email', 'languages', 'expertise', 'yearsExperience', 'education'] as const) {
      expect(applicationFieldsSchema.shape[f]).toBe(expertFieldsSchema.shape[f]);
    }
  });

  it('accepts a complete application built from the defaults', () => {
    const app = { ...applicationDefaults, givenName: 'Siti', country: 'ID', nominatingCountry: 'ID', applicantType: 'academic', source: 'kiosk' };
    expect(applicationFieldsSchema.safeParse(app).success).toBe(true);
  });

  it('refuses an attachment that is not PDF, DOCX, PNG or JPEG, or has no hash', () => {
    const bad = { hash: 'a'.repeat(64), name: 'cv.exe', mime: 'application/x-msdownload', bytes: 10 };
    expect(applicationFieldsSchema.shape.cv.safeParse(bad).error?.issues[0]?.message).toBe('Attach a PDF, DOCX, PNG or JPEG file.');
    expect(applicationFieldsSchema.shape.cv.safeParse({ ...bad, mime: 'application/pdf', hash: 'x' }).success).toBe(false);
  });

  it('refuses a signature with a hidden direction mark', () => {
    const sig = { signedName: 'Budi\u202e', signedAt: 1 };
    expect(applicationFieldsSchema.shape.declarations.safeParse({ codeOfConduct: sig, independence: null, responsibility: null }).success).toBe(false);
  });

  it('needs the name, country, nominating country, type and source to create', () => {
    expect(applicationCreateSchema.safeParse({ givenName: 'Siti' }).success).toBe(false);
  });
});
