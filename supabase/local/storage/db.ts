import type pg from 'pg';
import type { StackContext } from '../context.ts';
import type { Caller } from './caller.ts';
import { ERRORS, fromPgError } from './errors.ts';

/** The Postgres role storage-api connects as; a JWT may only name roles it can switch to. */
const STORAGE_ADMIN = 'supabase_storage_admin';

export type Tx = pg.PoolClient;

/**
 * Runs `fn` in one transaction as the caller, the way storage-api scopes every query: the JWT's
 * role becomes the current role and its claims the `request.jwt.*` settings, so the project's
 * RLS policies (and auth.uid()) decide exactly as on Supabase. Postgres errors come out as
 * storage-api errors.
 */
export async function asCaller<T>(
  ctx: StackContext,
  caller: Caller,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return inTransaction(ctx, async (tx) => {
    // The stack's pool is a superuser, which could switch to any role; storage-api's own
    // connection can only become roles granted to it, so a JWT naming another role fails there.
    const { rows } = await tx.query<{ allowed: boolean | null }>(
      `select pg_has_role($1, oid, 'MEMBER') as allowed from pg_roles where rolname = $2`,
      [STORAGE_ADMIN, caller.role],
    );
    if (!rows[0]?.allowed) {
      throw ERRORS.accessDenied(`permission denied to set role "${caller.role}"`);
    }
    await tx.query(
      `select set_config('role', $1, true),
              set_config('request.jwt.claim.role', $1, true),
              set_config('request.jwt.claim.sub', $2, true),
              set_config('request.jwt.claims', $3, true),
              set_config('request.jwt', $4, true)`,
      [caller.role, caller.sub ?? '', JSON.stringify(caller.claims), caller.token],
    );
    return fn(tx);
  });
}

/** Runs `fn` in one transaction as the storage service itself, bypassing RLS. */
export function asService<T>(ctx: StackContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(ctx, fn);
}

async function inTransaction<T>(ctx: StackContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = await ctx.pool.connect();
  try {
    await tx.query('begin');
    const result = await fn(tx);
    await tx.query('commit');
    return result;
  } catch (e) {
    await tx.query('rollback').catch(() => {});
    throw fromPgError(e);
  } finally {
    tx.release();
  }
}

/** A bucket as the upload and download paths need it. */
export interface BucketRow {
  id: string;
  public: boolean;
  file_size_limit: number | null;
  allowed_mime_types: string[] | null;
}

/** Looks a bucket up as the service (storage-api does this without RLS), or undefined. */
export async function findBucket(ctx: StackContext, id: string): Promise<BucketRow | undefined> {
  const { rows } = await ctx.pool
    .query<BucketRow>(
      `select id, coalesce(public, false) as public, file_size_limit::float8 as file_size_limit,
              allowed_mime_types
         from storage.buckets where id = $1`,
      [id],
    )
    .catch((e: unknown) => {
      throw fromPgError(e);
    });
  return rows[0];
}

/** Like {@link findBucket}, but a missing bucket is storage-api's "Bucket not found". */
export async function mustFindBucket(ctx: StackContext, id: string): Promise<BucketRow> {
  const bucket = await findBucket(ctx, id);
  if (!bucket) throw ERRORS.noSuchBucket();
  return bucket;
}

/** The metadata storage-api keeps in `storage.objects.metadata` for every object. */
export interface ObjectMetadata {
  eTag: string;
  size: number;
  mimetype: string;
  cacheControl: string;
  lastModified: string;
  contentLength: number;
  httpStatusCode: number;
}

/** An object row with the columns the read paths return. */
export interface ObjectRow {
  id: string;
  bucket_id: string;
  name: string;
  version: string | null;
  metadata: ObjectMetadata | null;
  user_metadata: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
}

const OBJECT_COLUMNS = `id, bucket_id, name, version, metadata, user_metadata, created_at, updated_at`;

/** Finds one object as whoever `tx` runs as (RLS applies for callers). */
export async function findObject(
  tx: Tx,
  bucket: string,
  name: string,
): Promise<ObjectRow | undefined> {
  const { rows } = await tx.query<ObjectRow>(
    `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
    [bucket, name],
  );
  return rows[0];
}
