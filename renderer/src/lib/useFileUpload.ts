import { useRef, useState } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import { readAsBase64 } from '../screens/form/PhotoField';

/** A chosen file as the core's put methods take it. */
export interface FileUpload {
  name: string;
  mime: string;
  dataBase64: string;
}

export interface FileUploadOptions<R> {
  /** A sentence when the file is refused before a byte of it is read (too big, wrong name, empty); else null. */
  precheck(file: File): string | null;
  /** Sends the file to the core, which checks its bytes and answers the stored reference. */
  upload(file: FileUpload): Promise<{ ok: true; value: R } | { ok: false; error: AppErrorShape }>;
  /** Called only with what the core accepted. */
  onStored(value: R): void;
  /** The sentence for the core's refusal, in the curator's language. */
  refused(error: AppErrorShape, name: string): string;
  /** The sentence when the file could not be read or sent at all. */
  unreadable(name: string): string;
}

/**
 * One file chosen, checked and stored: the attachment fields of the application form and an
 * interview's recording share it. A file the precheck refuses is never loaded into memory;
 * nothing is stored unless the core accepted the file; and the chooser is reset afterwards,
 * so the same file may be chosen again after a refusal.
 */
export function useFileUpload<R>(options: FileUploadOptions<R>) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);

  const pick = async (file: File | null) => {
    if (!file) return;
    setProblem(null);
    try {
      const early = options.precheck(file);
      if (early) {
        setProblem(early);
        return;
      }
      setBusy(true);
      const { base64 } = await readAsBase64(file);
      const result = await options.upload({ name: file.name, mime: file.type || 'application/octet-stream', dataBase64: base64 });
      if (result.ok) options.onStored(result.value);
      else setProblem(options.refused(result.error, file.name));
    } catch {
      setProblem(options.unreadable(file.name));
    } finally {
      setBusy(false);
      resetRef.current?.();
    }
  };

  return { busy, problem, resetRef, pick };
}
