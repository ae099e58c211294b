/**
 * The reference an applicant at the kiosk writes down: the last 8 hex digits of the
 * application's id (its random part, not its time), as XXXX-XXXX. Short enough to copy from a
 * screen, and the secretariat finds the application by it (the id ends with those digits).
 */
export function applicationReference(applicationId: string): string {
  const tail = applicationId.replace(/-/g, '').slice(-8).toUpperCase();
  return `${tail.slice(0, 4)}-${tail.slice(4)}`;
}

/** Whether an application id carries this reference (case and the dash do not matter). */
export function hasReference(applicationId: string, reference: string): boolean {
  const wanted = reference.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return wanted.length === 8 && applicationId.replace(/-/g, '').toLowerCase().endsWith(wanted);
}
