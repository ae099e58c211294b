import { describe, expect, it } from 'vitest';
import { eligibilityCriteria } from '../../../shared/model/vetting/criteria';
import { interestCodes } from '../../../shared/model/vetting/interest';
import { stepRefusalCodes } from '../../../shared/model/vetting/rules';
import { stages } from '../../../shared/model/vetting/state';
import { en } from './en';
import { id } from './id';

describe('vetting texts', () => {
  it('translate every step refusal code, stage, criterion and conflict of interest in both languages', () => {
    const keys = [
      ...stepRefusalCodes.map((c) => `vetting.refusal.${c}`),
      ...stages.map((s) => `vetting.stage.${s}`),
      ...eligibilityCriteria.map((c) => `vetting.criterion.${c}`),
      ...interestCodes.map((c) => `vetting.interest.${c}`),
    ];
    for (const key of keys) {
      expect(en, key).toHaveProperty([key]);
      expect(id, key).toHaveProperty([key]);
    }
  });
});
