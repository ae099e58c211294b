import type { Handlers } from '../rpc/dispatch';
import type { SyncService } from './service';

/** The sync.* methods of the contract. Each waits until the service has read its tokens. */
export function syncHandlers(sync: SyncService): Pick<Handlers, 'sync.status' | 'sync.enroll' | 'sync.signOut' | 'sync.now' | 'sync.problems'> {
  return {
    'sync.status': async () => (await sync.ready, sync.status()),
    'sync.enroll': async (i) => (await sync.ready, sync.enroll(i)),
    'sync.signOut': async () => (await sync.ready, sync.signOut()),
    'sync.now': async () => (await sync.ready, sync.now()),
    'sync.problems': (i) => sync.problems(i.limit),
  };
}
