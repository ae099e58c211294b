import type { Handlers } from '../../rpc/dispatch';
import type { SyncUser } from '../../../../shared/sync/protocol';
import type { TaxonomyIndex } from '../taxonomy';
import { autoAssign } from './assign';
import { auditCsv, auditOf } from './audit';
import { conflictInbox } from './conflicts';
import type { VettingContext } from './context';
import { dashboard } from './dashboard';
import { chooseProfile, createProfile, getProfile } from './profile';
import { reviewerOptions } from './reviewers';
import { saveSettings } from './settings';
import { listUsers, saveUser } from './users';

export interface PeopleOptions {
  taxonomy: TaxonomyIndex;
  /** The enrolled server user, or null. */
  serverUser: () => SyncUser | null;
}

type PeopleMethods =
  | 'profile.get'
  | 'profile.choose'
  | 'profile.create'
  | 'users.list'
  | 'users.save'
  | 'vetting.saveSettings'
  | 'applications.reviewers'
  | 'applications.autoAssign'
  | 'vetting.conflicts'
  | 'vetting.audit'
  | 'vetting.auditCsv'
  | 'vetting.dashboard';

/** Vetting's people and oversight methods: profile, users, settings, reviewer pool and assignment, conflicts, audit, dashboard. */
export function peopleHandlers(ctx: VettingContext, o: PeopleOptions): Required<Pick<Handlers, PeopleMethods>> {
  const profile = { serverUser: o.serverUser, taxonomy: o.taxonomy };
  return {
    'profile.get': () => getProfile(ctx, profile),
    'profile.choose': (i) => chooseProfile(ctx, i.userId, profile),
    'profile.create': (i) => createProfile(ctx, i, profile),
    // Readable before a profile is chosen: the first-start chooser lists them.
    'users.list': (i) => ({ items: listUsers(ctx.db, { role: i.role, includeDisabled: i.includeDisabled }) }),
    'users.save': (i) => saveUser(ctx, i, { taxonomy: o.taxonomy, enrolled: o.serverUser() !== null }),
    'vetting.saveSettings': (i) => saveSettings(ctx, i),
    'applications.reviewers': (i) => reviewerOptions(ctx, i.id, o.taxonomy),
    'applications.autoAssign': (i) => autoAssign(ctx, i.ids, o.taxonomy),
    'vetting.conflicts': () => conflictInbox(ctx),
    'vetting.audit': (i) => auditOf(ctx, i.id),
    'vetting.auditCsv': (i) => auditCsv(ctx, i.id, i.lang),
    'vetting.dashboard': (i) => dashboard(ctx, i),
  };
}
