import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sendJson } from '../http.ts';
import { requireCaller, type Caller } from './caller.ts';
import { asCaller, asService, mustFindBucket } from './db.ts';
import { copyToTemp, dropTemp, placeFile, prepareTarget, removeFile } from './disk.ts';
import type { Route, StorageEnv } from './env.ts';
import { ERRORS } from './errors.ts';
import { mustBeValidBucketName, mustBeValidKey, objectFile } from './paths.ts';
import { optionalString, readJsonBody, requiredString } from './validate.ts';
import { ownerColumns } from './write.ts';

interface Transfer {
  caller: Caller;
  from: { bucket: string; key: string; file: string };
  to: { bucket: string; key: string; file: string };
}

/** Reads `{ bucketId, sourceKey, destinationKey, destinationBucket? }` as storage-js sends it. */
async function readTransfer(env: StorageEnv, req: IncomingMessage): Promise<Transfer> {
  const caller = requireCaller(env.ctx, req);
  const body = await readJsonBody(req);
  const bucket = requiredString(body, 'bucketId');
  const sourceKey = requiredString(body, 'sourceKey');
  const destinationKey = requiredString(body, 'destinationKey');
  const destinationBucket = optionalString(body, 'destinationBucket') ?? bucket;
  mustBeValidBucketName(bucket);
  mustBeValidBucketName(destinationBucket);
  mustBeValidKey(sourceKey);
  mustBeValidKey(destinationKey);
  if (destinationBucket !== bucket) await mustFindBucket(env.ctx, destinationBucket);
  return {
    caller,
    from: { bucket, key: sourceKey, file: objectFile(env.disk.root, bucket, sourceKey) },
    to: {
      bucket: destinationBucket,
      key: destinationKey,
      file: objectFile(env.disk.root, destinationBucket, destinationKey),
    },
  };
}

/**
 * `POST /object/move`: renames the row as the caller (its update policy must allow both the old
 * and the new name), then the file.
 */
export const moveRoute: Route = async (env, req, res) => {
  const { caller, from, to } = await readTransfer(env, req);
  if (from.bucket !== to.bucket || from.key !== to.key) {
    await env.writeLock(async () => {
      await prepareTarget(env.disk, to.file);
      const moved = await asCaller(env.ctx, caller, async (tx) => {
        const { rowCount } = await tx.query(
          `update storage.objects set bucket_id = $3, name = $4, last_accessed_at = now()
            where bucket_id = $1 and name = $2`,
          [from.bucket, from.key, to.bucket, to.key],
        );
        return rowCount ?? 0;
      });
      if (moved === 0) throw ERRORS.noSuchKey();
      try {
        await placeFile(from.file, to.file);
        await removeFile(env.disk, from.file);
      } catch (e) {
        // Put the row back where the file still is.
        await asService(env.ctx, (tx) =>
          tx.query(
            `update storage.objects set bucket_id = $1, name = $2
              where bucket_id = $3 and name = $4`,
            [from.bucket, from.key, to.bucket, to.key],
          ),
        );
        env.ctx.log(`[storage] could not move ${from.bucket}/${from.key}: ${String(e)}`);
        throw ERRORS.internal('The object could not be moved');
      }
    });
  }
  sendJson(res, 200, { message: 'Successfully moved' });
};

/**
 * `POST /object/copy`: inserts the new row as the caller from the source row (its select policy
 * must show the source, its insert policy allow the destination); the copied file lands after.
 */
export const copyRoute: Route = async (env, req, res) => {
  const { caller, from, to } = await readTransfer(env, req);
  const [owner, ownerId] = ownerColumns(caller);
  const id = randomUUID();
  const version = randomUUID();
  let tmp: string | undefined;
  try {
    await env.writeLock(async () => {
      tmp = await copyToTemp(env.disk, from.file);
      if (!tmp) throw ERRORS.noSuchKey();
      await prepareTarget(env.disk, to.file);
      const copied = await asCaller(env.ctx, caller, async (tx) => {
        const { rowCount } = await tx.query(
          `insert into storage.objects
             (id, bucket_id, name, owner, owner_id, metadata, version, user_metadata)
           select $1, $2, $3, $4, $5,
                  jsonb_set(coalesce(metadata, '{}'), '{lastModified}', to_jsonb($6::text)),
                  $7, user_metadata
             from storage.objects where bucket_id = $8 and name = $9`,
          [
            id,
            to.bucket,
            to.key,
            owner,
            ownerId,
            new Date(env.ctx.now() * 1000).toISOString(),
            version,
            from.bucket,
            from.key,
          ],
        );
        return rowCount ?? 0;
      });
      if (copied === 0) throw ERRORS.noSuchKey();
      try {
        await placeFile(tmp, to.file);
      } catch (e) {
        await asService(env.ctx, (tx) =>
          tx.query(`delete from storage.objects where id = $1`, [id]),
        );
        env.ctx.log(`[storage] could not copy to ${to.bucket}/${to.key}: ${String(e)}`);
        throw ERRORS.internal('The object could not be copied');
      }
    });
  } finally {
    await dropTemp(tmp);
  }
  sendJson(res, 200, { Id: id, Key: `${to.bucket}/${to.key}` });
};
