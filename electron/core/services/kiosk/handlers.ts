import type { Handlers } from '../../rpc/dispatch';
import type { KioskService } from './service';

/** The kiosk's contract methods (shared/contract/vetting.ts); lock.ts keeps everything else out while it is on. */
export function kioskHandlers(kiosk: KioskService): Pick<Handlers, 'kiosk.status' | 'kiosk.start' | 'kiosk.submit' | 'kiosk.putAttachment' | 'kiosk.exit'> {
  return {
    'kiosk.status': () => kiosk.status(),
    'kiosk.start': (i) => kiosk.start(i.pin, i.lang),
    'kiosk.submit': (i) => kiosk.submit(i.fields),
    'kiosk.putAttachment': (i) => kiosk.putAttachment(i.name, i.dataBase64),
    'kiosk.exit': (i) => kiosk.exit(i.pin),
  };
}
