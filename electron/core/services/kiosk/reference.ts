export { applicationReference } from '../../../../shared/model/vetting/reference';

/** Whether an application id carries this reference (case and the dash do not matter). */
export function hasReference(applicationId: string, reference: string): boolean {
  const wanted = reference.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return wanted.length === 8 && applicationId.replace(/-/g, '').toLowerCase().endsWith(wanted);
}
