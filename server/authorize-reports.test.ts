import { describe, expect, it } from 'vitest';
import type { Change } from '../electron/core/changes/types';
import { authorizeFor } from './authorize';
import type { Authority, Principal, RecordReader } from './store';

const DEVICE = 'c0c0c0c0c0c0c0c0';
const ids = {
  curator: '01900000-0000-7000-8000-000000000002',
  reviewer: '01900000-0000-7000-8000-000000000003',
  thai: '01900000-0000-7000-8000-000000000004',
  thStory: '01900000-0000-7000-8000-0000000000c1',
  vnCase: '01900000-0000-7000-8000-0000000000c2',
  comment: '01900000-0000-7000-8000-0000000000d1',
  fresh: '01900000-0000-7000-8000-0000000000e1',
};
const authorities: Record<string, Authority> = {
  [ids.curator]: { role: 'curator', country: 'ID', disabled: false },
  [ids.reviewer]: { role: 'reviewer', country: null, disabled: false },
  [ids.thai]: { role: 'focal_point', country: 'TH', disabled: false },
};
const records: Record<string, Record<string, unknown>> = {
  [`story/${ids.thStory}`]: { title: 'A Thai village', countries: ['TH'] },
  [`case_study/${ids.vnCase}`]: { title: 'Viet Nam', countries: ['VN'] },
  [`report_comment/${ids.comment}`]: { reportId: ids.vnCase, text: 'Check it', resolved: false },
};
const reader: RecordReader = {
  record: (entity, id) => records[`${entity}/${id}`] ?? null,
  authority: (id) => authorities[id] ?? null,
  genuineUserChange: () => false,
};
const judge = (who: keyof typeof authoritiesBy, c: Partial<Change>) => {
  const a = authorities[authoritiesBy[who]]!;
  const principal: Principal = { user: { id: authoritiesBy[who], name: who, role: a.role, country: a.country }, tokenId: 't', node: DEVICE };
  const change: Change = { origin: DEVICE, seq: 1, hlc: '001700000000000-000001', actor: authoritiesBy[who], entity: 'story', id: ids.thStory, op: 'put', fields: {}, ...c };
  const verdict = authorizeFor(principal, DEVICE)(change, reader);
  return verdict.kind === 'ok' ? 'ok' : verdict.code;
};
const authoritiesBy = { curator: ids.curator, reviewer: ids.reviewer, thai: ids.thai };

describe('authorisation of pushed case studies, stories, interviews and comments', () => {
  it('lets a focal point write their country’s reports only, and never approve', () => {
    expect(judge('thai', { fields: { s_before: { text: 'x', rev: ids.fresh, parents: [] } } })).toBe('ok');
    expect(judge('thai', { entity: 'case_study', id: ids.vnCase, fields: { title: 'Mine now' } })).toBe('OUT_OF_SCOPE');
    expect(judge('thai', { fields: { countries: ['VN'] } })).toBe('OUT_OF_SCOPE');
    expect(judge('thai', { entity: 'case_study', id: ids.fresh, fields: { title: 'New', countries: ['TH'] } })).toBe('ok');
    expect(judge('thai', { entity: 'case_study', id: ids.fresh, fields: { title: 'New', countries: ['LA'] } })).toBe('OUT_OF_SCOPE');
    expect(judge('thai', { fields: { status: 'approved' } })).toBe('ROLE');
    expect(judge('thai', { fields: { status: 'in_review' } })).toBe('ok');
    expect(judge('thai', { entity: 'interview', id: ids.fresh, fields: { name: 'Dr A' } })).toBe('ok');
    expect(judge('curator', { entity: 'case_study', id: ids.vnCase, fields: { status: 'approved' } })).toBe('ok');
  });

  it('lets a reviewer comment and resolve, not write reports, interviews or comment text', () => {
    expect(judge('reviewer', { fields: { title: 'x' } })).toBe('ROLE');
    expect(judge('reviewer', { entity: 'interview', id: ids.fresh, fields: { name: 'x' } })).toBe('ROLE');
    expect(judge('reviewer', { entity: 'report_comment', id: ids.fresh, fields: { reportId: ids.vnCase, section: null, text: 'Hi', resolved: false, deletedAt: null } })).toBe('ok');
    expect(judge('reviewer', { entity: 'report_comment', id: ids.comment, fields: { resolved: true } })).toBe('ok');
    expect(judge('reviewer', { entity: 'report_comment', id: ids.comment, fields: { text: 'Rewritten' } })).toBe('ROLE');
  });
});
