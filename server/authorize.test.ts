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

  it("judges a relayed change by its author's role and scope, whoever pushes it", () => {
    // A Thai focal point's laptop passes on a curator's change it got through the hub.
    expect(judge('thai', { actor: ids.curator, id: ids.vnExpert, origin: OTHER_DEVICE })).toEqual({ kind: 'ok' });
    // ...and a reviewer's change stays refused by the reviewer's own role.
    expect(judge('thai', { actor: ids.reviewer, origin: OTHER_DEVICE })).toMatchObject({ code: 'ROLE' });
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

describe('authorisation of vetting records', () => {
  const app = { th: '01900000-0000-7000-8000-00000000d001', vn: '01900000-0000-7000-8000-00000000d002', none: '01900000-0000-7000-8000-00000000d0ff' };
  records[`application/${app.th}`] = { givenName: 'Somchai', nominatingCountry: 'TH' };
  records[`application/${app.vn}`] = { givenName: 'Lan', nominatingCountry: 'VN' };
  const event = (type: string, applicationId: string, payload: Record<string, unknown> = {}) => ({
    entity: 'vetting_event',
    id: '01900000-0000-7000-8000-00000000e001',
    fields: { applicationId, type, follows: [], at: 1, by: 'x', payload, hash: 'a'.repeat(64) },
  });

  it('lets curators and admins write every vetting record', () => {
    expect(judge('curator', { actor: ids.curator, ...event('decided', app.vn, { outcome: 'accept', reason: '' }) })).toEqual({ kind: 'ok' });
    expect(judge('admin', { actor: ids.admin, entity: 'vetting_settings', id: app.none, fields: { yearsThreshold: 5 } })).toEqual({ kind: 'ok' });
    expect(judge('curator', { actor: ids.curator, entity: 'application', id: app.vn, fields: { agency: 'X' } })).toEqual({ kind: 'ok' });
  });

  it('lets a reviewer record only their own review and notes', () => {
    const r = (c: object) => judge('reviewer', { actor: ids.reviewer, ...c });
    expect(r(event('review_submitted', app.th, { reviewerId: ids.reviewer }))).toEqual({ kind: 'ok' });
    expect(r(event('note', app.th, { text: 'Read it' }))).toEqual({ kind: 'ok' });
    expect(r(event('review_submitted', app.th, { reviewerId: ids.curator }))).toMatchObject({ code: 'ROLE' });
    expect(r(event('decided', app.th, { outcome: 'accept', reason: '' }))).toMatchObject({ code: 'ROLE' });
    expect(r(event('assigned', app.th, { reviewerId: ids.reviewer }))).toMatchObject({ code: 'ROLE' });
    expect(r({ entity: 'application', id: app.th, fields: { agency: 'X' } })).toMatchObject({ code: 'ROLE' });
    expect(r({ entity: 'vetting_settings', id: app.none, fields: { yearsThreshold: 1 } })).toMatchObject({ code: 'ROLE' });
  });

  it("keeps a focal point to their country's applications and the applicant's own steps", () => {
    expect(judge('thai', { entity: 'application', id: app.th, fields: { agency: 'OCSC' } })).toEqual({ kind: 'ok' });
    expect(judge('thai', { entity: 'application', id: app.none, fields: { givenName: 'N', nominatingCountry: 'TH' } })).toEqual({ kind: 'ok' });
    expect(judge('thai', { entity: 'application', id: app.vn, fields: { agency: 'X' } })).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(judge('thai', { entity: 'application', id: app.th, fields: { nominatingCountry: 'VN' } })).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(judge('thai', { entity: 'application', id: app.none, fields: { givenName: 'N' } })).toMatchObject({ code: 'OUT_OF_SCOPE' });
    for (const type of ['submitted', 'note', 'info_received', 'withdrawn']) expect(judge('thai', event(type, app.th))).toEqual({ kind: 'ok' });
    for (const type of ['decided', 'published', 'screened', 'assigned', 'review_submitted']) expect(judge('thai', event(type, app.th))).toMatchObject({ code: 'ROLE' });
    const vn = judge('thai', event('note', app.vn));
    expect(vn).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((vn as { reason: string }).reason).toContain('Viet Nam');
    expect(judge('thai', event('note', app.none))).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(judge('thai', { entity: 'vetting_settings', id: app.none, fields: { yearsThreshold: 1 } })).toMatchObject({ code: 'ROLE' });
    expect(judge('whole', { actor: ids.whole, ...event('note', app.vn) })).toEqual({ kind: 'ok' });
  });

  it('judges an application and its first step pushed together as one', () => {
    const authorize = authorizeFor(principal('thai'), DEVICE);
    const fresh = '01900000-0000-7000-8000-00000000d0aa';
    expect(authorize(change({ entity: 'application', id: fresh, fields: { givenName: 'N', nominatingCountry: 'TH' } }), reader)).toEqual({ kind: 'ok' });
    expect(authorize(change({ seq: 2, ...event('submitted', fresh) }), reader)).toEqual({ kind: 'ok' });
  });
});
