/** A file the core made for the curator (shared/contract/vetting.ts fileOutSchema). */
export interface FileOut {
  fileName: string;
  mime: string;
  dataBase64: string;
}

/** The bytes of a base64 string (the core sends files inside JSON as base64). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Hands a file to the curator. In a browser it downloads; in the desktop app Electron asks
 * where to save it with the system dialog (its default for a download the app does not place
 * itself). The object URL lives until the click has been handled, then is revoked.
 */
export function saveFile(file: FileOut, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([base64Bytes(file.dataBase64)], { type: file.mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
