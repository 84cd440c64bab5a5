/** What every route module gets: the store, a query builder over it, the write token and the ingest runner. */
import type { Kysely } from 'kysely';
import type { AddressCheck } from '../ingest/address.js';
import type { StoreDatabase } from '../store/database.js';
import type { Store } from '../store/store.js';
import type { IngestRunner } from './ingest-runner.js';
import type { WriteLimits } from './security.js';

/** The shared state of the routes. */
export interface RouteContext {
  store: Store;
  /** A query builder over the store's tables, for the reads the Store contract lacks (see queries.ts). */
  k: Kysely<StoreDatabase>;
  /** The bearer token of the write routes; undefined turns them off. */
  token: string | undefined;
  writeLimits: WriteLimits;
  ingest: IngestRunner;
  /** The addresses submitted URLs may lead to (undefined: any, the server runs with --allow-private). */
  addressCheck: AddressCheck | undefined;
  /** Whether the dashboard is served. */
  dashboard: boolean;
  version: string;
}
