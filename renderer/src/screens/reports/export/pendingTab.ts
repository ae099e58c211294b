/**
 * The editor tab a record should open on, handed over by a screen that sends the curator there
 * to fix something (a refused export: its Consent or Sources tab). Taken once, by the editor of
 * that record; any other record opens as usual.
 */
let pending: { id: string; tab: string } | null = null;

export function openOnTab(id: string, tab: string): void {
  pending = { id, tab };
}

export function takePendingTab(id: string): string | null {
  if (!pending || pending.id !== id) return null;
  const { tab } = pending;
  pending = null;
  return tab;
}
