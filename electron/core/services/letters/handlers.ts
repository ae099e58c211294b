import { AppError } from '../../../../shared/contract/result';
import type { Handlers } from '../../rpc/dispatch';
import type { VettingContext } from '../vetting/context';
import { exportLetters, type LettersProgress } from './service';

/** Decision letters' handler (issue 7 point 6); `progress` reports a many-letter export as task 'export'. */
export function lettersHandlers(ctx: VettingContext, progress: LettersProgress): Pick<Handlers, 'letters.export'> {
  let running = false;
  return {
    'letters.export': async (input) => {
      // One export at a time: a second click while a ZIP of many letters is being made waits for none.
      if (running) throw new AppError('BUSY', 'Letters are already being exported. Wait for that export to finish, then try again.');
      running = true;
      try {
        const file = await exportLetters(ctx, input, progress);
        return { fileName: file.fileName, mime: file.mime, dataBase64: file.bytes.toString('base64'), count: file.count };
      } finally {
        running = false;
      }
    },
  };
}
