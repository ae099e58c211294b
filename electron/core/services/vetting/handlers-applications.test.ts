import { afterEach, describe, expect, it } from 'vitest';
import { testCores } from '../../testing';

const cores = testCores();
afterEach(cores.closeAll);

describe('the core answers the applications methods', () => {
  it('registers every one of them: before a profile is chosen they ask for one, never UNKNOWN_METHOD', async () => {
    const { refuse } = cores.start();
    const id = '01900000-0000-7000-8000-000000000001';
    const calls: [string, unknown][] = [
      ['applications.list', {}],
      ['applications.get', { id }],
      ['applications.update', { id, patch: {} }],
      ['applications.act', { applicationId: id, type: 'note', payload: { text: 'x' } }],
      ['applications.markDuplicate', { id, candidate: { entity: 'expert', id }, verdict: null }],
      ['applications.putAttachment', { name: 'a.pdf', mime: 'application/pdf', dataBase64: '' }],
      ['applications.create', { fields: { givenName: 'A', country: 'ID', nominatingCountry: 'ID', applicantType: 'academic', source: 'curator' } }],
    ];
    for (const [method, input] of calls) expect([method, (await refuse(method, input)).code]).toEqual([method, 'NOT_ALLOWED']);
  });
});
