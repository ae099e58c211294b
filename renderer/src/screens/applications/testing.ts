import type { Input, MethodName, Output } from '../../../../shared/contract';
import type { ApplicationCreate } from '../../../../shared/model/vetting';
import { CoreBridge } from '../../test/coreBridge';

/** Seeds for the Applications screens' tests, written through the real core's methods. */

export async function call<M extends MethodName>(bridge: CoreBridge, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await bridge.core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
  return result.value as Output<M>;
}

const signed = (name: string) => ({ signedName: name, signedAt: Date.UTC(2026, 9, 1) });

/** A practitioner from BKN (Indonesia) who meets every required criterion but the recommendation letter. */
export const dewi: ApplicationCreate = {
  givenName: 'Dewi',
  familyName: 'Lestari',
  country: 'ID',
  nominatingCountry: 'ID',
  applicantType: 'practitioner',
  source: 'curator',
  agency: 'BKN',
  position: 'Head of Talent Management',
  email: 'dewi.lestari@bkn.go.id',
  yearsExperience: 15,
  recommenderName: 'Agus Pramono',
  recommenderOrganisation: 'BKN',
  recommenderBody: 'government',
  declarations: { codeOfConduct: signed('Dewi Lestari'), independence: signed('Dewi Lestari'), responsibility: signed('Dewi Lestari') },
  evidence: [{ kind: 'certificate', title: 'Certified HR Professional', year: 2019, validated: true }],
};

export const somchai: ApplicationCreate = { givenName: 'Somchai', familyName: 'Phongsa', country: 'TH', nominatingCountry: 'TH', applicantType: 'academic', source: 'import' };
export const linh: ApplicationCreate = { givenName: 'Thi Linh', familyName: 'Tran', nameOrder: 'family-given', country: 'VN', nominatingCountry: 'VN', applicantType: 'both', source: 'import' };

/** A core with a curator profile (so steps name who took them) and two reviewers: one from the applicant's agency, one from elsewhere. */
export async function vettingCore(applications: ApplicationCreate[] = [dewi]) {
  const bridge = new CoreBridge();
  await call(bridge, 'profile.create', { name: 'Ana Curator', role: 'curator', email: '', country: null, agency: 'ACCSM Secretariat', expertise: [], declaredConflicts: [], disabled: false });
  const budi = await call(bridge, 'users.save', { fields: { name: 'Budi Santoso', role: 'reviewer', email: '', country: 'ID', agency: 'BKN', expertise: [], declaredConflicts: [], disabled: false } });
  const mali = await call(bridge, 'users.save', { fields: { name: 'Mali Chai', role: 'reviewer', email: '', country: 'TH', agency: 'OCSC', expertise: [], declaredConflicts: [], disabled: false } });
  const ids: string[] = [];
  for (const fields of applications) ids.push((await call(bridge, 'applications.create', { fields })).id);
  return { bridge, ids, budi, mali };
}

/** Every screening criterion confirmed as met: the screening that makes an application eligible. */
export const allMet = [
  { criterion: 'experience', met: true, note: '' },
  { criterion: 'recommendation', met: true, note: '' },
  { criterion: 'declarations', met: true, note: '' },
  { criterion: 'practice', met: true, note: '' },
] as const;

/** Dewi's application, screened eligible: ready for reviewers. */
export async function eligibleDewi() {
  const seeded = await vettingCore([dewi]);
  await call(seeded.bridge, 'applications.act', { applicationId: seeded.ids[0]!, type: 'screened', payload: { criteria: [...allMet], outcome: 'eligible' } });
  return seeded;
}
