/** Whether an application id carries this reference (shared/model/vetting/reference.ts; case and the dash do not matter). */
export function hasReference(applicationId: string, reference: string): boolean {
  const wanted = reference.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return wanted.length === 8 && applicationId.replace(/-/g, '').toLowerCase().endsWith(wanted);
}
