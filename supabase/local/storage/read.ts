import { sendJson } from '../http.ts';
import { callerOf, requireCaller } from './caller.ts';
import { asCaller, asService, findBucket, findObject, type ObjectRow } from './db.ts';
import type { Route, StorageEnv } from './env.ts';
import { ERRORS } from './errors.ts';
import { objectFile, parseBucket, parseObjectPath } from './paths.ts';
import { sendObject } from './send.ts';
import {
  oneOf,
  optionalInteger,
  optionalString,
  readJsonBody,
  requiredString,
} from './validate.ts';

/**
 * How a read route authenticates, as in storage-api: `optional` routes (`/object/:bucket/*`,
 * HEAD, `/object/info/:bucket/*`) treat a missing or invalid JWT as unauthenticated, which can
 * only read public buckets; `required` routes (`/authenticated/`) refuse it; `public` routes
 * serve public buckets to anyone.
 */
export type ReadAccess = 'optional' | 'required' | 'public';

/**
 * Finds the object a read route names. Public buckets are read without RLS (as storage-api
 * does); private ones as the caller, so an object its policies hide is "Object not found".
 */
async function findReadable(
  env: StorageEnv,
  req: Parameters<Route>[1],
  rest: string,
  access: ReadAccess,
): Promise<{ bucket: string; key: string; obj: ObjectRow }> {
  const caller =
    access === 'public' ? undefined : callerOf(env.ctx, req, { optional: access === 'optional' });
  const { bucket, key } = parseObjectPath(rest);
  const found = await findBucket(env.ctx, bucket);
  if (!found || (!found.public && (access === 'public' || !caller))) throw ERRORS.noSuchBucket();
  const obj =
    found.public || !caller
      ? await asService(env.ctx, (tx) => findObject(tx, bucket, key))
      : await asCaller(env.ctx, caller, (tx) => findObject(tx, bucket, key));
  if (!obj) throw ERRORS.noSuchKey();
  return { bucket, key, obj };
}

/** `GET`/`HEAD` of `/object/[authenticated|public/]:bucket/*`: the object's bytes. */
export function downloadRoute(access: ReadAccess): Route {
  return async (env, req, res, rest, url) => {
    const { bucket, key, obj } = await findReadable(env, req, rest, access);
    await sendObject(req, res, objectFile(env.disk.root, bucket, key), obj.metadata, {
      download: url.searchParams.get('download'),
    });
  };
}

/** `GET /object/info/[authenticated|public/]:bucket/*`: the object's row, as storage-api's info. */
export function infoRoute(access: ReadAccess): Route {
  return async (env, req, res, rest) => {
    const { obj } = await findReadable(env, req, rest, access);
    const meta = obj.metadata;
    const headers: Record<string, string> = {};
    if (meta?.eTag) headers.etag = meta.eTag;
    if (meta?.cacheControl) headers['cache-control'] = meta.cacheControl;
    if (meta?.lastModified) headers['last-modified'] = new Date(meta.lastModified).toUTCString();
    sendJson(
      res,
      200,
      {
        id: obj.id,
        name: obj.name,
        version: obj.version,
        bucket_id: obj.bucket_id,
        size: meta?.size ?? null,
        content_type: meta?.mimetype ?? null,
        cache_control: meta?.cacheControl ?? null,
        etag: meta?.eTag ?? null,
        metadata: obj.user_metadata,
        last_modified: obj.updated_at,
        created_at: obj.created_at,
      },
      headers,
    );
  };
}

const SORT_COLUMNS = ['name', 'updated_at', 'created_at', 'last_accessed_at'] as const;
const SORT_ORDERS = ['asc', 'desc'] as const;

/**
 * `POST /object/list/:bucket`: files and folders (id null) one level below `prefix`, through
 * storage.search as the caller, so its select policy decides what is listed.
 */
export const listRoute: Route = async (env, req, res, rest) => {
  const caller = requireCaller(env.ctx, req);
  const bucket = parseBucket(rest);
  const body = await readJsonBody(req);
  let prefix = requiredString(body, 'prefix');
  const limit = optionalInteger(body, 'limit', 1) ?? 100;
  const offset = optionalInteger(body, 'offset', 0) ?? 0;
  const search = optionalString(body, 'search') ?? '';
  const sortBy = (body.sortBy ?? {}) as Record<string, unknown>;
  if (typeof sortBy !== 'object' || sortBy === null) {
    throw ERRORS.badRequest('body/sortBy must be object');
  }
  const column = oneOf(sortBy.column, SORT_COLUMNS, 'name', 'body/sortBy/column');
  const order = oneOf(sortBy.order, SORT_ORDERS, 'asc', 'body/sortBy/order');
  // A prefix always names a folder.
  if (prefix.length > 0 && !prefix.endsWith('/')) prefix = `${prefix}/`;
  const levels = prefix.split('/').length;
  const rows = await asCaller(env.ctx, caller, async (tx) => {
    const result = await tx.query(`select * from storage.search($1, $2, $3, $4, $5, $6, $7, $8)`, [
      prefix,
      bucket,
      limit,
      levels,
      offset,
      search,
      column,
      order,
    ]);
    return result.rows;
  });
  sendJson(res, 200, rows);
};
