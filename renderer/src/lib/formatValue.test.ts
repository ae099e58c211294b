import { describe, expect, it } from 'vitest';
import { expertFieldNames, portfolioFieldsSchema } from '../../../shared/model/expert';
import { locales, translate, type Locale } from '../i18n';
import { fieldLabel, formatFieldValue } from './formatValue';

const ctx = (locale: Locale) => ({ locale, t: translate.bind(null, locale), termLabel: (id: string) => id });

/** Every field the core stores on a record, as history lists them (demo.load sets `demo`). */
const expertStored = [...expertFieldNames, 'status', 'statusReason', 'deletedAt', 'demo'];
const portfolioStored = [...Object.keys(portfolioFieldsSchema.shape), 'deletedAt'];

describe('history labels and values', () => {
  it.each(locales)('names every stored field in words of %s, never by its code', (locale) => {
    const { t } = ctx(locale);
    for (const field of expertStored) expect(fieldLabel('expert', field, t), field).not.toBe(field);
    for (const field of portfolioStored) expect(fieldLabel('portfolio', field, t), field).not.toBe(field);
  });

  it('shows a yes/no field as a word of the curator’s language', () => {
    expect(fieldLabel('expert', 'demo', ctx('en').t)).toBe('Demo record');
    expect(formatFieldValue('demo', true, ctx('en'))).toBe('Yes');
    expect(fieldLabel('expert', 'demo', ctx('id').t)).toBe('Data contoh');
    expect(formatFieldValue('demo', true, ctx('id'))).toBe('Ya');
    expect(formatFieldValue('demo', false, ctx('id'))).toBe('Tidak');
  });
});
