import { describe, expect, it } from 'vitest';
import type { VettingEvent } from '../../../../shared/model/vetting/events';
import { auditWords, summariseEvent } from './audit-summary';

const base = { id: '01900000-0000-7000-8000-000000000010', applicationId: '01900000-0000-7000-8000-000000000001', at: 0, by: 'u1', follows: [], hash: 'h' };
const ev = (type: string, payload: Record<string, unknown>) => ({ ...base, type, payload }) as unknown as VettingEvent;
const names = new Map([['r1', 'Ana']]);

describe('what each vetting step did, in the audit CSV’s two languages', () => {
  const events = [
    ev('submitted', {}),
    ev('screened', { criteria: [{ id: 'c', met: true }, { id: 'd', met: false }], outcome: 'info_requested', what: 'A recommendation letter' }),
    ev('info_received', { answer: 'Sent by post.' }),
    ev('assigned', { reviewerId: 'r1', override: { reason: 'Only one who reads Lao.' } }),
    ev('unassigned', { reviewerId: 'r1' }),
    ev('review_submitted', { reviewerId: 'r1', recommendation: 'more_info' }),
    ev('decided', { outcome: 'return', reason: 'The letter is unsigned.' }),
    ev('published', { expertId: 'e1', sections: ['profile', 'expertise'] }),
    ev('withdrawn', { reason: '' }),
    ev('note', { text: 'Called the recommender.' }),
  ];

  it('says every step in English and in Indonesian, keeping what people wrote as written', () => {
    const en = events.map((e) => summariseEvent(e, names, 'en'));
    const id = events.map((e) => summariseEvent(e, names, 'id'));
    expect(en[1]).toBe('Screened: information requested (1 of 2 criteria met); requested: A recommendation letter');
    expect(id[1]).toBe('Disaring: informasi diminta (1 dari 2 kriteria terpenuhi); diminta: A recommendation letter');
    expect(id[3]).toBe('Ditugaskan kepada Ana meskipun ada konflik kepentingan (alasan: Only one who reads Lao.)');
    expect(id[5]).toBe('Tinjauan oleh Ana: merekomendasikan informasi tambahan');
    expect(id[6]).toBe('Diputuskan: kembalikan untuk informasi tambahan (The letter is unsigned.)');
    for (let i = 0; i < events.length; i++) expect(id[i], events[i]!.type).not.toBe(en[i]);
    expect(summariseEvent(events[0]!, names)).toBe('Application submitted');
  });

  it('has the column titles and verification words in both languages, column for column', () => {
    expect(auditWords('id').header).toHaveLength(auditWords('en').header.length);
    expect(auditWords('id')).toMatchObject({ verified: 'ya', altered: 'DIUBAH' });
  });
});
