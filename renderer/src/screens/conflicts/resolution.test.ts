import { describe, expect, it } from 'vitest';
import { actInputSchema } from '../../../../shared/contract/vetting';
import type { VettingEvent } from '../../../../shared/model/vetting/events';
import { resolutionOf } from './ResolveModal';

const APP = '0190a4c0-0000-7000-8000-0000000000a1';
const base = { id: '0190a4c0-0000-7000-8000-0000000000e1', applicationId: APP, follows: [], at: 1, by: 'u1', hash: 'a'.repeat(64) };

describe('resolving a conflict by keeping one side', () => {
  it('repeats the kept transition with the curator’s reason, as a step the contract accepts', () => {
    const decided = { ...base, type: 'decided', payload: { outcome: 'reject', reason: 'Too few publications', expertId: undefined } } as VettingEvent;
    const step = resolutionOf(APP, decided, 'Agreed after discussion');
    expect(step).toEqual({ applicationId: APP, type: 'decided', payload: { outcome: 'reject', reason: 'Agreed after discussion' } });
    expect(actInputSchema.safeParse(step).success).toBe(true);

    const screened = { ...base, type: 'screened', payload: { criteria: [{ criterion: 'experience', met: false, note: '4 years' }], outcome: 'not_eligible' } } as VettingEvent;
    expect(actInputSchema.safeParse(resolutionOf(APP, screened, '')).success).toBe(true);
    expect(resolutionOf(APP, { ...base, type: 'withdrawn', payload: { reason: 'Took a post abroad' } } as VettingEvent, 'Confirmed')).toEqual({
      applicationId: APP,
      type: 'withdrawn',
      payload: { reason: 'Confirmed' },
    });
  });

  it('offers no by-hand repeat of a publication', () => {
    expect(resolutionOf(APP, { ...base, type: 'published', payload: { expertId: APP, sections: [] } } as VettingEvent, 'x')).toBeNull();
  });
});
