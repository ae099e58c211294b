import { describe, expect, it } from 'vitest';
import { criteria, criterionNames, ratingNames, ratings } from '../../../../../shared/model/reports/characteristics';
import { translate } from '../../../i18n/translate';
import type { MessageKey } from '../../../i18n/en';

/**
 * The screens name the characteristics, dimensions and levels with the words the exported
 * documents print and an evaluation sheet must use (shared/model/reports/characteristics.ts):
 * a curator who copies a name from the Evaluation tab into a sheet must not be told it is an
 * unknown characteristic, and the document must not say another word than the screen.
 */
describe('the editor names criteria and levels as the documents and the import do', () => {
  for (const locale of ['en', 'id'] as const) {
    it(`criteria (${locale})`, () => {
      for (const c of criteria) expect(translate(locale, `reportPanels.characteristic.r_${c}` as MessageKey)).toBe(criterionNames[c][locale]);
    });
    it(`levels (${locale})`, () => {
      for (const r of ratings) expect(translate(locale, `reportPanels.rating.${r}` as MessageKey)).toBe(ratingNames[r][locale]);
    });
  }
});
