import { randomUUID } from 'node:crypto';
import { sendJson, MAX_BODY_BYTES } from '../http.ts';
import { mustBeAllowedMimeType, receiveUpload } from './body.ts';
import { requireCaller, type Caller } from './caller.ts';
import { asCaller, asService, mustFindBucket, type ObjectMetadata } from './db.ts';
import { dropTemp, placeFile, prepareTarget, removeFile } from './disk.ts';
import type { Route, StorageEnv } from './env.ts';
import { ERRORS } from './errors.ts';
import { objectFile, parseBucket, parseObjectPath } from './paths.ts';
import { readJsonBody, stringArray } from './validate.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `owner` is a uuid column (null for non-uuid subjects); `owner_id` keeps the sub as text. */
export function ownerColumns(caller: Caller): [string | null, string | null] {
  const sub = caller.sub ?? null;
  return [sub && UUID.test(sub) ? sub : null, sub];
}

/**
 * `POST /object/:bucket/*` (upload; `x-upsert: true` overwrites) and `PUT /object/:bucket/*`
 * (update, always an upsert). The body goes to a temp file first; then the row is written as the
 * caller (RLS decides; an existing object without upsert is "Duplicate"); only after it commits
 * is the file renamed into place. A refused upload leaves neither a row nor a file.
 */
export function uploadRoute(method: 'POST' | 'PUT'): Route {
  return async (env, req, res, rest) => {
    const caller = requireCaller(env.ctx, req);
    const { bucket, key } = parseObjectPath(rest);
    const isUpsert = method === 'PUT' || req.headers['x-upsert'] === 'true';
    const found = await mustFindBucket(env.ctx, bucket);
    const limit = Math.min(MAX_BODY_BYTES, found.file_size_limit ?? Infinity);
    const file = objectFile(env.disk.root, bucket, key);

    const allowed = found.allowed_mime_types;
    const received = await receiveUpload(env.disk, req, limit, (mimeType) => {
      if (allowed?.length) mustBeAllowedMimeType(mimeType, allowed);
    });
    try {
      const metadata: ObjectMetadata = {
        eTag: `"${received.md5}"`,
        size: received.size,
        mimetype: received.mimetype,
        cacheControl: received.cacheControl,
        lastModified: new Date(env.ctx.now() * 1000).toISOString(),
        contentLength: received.size,
        httpStatusCode: 200,
      };
      const [owner, ownerId] = ownerColumns(caller);
      const version = randomUUID();
      const id = await env.writeLock(async () => {
        await prepareTarget(env.disk, file);
        const values = [
          randomUUID(),
          bucket,
          key,
          owner,
          ownerId,
          metadata,
          version,
          received.userMetadata,
        ];
        const written = await asCaller(env.ctx, caller, async (tx) => {
          if (!isUpsert) {
            // No RETURNING: a plain upload needs only the insert policy, as on Supabase.
            await tx.query(
              `insert into storage.objects
                 (id, bucket_id, name, owner, owner_id, metadata, version, user_metadata)
               values ($1, $2, $3, $4, $5, $6, $7, $8)`,
              values,
            );
            return values[0] as string;
          }
          const { rows } = await tx.query<{ id: string }>(
            `insert into storage.objects
               (id, bucket_id, name, owner, owner_id, metadata, version, user_metadata)
             values ($1, $2, $3, $4, $5, $6, $7, $8)
             on conflict (bucket_id, name) do update set
               owner = excluded.owner, owner_id = excluded.owner_id,
               metadata = excluded.metadata, version = excluded.version,
               user_metadata = excluded.user_metadata, last_accessed_at = now()
             returning id`,
            values,
          );
          return rows[0]?.id ?? (values[0] as string);
        });
        try {
          await placeFile(received.tmp, file);
        } catch (e) {
          // The row committed but the bytes could not be stored: take the row back out.
          await asService(env.ctx, (tx) =>
            tx.query(
              `delete from storage.objects where bucket_id = $1 and name = $2 and version = $3`,
              [bucket, key, version],
            ),
          );
          env.ctx.log(`[storage] could not store ${bucket}/${key}: ${String(e)}`);
          throw ERRORS.internal('The object could not be stored');
        }
        return written;
      });
      sendJson(res, 200, { Id: id, Key: `${bucket}/${key}` });
    } finally {
      await dropTemp(received.tmp);
    }
  };
}

/** Columns storage-api returns for removed objects. */
const REMOVED_COLUMNS = `id, name, bucket_id, owner, owner_id, version, metadata, user_metadata,
  created_at, updated_at, last_accessed_at`;

/**
 * Deletes rows as the caller (only those its policies let it see and delete), then their files.
 * Returns the deleted rows.
 */
export async function removeObjects(
  env: StorageEnv,
  caller: Caller,
  bucket: string,
  names: string[] | 'all',
): Promise<Record<string, unknown>[]> {
  return env.writeLock(async () => {
    const rows = await asCaller(env.ctx, caller, async (tx) => {
      const result =
        names === 'all'
          ? await tx.query(
              `delete from storage.objects where bucket_id = $1 returning ${REMOVED_COLUMNS}`,
              [bucket],
            )
          : await tx.query(
              `delete from storage.objects where bucket_id = $1 and name = any($2::text[])
               returning ${REMOVED_COLUMNS}`,
              [bucket, names],
            );
      return result.rows as Record<string, unknown>[];
    });
    for (const row of rows) {
      const name = String(row.name);
      try {
        await removeFile(env.disk, objectFile(env.disk.root, bucket, name));
      } catch (e) {
        // A name the disk cannot hold (inserted by SQL, not through this API) has no file.
        env.ctx.log(`[storage] no file removed for ${bucket}/${name}: ${String(e)}`);
      }
    }
    return rows;
  });
}

/** `DELETE /object/:bucket` with `{ prefixes }`: returns the objects actually deleted. */
export const removeManyRoute: Route = async (env, req, res, rest) => {
  const caller = requireCaller(env.ctx, req);
  const bucket = parseBucket(rest);
  const prefixes = stringArray(await readJsonBody(req), 'prefixes', 1, 1000);
  sendJson(res, 200, await removeObjects(env, caller, bucket, prefixes));
};

/** `DELETE /object/:bucket/*`: one object; a missing (or invisible) one is "Object not found". */
export const removeOneRoute: Route = async (env, req, res, rest) => {
  const caller = requireCaller(env.ctx, req);
  const { bucket, key } = parseObjectPath(rest);
  const removed = await removeObjects(env, caller, bucket, [key]);
  if (removed.length === 0) throw ERRORS.noSuchKey();
  sendJson(res, 200, { message: 'Successfully deleted' });
};
