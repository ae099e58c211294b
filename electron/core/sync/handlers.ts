import type { Handlers } from '../rpc/dispatch';
import type { SyncService } from './service';

/** The sync.* methods of the contract. */
export function syncHandlers(sync: SyncService): Pick<Handlers, 'sync.status' | 'sync.enroll' | 'sync.signOut' | 'sync.now' | 'sync.problems'> {
  return {
    'sync.status': () => sync.status(),
    'sync.enroll': (i) => sync.enroll(i),
    'sync.signOut': () => sync.signOut(),
    'sync.now': () => sync.now(),
    'sync.problems': (i) => sync.problems(i.limit),
  };
}
