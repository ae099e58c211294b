import { describe, expect, it } from 'vitest';
import type { Change } from '../electron/core/changes/types';
import { authorizeFor } from './authorize';
import type { Authority, Principal, RecordReader } from './store';

const SERVER = 'a0a0a0a0a0a0a0a0';
const FORMER = 'b0b0b0b0b0b0b0b0';
const DEVICE = 'c0c0c0c0c0c0c0c0';
const OTHER_DEVICE = 'd0d0d0d0d0d0d0d0';
const ids = {
  admin: '01900000-0000-7000-8000-000000000001',
  curator: '01900000-0000-7000-8000-000000000002',
  reviewer: '01900000-0000-7000-8000-000000000003',
  thai: '01900000-0000-7000-8000-000000000004',
  whole: '01900000-0000-7000-8000-000000000005',
  gone: '01900000-0000-7000-8000-000000000006',
  vnExpert: '01900000-0000-7000-8000-0000000000a1',
  thExpert: '01900000-0000-7000-8000-0000000000a2',
  thItem: '01900000-0000-7000-8000-0000000000b1',
  vnItem: '01900000-0000-7000-8000-0000000000b2',
  newExpert: '01900000-0000-7000-8000-0000000000a9',
};
const authorities: Record<string, Authority> = {
  [ids.admin]: { role: 'admin', country: null, disabled: false },
  [ids.curator]: { role: 'curator', country: 'ID', disabled: false },
  [ids.reviewer]: { role: 'reviewer', country: null, disabled: false },
  [ids.thai]: { role: 'focal_point', country: 'TH', disabled: false },
  [ids.whole]: { role: 'focal_point', country: null, disabled: false },
  [ids.gone]: { role: 'curator', country: null, disabled: true },
};
const records: Record<string, Record<string, unknown>> = {
  [`expert/${ids.vnExpert}`]: { givenName: 'Lan', country: 'VN' },
  [`expert/${ids.thExpert}`]: { givenName: 'Somchai', country: 'TH' },
  [`portfolio/${ids.thItem}`]: { expertId: ids.thExpert, title: 'A' },
  [`portfolio/${ids.vnItem}`]: { expertId: ids.vnExpert, title: 'B' },
};
const reader: RecordReader = {
  record: (entity, id) => records[`${entity}/${id}`] ?? null,
  authority: (id) => authorities[id] ?? null,
  genuineUserChange: (c) => c.origin === SERVER || (c.origin === FORMER && c.id in authorities),
};

const principal = (id: keyof typeof ids): Principal => {
  const a = authorities[ids[id]]!;
  return { user: { id: ids[id], name: id, role: a.role, country: a.country }, tokenId: 't', node: DEVICE };
};
const change = (over: Partial<Change>): Change => ({
  origin: DEVICE,
  seq: 1,
  hlc: '001700000000000-000001',
  actor: ids.thai,
  entity: 'expert',
  id: ids.thExpert,
  op: 'put',
  fields: { givenName: 'X' },
  ...over,
});
const judge = (who: keyof typeof ids, c: Partial<Change>, pusherNode = DEVICE) => authorizeFor(principal(who), pusherNode)(change(c), reader);

