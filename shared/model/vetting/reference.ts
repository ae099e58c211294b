/**
 * The reference an applicant writes down and quotes: the last 8 hex digits of the
 * application's id (its random part, not its time), as XXXX-XXXX. Short enough to copy from a
 * screen, and the secretariat finds the application by it (the id ends with those digits).
 * The kiosk shows it and the decision letters print it: one function, so they never differ.
 */
export function applicationReference(applicationId: string): string {
  const tail = applicationId.replace(/-/g, '').slice(-8).toUpperCase();
  return `${tail.slice(0, 4)}-${tail.slice(4)}`;
}
