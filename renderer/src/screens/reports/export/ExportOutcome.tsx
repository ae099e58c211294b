import { ConsentRefusal } from './ConsentRefusal';
import { ExportBlocked } from './ExportBlocked';
import { ExportProgress } from './ExportChoices';
import type { ExportState } from './useReportExport';

/**
 * What an export dialog shows of its job, the same for one record and for a compilation: the
 * progress while the core works, a NOT_ALLOWED refusal with the way to the profile, and a
 * refusal for want of consent with the way to the tab that fixes it. Either way out closes the
 * dialog (`onLeave`) and forgets the refusal; where the consent refusal leads is the caller's.
 */
export function ExportOutcome({
  job,
  label,
  title,
  onLeave,
  onOpenRefusal,
}: {
  job: ExportState;
  /** The progress bar's name. */
  label: string;
  /** The record's title when the dialog has it (the editor's); else the refusal reads it. */
  title?: string;
  onLeave(): void;
  onOpenRefusal(id: string, tab: 'consent' | 'sources'): void;
}) {
  const leave = () => {
    onLeave();
    job.clear();
  };
  return (
    <>
      <ExportProgress running={job.running} progress={job.progress} label={label} />
      {job.blocked && <ExportBlocked error={job.blocked} onLeave={leave} />}
      {job.refusal && (
        <ConsentRefusal
          refusal={job.refusal}
          {...(title !== undefined ? { title } : {})}
          onOpen={(id, tab) => {
            leave();
            onOpenRefusal(id, tab);
          }}
        />
      )}
    </>
  );
}