describe('authorisation of pushed changes', () => {
  it('lets a focal point change experts of their country, and refuses another country before or after the change', () => {
    expect(judge('thai', {})).toEqual({ kind: 'ok' });
    expect(judge('thai', { id: ids.newExpert, fields: { givenName: 'N', country: 'TH' } })).toEqual({ kind: 'ok' });
    const vn = judge('thai', { id: ids.vnExpert });
    expect(vn).toMatchObject({ kind: 'rejected', code: 'OUT_OF_SCOPE' });
    expect((vn as { reason: string }).reason).toContain('Viet Nam');
    // Moving a Thai expert to Viet Nam, or a Vietnamese one to Thailand: both ends must be in scope.
    expect(judge('thai', { fields: { country: 'VN' } })).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(judge('thai', { id: ids.vnExpert, fields: { country: 'TH' } })).toMatchObject({ code: 'OUT_OF_SCOPE' });
    // A new expert without a country cannot be placed in scope.
    expect(judge('thai', { id: ids.newExpert, fields: { givenName: 'N' } })).toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('judges a portfolio item by its expert, now and after a move', () => {
    expect(judge('thai', { entity: 'portfolio', id: ids.thItem, fields: { title: 'C' } })).toEqual({ kind: 'ok' });
    expect(judge('thai', { entity: 'portfolio', id: ids.vnItem, fields: { title: 'C' } })).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(judge('thai', { entity: 'portfolio', id: ids.thItem, fields: { expertId: ids.vnExpert } })).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(judge('thai', { entity: 'portfolio', id: '01900000-0000-7000-8000-0000000000ff', fields: { expertId: ids.thExpert, title: 'New' } })).toEqual({ kind: 'ok' });
    expect(judge('thai', { entity: 'portfolio', id: '01900000-0000-7000-8000-0000000000fe', fields: { title: 'Orphan' } })).toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('gives curators and admins the whole directory, a region-wide focal point too, and reviewers none of it', () => {
    expect(judge('curator', { actor: ids.curator, id: ids.vnExpert })).toEqual({ kind: 'ok' });
    expect(judge('admin', { actor: ids.admin, id: ids.vnExpert, fields: { country: 'TH' } })).toEqual({ kind: 'ok' });
    expect(judge('whole', { actor: ids.whole, id: ids.vnExpert })).toEqual({ kind: 'ok' });
    expect(judge('reviewer', { actor: ids.reviewer })).toMatchObject({ kind: 'rejected', code: 'ROLE' });
    expect(judge('thai', { entity: 'casestudy' })).toMatchObject({ code: 'ROLE' });
  });

  it('accepts user records only from the server\'s own node (current or former), for users it knows', () => {
    const user = { entity: 'user', id: ids.thai, actor: 'server-admin:root', fields: { name: 'T', role: 'admin' } };
    expect(judge('admin', { ...user, origin: DEVICE })).toMatchObject({ code: 'ROLE' });
    expect(judge('thai', { ...user, origin: FORMER })).toEqual({ kind: 'ok' });
    expect(judge('admin', { ...user, origin: FORMER, id: ids.newExpert })).toMatchObject({ code: 'ROLE' });
  });

  it("lets only admins and curators pass on other users' changes", () => {
    expect(judge('thai', { actor: ids.curator, id: ids.vnExpert })).toMatchObject({ code: 'ROLE' });
    // A curator's hub relays a Thai focal point's change: judged by the focal point's own scope.
    expect(judge('curator', { actor: ids.thai, origin: OTHER_DEVICE })).toEqual({ kind: 'ok' });
    expect(judge('curator', { actor: ids.thai, origin: OTHER_DEVICE, id: ids.vnExpert })).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(judge('curator', { actor: ids.gone, origin: OTHER_DEVICE })).toMatchObject({ code: 'ROLE' });
  });

  it('judges a change written before enrollment as the pusher\'s when it comes from the pusher\'s node', () => {
    expect(judge('thai', { actor: 'somchai' })).toEqual({ kind: 'ok' });
    expect(judge('thai', { actor: 'somchai', id: ids.vnExpert })).toMatchObject({ code: 'OUT_OF_SCOPE' });
    // The device took a new node id after a fork: the push names it.
    expect(judge('thai', { actor: 'somchai', origin: OTHER_DEVICE }, OTHER_DEVICE)).toEqual({ kind: 'ok' });
    expect(judge('thai', { actor: 'somchai', origin: OTHER_DEVICE })).toMatchObject({ code: 'UNKNOWN_ACTOR' });
    // A relaying curator vouches for a laptop that never enrolled.
    expect(judge('curator', { actor: 'laptop-user', origin: OTHER_DEVICE, id: ids.vnExpert })).toEqual({ kind: 'ok' });
  });

  it('judges a change by what the same push allowed before it (a new expert and its portfolio together)', () => {
    const authorize = authorizeFor(principal('thai'), DEVICE);
    const item = '01900000-0000-7000-8000-0000000000c1';
    expect(authorize(change({ id: ids.newExpert, fields: { givenName: 'N', country: 'TH' } }), reader)).toEqual({ kind: 'ok' });
    expect(authorize(change({ seq: 2, entity: 'portfolio', id: item, fields: { expertId: ids.newExpert, title: 'T' } }), reader)).toEqual({ kind: 'ok' });
    // A refused change leaves no trace for the rest of the push: the record was never created.
    const other = '01900000-0000-7000-8000-0000000000c2';
    expect(authorize(change({ seq: 3, id: other, fields: { givenName: 'V', country: 'VN' } }), reader)).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(authorize(change({ seq: 4, id: other, fields: { country: 'TH' } }), reader)).toEqual({ kind: 'ok' });
  });
});
