/**
 * The little of PouchDB, its memory adapter and express-pouchdb that the sync bench uses
 * (none of them ships types). Only the bench imports these modules.
 */
declare module 'pouchdb' {
  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
  }
  export interface Replication extends Promise<ReplicationResult> {
    cancel(): void;
  }
  export interface Database {
    bulkDocs(docs: Record<string, unknown>[]): Promise<({ ok?: boolean; error?: string; id?: string })[]>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    allDocs(options?: { include_docs?: boolean; limit?: number; startkey?: string; skip?: number }): Promise<{ total_rows: number; rows: { id: string; doc?: Record<string, unknown> }[] }>;
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
    replicate: { from(source: Database, options?: { batch_size?: number; batches_limit?: number }): Replication };
  }
  export interface PouchDBStatic {
    new (name: string, options?: { adapter?: string }): Database;
    plugin(plugin: unknown): PouchDBStatic;
    defaults(options: { adapter?: string }): PouchDBStatic;
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  import type PouchDB from 'pouchdb';
  function expressPouchDB(pouch: typeof PouchDB, options: { mode: 'minimumForPouchDB' | 'fullCouchDB' }): RequestListener;
  export default expressPouchDB;
}
