import { describe, expect, it } from 'vitest';
import type { AutoAssignSkip } from '../../../../shared/contract/vetting';
import { autoAssignSkipCodes } from '../../../../shared/contract/vetting';
import type { MessageKey } from '../../i18n/en';
import { translate, type Locale } from '../../i18n/translate';
import { autoAssignSkipText } from './autoAssignSkip';

const tFor = (locale: Locale) => (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
const app = '01900000-0000-7000-8000-000000000001';

describe('why auto-assignment left a place empty, in the curator’s language', () => {
  const cases: AutoAssignSkip[] = [
    { applicationId: app, code: 'NOT_FOUND', reason: 'This application does not exist (or was deleted).' },
    { applicationId: app, code: 'NOT_ASSIGNABLE', name: 'Dewi Lestari', stage: 'submitted', reason: 'Dewi Lestari is submitted: …' },
    { applicationId: app, code: 'REFUSED', reviewer: 'Mali', step: 'ALREADY_ASSIGNED', reason: 'Mali was not assigned: …' },
    { applicationId: app, code: 'NO_REVIEWERS', reason: 'There is no reviewer yet …' },
    { applicationId: app, code: 'SHORT', name: 'Dewi Lestari', have: 1, need: 2, reason: 'Dewi Lestari has 1 of the 2 …' },
  ];

  it('words every code in English and in Indonesian, with the names and numbers in place', () => {
    expect(cases.map((c) => c.code).sort()).toEqual([...autoAssignSkipCodes].sort());
    const en = cases.map((c) => autoAssignSkipText(c, tFor('en')));
    const id = cases.map((c) => autoAssignSkipText(c, tFor('id')));
    expect(en[1]).toBe('Dewi Lestari is at the stage “Awaiting screening”: only eligible applications and those in review get reviewers.');
    expect(id[1]).toContain('Dewi Lestari berada pada tahap “Menunggu penyaringan”');
    expect(en[2]).toBe('Mali was not assigned: This reviewer is assigned to the application already.');
    expect(id[4]).toMatch(/^Dewi Lestari mendapat 1 dari 2 peninjau yang dibutuhkan/);
    // Every sentence differs between the languages and leaves no placeholder behind.
    for (let i = 0; i < cases.length; i++) {
      expect(id[i]).not.toBe(en[i]);
      expect(`${en[i]} ${id[i]}`).not.toMatch(/[{}]/);
    }
  });

  it('keeps the core’s sentence for a refusal that names no rule', () => {
    const c: AutoAssignSkip = { applicationId: app, code: 'REFUSED', reviewer: 'Mali', reason: 'Mali was not assigned: the database is busy.' };
    expect(autoAssignSkipText(c, tFor('id'))).toBe(c.reason);
  });
});
