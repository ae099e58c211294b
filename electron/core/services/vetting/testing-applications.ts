import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../../../shared/contract/methods';
import type { AppErrorShape } from '../../../../shared/contract/result';
import { uuidv7 } from '../../../../shared/ids';
import { expertDefaults, type ExpertFields } from '../../../../shared/model/expert';
import { knownEntityFields } from '../../../../shared/sync/change';
import type { Role } from '../../../../shared/sync/protocol';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase, type Db } from '../../db/open';
import { createDispatch, type Handlers } from '../../rpc/dispatch';
import { dedupeProjection } from '../dedupe/projection';
import { expertProjection } from '../experts/projection';
import { loadShippedTaxonomy } from '../taxonomy-resource';
import { PROFILE_META_KEY, vettingContext, type VettingContext } from './context';
import { applicationHandlers } from './handlers-applications';
import { applicationProjection } from './projection';

/**
 * A vetting node for tests: a real SQLite file, the funnel with every projection the core
 * has, the vetting context and the applications' handlers behind the real dispatch (inputs
 * validated, outputs checked against the contract). `as(user)` signs a user in the way a
 * device does before enrollment (the profile chosen on this device).
 */
export function vettingNodes() {
  const dirs: string[] = [];
  const dbs: Db[] = [];
  const taxonomy = loadShippedTaxonomy();
  let clock = 1_780_000_000_000;

  function node(name = 'node') {
    const dir = mkdtempSync(join(tmpdir(), `curator-apps-${name}-`));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'curator.db'));
    dbs.push(db);
    const now = () => (clock += 1000);
    const funnel = new ChangeFunnel(db, [expertProjection(db, taxonomy), dedupeProjection(db), applicationProjection(db)], now);
    const changed: string[] = [];
    const ctx: VettingContext = vettingContext({ db, funnel, serverUser: () => null, changed: (...e) => changed.push(...e), now });
    const dispatch = createDispatch(applicationHandlers(ctx) as Handlers, { checkOutputs: true, log: () => {} });
    const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');

    const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
      const r = await dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value as Output<M>;
    };
    const refuse = async <M extends MethodName>(method: M, input: Input<M>): Promise<AppErrorShape> => {
      const r = await dispatch(method, input);
      if (r.ok) throw new Error(`${method} was accepted`);
      return r.error;
    };
    /** A user record, written as any device writes one (through the funnel). */
    const user = (name: string, role: Role, extra: { country?: string | null; agency?: string; declaredConflicts?: string[] } = {}) => {
      const id = uuidv7();
      // Only the fields this version's user record has (agency and declared conflicts join it with the people screens).
      const fields = Object.fromEntries(Object.entries({ name, role, country: null, disabled: false, ...extra }).filter(([k]) => knownEntityFields.user!.includes(k)));
      funnel.write('setup', [{ entity: 'user', id, fields }]);
      return id;
    };
    const as = (userId: string) => setMeta.run(PROFILE_META_KEY, userId);
    const expert = (fields: Partial<ExpertFields> & Pick<ExpertFields, 'givenName' | 'country'>) => {
      const id = uuidv7();
      funnel.write('setup', [{ entity: 'expert', id, fields: { ...expertDefaults, ...fields, status: 'active', statusReason: '' } }]);
      return id;
    };
    return { db, funnel, ctx, dispatch, call, refuse, user, as, expert, changed };
  }

  const cleanup = () => {
    for (const db of dbs.splice(0)) db.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  };
  return { node, cleanup };
}

export type VettingNode = ReturnType<ReturnType<typeof vettingNodes>['node']>;

/** One node's changes the other lacks, as a push or pull carries them. */
export const exchange = (from: VettingNode, to: VettingNode) => to.funnel.receive(from.funnel.missingFrom(to.funnel.vector()));

/** An application as a curator types it: enough to pass screening as an academic. */
export function sampleApplication(over: Record<string, unknown> = {}) {
  const signed = { signedName: 'Siti Rahayu', signedAt: 1_779_000_000_000 };
  return {
    givenName: 'Siti',
    familyName: 'Rahayu',
    country: 'ID' as const,
    nominatingCountry: 'ID' as const,
    applicantType: 'academic' as const,
    source: 'curator' as const,
    email: 'siti.rahayu@bkn.go.id',
    agency: 'Badan Kepegawaian Negara',
    yearsExperience: 14,
    recommenderName: 'Budi Santoso',
    recommenderOrganisation: 'Ministry of State Apparatus',
    recommenderBody: 'government' as const,
    declarations: { codeOfConduct: signed, independence: signed, responsibility: signed },
    evidence: [{ kind: 'publication' as const, title: 'Merit systems in ASEAN', year: 2021 }],
    consentSections: ['career' as const, 'expertise' as const],
    careerSummary: 'Twenty years in civil-service reform.',
    ...over,
  };
}

/** Every required criterion confirmed met: an eligible screening. */
export const eligibleScreening = {
  criteria: [
    { criterion: 'experience' as const, met: true, note: '14 years' },
    { criterion: 'recommendation' as const, met: true, note: 'Ministry letter' },
    { criterion: 'declarations' as const, met: true, note: '' },
    { criterion: 'publications' as const, met: true, note: '' },
  ],
  outcome: 'eligible' as const,
};

/** A full score on the default rubric (settings.ts). */
export const fullScores = { expertise: 5, experience: 4, contribution: 4, communication: 3 };
