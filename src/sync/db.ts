import Dexie, { type EntityTable, type DexieOptions } from 'dexie';
import type { Tables } from '../lib/database.types.ts';

/** The tables the server hands out through sync_pull, mirrored on the device. */
export const SYNCED_TABLES = [
  'organisations',
  'profiles',
  'neighbourhoods',
  'observation_categories',
  'observations',
  'observation_events',
  'garden_projects',
  'accessibility_checks',
  'neighbourhood_grades',
  'walks',
  'walk_participants',
  'targets',
  'attachments',
  'garden_project_events',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** The tables a device may change (the server accepts mutations for these). */
export const WRITABLE_TABLES = [
  'observations',
  'observation_events',
  'garden_projects',
  'accessibility_checks',
  'neighbourhood_grades',
  'walks',
  'walk_participants',
  'attachments',
  'targets',
  'garden_project_events',
] as const satisfies readonly SyncedTable[];
export type WritableTable = (typeof WRITABLE_TABLES)[number];

/** A row as the server sends it (sync columns stripped) plus what the device knows about it. */
export type LocalRow<T extends SyncedTable> = Omit<Tables<T>, '_txid' | '_seq'> & {
  /** Set on observations a tenant sees redacted (no reporter, rounded location). */
  shared?: boolean;
};

export type MutationOp = 'insert' | 'update' | 'delete';
export type OutboxStatus = 'pending' | 'sending' | 'rejected';

/** One change waiting to reach the server. Its id is the mutation id the server deduplicates on. */
export interface OutboxEntry {
  /** The mutation id the server deduplicates on (UUID v7). */
  id: string;
  /**
   * The order in which this device made its changes: a counter, not a clock, so a corrected
   * phone clock can never put a change before the one it builds on.
   */
  seq: number;
  table: WritableTable;
  op: MutationOp;
  record_id: string;
  /** Only the fields this change sets. */
  values: Record<string, unknown>;
  /** The version of the record the change was made on (updates). */
  base_version?: number;
  /** The fields' values before this change (updates, deletes): shown again if it is refused. */
  previous?: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  created_at: string;
  /** Why the server refused it (status rejected): a stable code and a readable message. */
  error_code?: string;
  error_message?: string;
}

/** A photo's bytes, kept on the device until Storage has them. */
export interface PhotoBlob {
  /** The attachment id. */
  id: string;
  storage_path: string;
  blob: Blob;
  bytes: number;
  uploaded: 0 | 1;
}

/** Small key/value state: client id, pull cursor, last sync, last error. */
export interface SyncStateEntry {
  key: string;
  value: unknown;
}

export type SyncDatabase = Dexie & {
  organisations: EntityTable<LocalRow<'organisations'>, 'id'>;
  profiles: EntityTable<LocalRow<'profiles'>, 'id'>;
  neighbourhoods: EntityTable<LocalRow<'neighbourhoods'>, 'code'>;
  observation_categories: EntityTable<LocalRow<'observation_categories'>, 'code'>;
  observations: EntityTable<LocalRow<'observations'>, 'id'>;
  observation_events: EntityTable<LocalRow<'observation_events'>, 'id'>;
  garden_projects: EntityTable<LocalRow<'garden_projects'>, 'id'>;
  accessibility_checks: EntityTable<LocalRow<'accessibility_checks'>, 'id'>;
  neighbourhood_grades: EntityTable<LocalRow<'neighbourhood_grades'>, 'id'>;
  walks: EntityTable<LocalRow<'walks'>, 'id'>;
  walk_participants: EntityTable<LocalRow<'walk_participants'>, 'id'>;
  targets: EntityTable<LocalRow<'targets'>, 'id'>;
  attachments: EntityTable<LocalRow<'attachments'>, 'id'>;
  garden_project_events: EntityTable<LocalRow<'garden_project_events'>, 'id'>;
  outbox: EntityTable<OutboxEntry, 'id'>;
  photos: EntityTable<PhotoBlob, 'id'>;
  sync_state: EntityTable<SyncStateEntry, 'key'>;
};

/** The primary key column of a synced table. */
export function keyOf(table: SyncedTable): 'id' | 'code' {
  return table === 'neighbourhoods' || table === 'observation_categories' ? 'code' : 'id';
}

/**
 * Version history of the local schema. Never edit a released version: add one. Dexie upgrades in
 * place, so outbox entries and photos survive every upgrade.
 */
export const SCHEMA_VERSIONS: Record<number, Record<string, string>> = {
  1: {
    organisations: 'id',
    profiles: 'id',
    neighbourhoods: 'code, kind, wijk_code',
    observation_categories: 'code, parent_code',
    observations: 'id, neighbourhood_code, status, category_code, observed_at, walk_id',
    observation_events: 'id, observation_id',
    garden_projects: 'id, neighbourhood_code, status',
    accessibility_checks: 'id, neighbourhood_code, address',
    neighbourhood_grades: 'id, neighbourhood_code',
    walks: 'id, neighbourhood_code',
    walk_participants: 'id, walk_id',
    targets: 'id',
    attachments: 'id, [record_table+record_id]',
    outbox: 'id, status, seq, [status+seq], [table+record_id]',
    photos: 'id, uploaded',
    sync_state: 'key',
  },
  // Reactions to garden projects (tenant feedback, professionals' comments).
  2: {
    garden_project_events: 'id, garden_project_id',
  },
  // No new stores: the push marks a batch with one record (sync_state 'in_flight') instead of
  // setting each entry to 'sending', and the fold rule reads that mark. A tab still running an
  // earlier build would fold a change into an entry already on its way; the version change closes
  // such tabs and asks them to reload before this one opens the database.
  3: {},
};

export interface OpenOptions {
  name?: string;
  /** For Node tests: fake-indexeddb's factory and key range. */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
  /** Called when a newer tab wants to upgrade the schema: this one closes and should reload. */
  onVersionChange?: () => void;
}

/** Opens the device database. The outbox commits with strict durability (flushed to disk). */
export function openSyncDatabase(options: OpenOptions = {}): SyncDatabase {
  const db = new Dexie(options.name ?? 'buurtpeil', {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    chromeTransactionDurability: 'strict',
  }) as SyncDatabase;
  for (const [version, stores] of Object.entries(SCHEMA_VERSIONS))
    db.version(Number(version)).stores(stores);
  // An old tab must never block a newer tab's upgrade: close, and let the app ask to reload.
  db.on('versionchange', () => {
    db.close();
    options.onVersionChange?.();
    return false;
  });
  return db;
}
