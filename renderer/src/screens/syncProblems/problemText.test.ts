import { describe, expect, it } from 'vitest';
import { refusalCodes } from '../../../../shared/sync/change';
import { en } from '../../i18n/en';
import { id } from '../../i18n/id';
import { translate, type Locale } from '../../i18n/translate';
import { entityName, problemReason, problemTodo } from './problemText';

const tIn = (locale: Locale) => (key: keyof typeof en, vars?: Record<string, string | number>) => translate(locale, key, vars);

describe('sync problem texts', () => {
  it('explain every refusal code in both languages, and fall back to the English reason for an unknown one', () => {
    for (const code of refusalCodes) {
      const problem = { code, reason: 'expert.email: Enter an email address such as name@agency.gov.' };
      expect(problemReason(problem, tIn('en'))).toBe(en[`problems.reason.${code}` as keyof typeof en]);
      expect(problemReason(problem, tIn('id'))).toBe(id[`problems.reason.${code}` as keyof typeof en]);
    }
    expect(problemReason({ code: 'QUOTA', reason: 'The server holds too many changes today.' }, tIn('id'))).toBe('The server holds too many changes today.');
  });

  it('say what to do: an update for a parked change, a secretariat curator for scope and role', () => {
    expect(problemTodo({ code: 'UNKNOWN_FIELD', kind: 'parked', own: false }, tIn('en'))).toBe('Update the app. The change is kept and applied after the update.');
    expect(problemTodo({ code: 'OUT_OF_SCOPE', kind: 'rejected', own: true }, tIn('en'))).toBe('Ask a secretariat curator to make this change.');
    expect(problemTodo({ code: 'OUT_OF_SCOPE', kind: 'rejected', own: true }, tIn('id'))).toBe(id['problems.todo.OUT_OF_SCOPE']);
    expect(problemTodo({ code: 'ROLE', kind: 'rejected', own: false }, tIn('en'))).toBe(en['problems.todo.ROLE']);
  });

  it('tell the writer to re-enter a bad value, and anyone else to ask the writer', () => {
    expect(problemTodo({ code: 'INVALID_VALUE', kind: 'rejected', own: true }, tIn('en'))).toBe(en['problems.todo.INVALID_VALUE.own']);
    expect(problemTodo({ code: 'INVALID_VALUE', kind: 'rejected', own: false }, tIn('en'))).toBe(en['problems.todo.INVALID_VALUE.other']);
    expect(problemTodo({ code: 'UNKNOWN_ACTOR', kind: 'rejected', own: true }, tIn('en'))).toBe(en['problems.todo.UNKNOWN_ACTOR.own']);
    expect(problemTodo({ code: 'SOMETHING_NEW', kind: 'rejected', own: true }, tIn('en'))).toBe(en['problems.todo.fallback']);
  });

  it('name the entities it knows and show others as they are', () => {
    expect(entityName('portfolio', tIn('id'))).toBe('Butir portofolio');
    expect(entityName('caseStudy', tIn('id'))).toBe('Jenis catatan yang belum dikenal versi ini (caseStudy)');
  });
});
