import type { Migration } from '../migrate';
import { m001Init } from './001_init';
import { m002FtsScripts } from './002_fts_scripts';
import { m003SearchTiers } from './003_search_tiers';
import { m004RefusedChanges } from './004_refused_changes';
import { m005Feed } from './005_feed';
import { m006SyncRemote } from './006_sync_remote';
import { m007DedupeKeys } from './007_dedupe_keys';
import { m008DedupePending } from './008_dedupe_pending';
import { m009VettingEvents } from './009_vetting_events';
import { m010Applications } from './010_applications';
import { m011ImportKeys } from './011_import_keys';
import { m012FacetsInIndex } from './012_facets_in_index';

/** Every migration, in order. Bundled into the code: the app never reads them from disk. */
export const migrations: readonly Migration[] = [m001Init, m002FtsScripts, m003SearchTiers, m004RefusedChanges, m005Feed, m006SyncRemote, m007DedupeKeys, m008DedupePending, m009VettingEvents, m010Applications, m011ImportKeys, m012FacetsInIndex];
