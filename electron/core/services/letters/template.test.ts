import { describe, expect, it } from 'vitest';
import { plainText, type DocumentModel } from '../../documents/model';
import { applicationReference } from '../../../../shared/model/vetting/reference';
import { letterOutcomes, type LetterData } from './data';
import { fill, letterDocument, letterFileName } from './template';
import { letterTexts } from './texts';
import { day } from './fixture';

const base: LetterData = {
  reference: 'A1B2-C3D4',
  outcome: 'rejected',
  honorific: 'Dr.',
  name: 'Nguyễn Thị Hương',
  agency: 'Ministry of Home Affairs',
  position: 'Director',
  country: 'VN',
  nominatingCountry: 'VN',
  submittedAt: day('2026-03-02'),
  decidedAt: day('2026-03-20'),
  publishedAt: null,
  reason: 'The portfolio shows no civil-service training work.',
  unmet: [],
  sections: ['career', 'expertise'],
  yearsThreshold: 10,
};

/** All the letter's text, blocks in order, as a reader reads it. */
const textOf = (doc: DocumentModel) =>
  [doc.title, ...doc.blocks.map((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? plainText(b.text) : ''))].join('\n');

describe('fill', () => {
  it('puts values in as text of their own, never reading them as a template or markup', () => {
    const runs = fill('Dear {name}, see {ref}.', { name: '{ref} <b>Ana</b> **x**', ref: 'A1' });
    expect(runs.map((r) => r.text).join('')).toBe('Dear {ref} <b>Ana</b> **x**, see A1.');
    expect(runs.every((r) => !r.bold)).toBe(true);
  });

  it('refuses a hole without a value rather than printing the hole', () => {
    expect(() => fill('Dear {name}', {})).toThrow(/\{name\}/);
  });
});

describe('letterDocument', () => {
  it('fills every hole of every outcome in both languages', () => {
    for (const lang of ['en', 'id'] as const) {
      for (const outcome of letterOutcomes) {
        const doc = letterDocument({ ...base, outcome, publishedAt: day('2026-03-25'), unmet: [{ criterion: 'experience', note: '4 years' }] }, lang, day('2026-04-01'));
        const text = textOf(doc);
        expect(text, `${lang} ${outcome}`).not.toMatch(/[{}]/);
        expect(doc.title).toBe(letterTexts[lang].outcomes[outcome].title);
        expect(text).toContain(lang === 'en' ? 'Dear Dr. Nguyễn Thị Hương,' : 'Yth. Dr. Nguyễn Thị Hương');
        expect(doc.header).toContain('A1B2-C3D4');
      }
    }
  });

  it('says a rejection, its date and its reason, in English and Indonesian', () => {
    const en = textOf(letterDocument(base, 'en', day('2026-04-01')));
    expect(en).toContain('Jakarta, 1 April 2026');
    expect(en).toContain('Reference: A1B2-C3D4');
    expect(en).toContain('submitted on 2 March 2026 and nominated by Viet Nam, was not accepted. The decision was taken on 20 March 2026.');
    expect(en).toContain('Reason: The portfolio shows no civil-service training work.');
    const id = textOf(letterDocument(base, 'id', day('2026-04-01')));
    expect(id).toContain('yang diajukan pada 2 Maret 2026 dengan nominasi dari Vietnam, tidak dapat diterima. Keputusan ini diambil pada 20 Maret 2026.');
    expect(id).toContain('Alasan: The portfolio shows no civil-service training work.');
    expect(id).toContain('Nomor referensi: A1B2-C3D4');
  });

  it('names the published sections, and the criteria a not-eligible applicant missed', () => {
    const published = textOf(letterDocument({ ...base, outcome: 'published', publishedAt: day('2026-03-25'), sections: ['contact', 'career', 'expertise'] }, 'en', day('2026-04-01')));
    expect(published).toContain('published in the A-EXPECS directory on 25 March 2026, with the sections you consented to publish: contact details, career and expertise.');
    const unmet = textOf(letterDocument({ ...base, outcome: 'not_eligible', unmet: [{ criterion: 'experience', note: 'Four years' }, { criterion: 'recommendation', note: '' }] }, 'id', day('2026-04-01')));
    expect(unmet).toContain('Pengalaman di bidang kepegawaian atau konsultansi sekurang-kurangnya 10 tahun: Four years');
    expect(unmet).toContain('Rekomendasi dari lembaga pemerintah atau organisasi profesi');
  });

  it('leaves out the reason line when there is none, and says so when no section was consented', () => {
    const text = textOf(letterDocument({ ...base, outcome: 'withdrawn', reason: '' }, 'en', day('2026-04-01')));
    expect(text).not.toContain('Reason given:');
    const accepted = textOf(letterDocument({ ...base, outcome: 'accepted', sections: [] }, 'en', day('2026-04-01')));
    expect(accepted).toContain('once you tell us which sections of it may be published');
  });

  it('says a published profile is in the directory even when no section was consented, in both languages', () => {
    // Accepting publishes at once with the consented sections, which may be none (vetting/act.ts).
    const none = { ...base, outcome: 'published' as const, publishedAt: day('2026-03-25'), sections: [] };
    const en = textOf(letterDocument(none, 'en', day('2026-04-01')));
    expect(en).toContain('Application accepted and profile published');
    expect(en).not.toContain('will be published');
    expect(en).toContain('Your expert profile was added to the A-EXPECS directory on 25 March 2026');
    const id = textOf(letterDocument(none, 'id', day('2026-04-01')));
    expect(id).not.toContain('akan dipublikasikan');
    expect(id).toContain('Profil pakar Anda telah dimasukkan ke direktori A-EXPECS pada 25 Maret 2026');
  });

  it('addresses the applicant without an honorific when there is none', () => {
    const text = textOf(letterDocument({ ...base, honorific: '', name: 'สมชาย ใจดี', country: 'TH', nominatingCountry: 'TH' }, 'en', day('2026-04-01')));
    expect(text).toContain('Dear สมชาย ใจดี,');
    expect(text).toContain('nominated by Thailand');
  });
});

describe('letter names', () => {
  it('makes ASCII file names from any name, and the reference from the id’s random tail', () => {
    expect(applicationReference('01900000-0000-7000-8000-00000abcdef1')).toBe('0ABC-DEF1');
    expect(letterFileName({ reference: 'A1B2-C3D4', name: 'Nguyễn Thị Hương' }, 'en', 'pdf')).toBe('decision-letter-A1B2-C3D4-nguyen-thi-huong.pdf');
    expect(letterFileName({ reference: 'A1B2-C3D4', name: 'สมชาย ใจดี' }, 'id', 'docx')).toMatch(/^surat-keputusan-A1B2-C3D4-[a-z0-9-]+\.docx$/);
    expect(letterFileName({ reference: 'A1B2-C3D4', name: '../..' }, 'en', 'pdf')).toBe('decision-letter-A1B2-C3D4.pdf');
  });
});
