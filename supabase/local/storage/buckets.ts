import { rm } from 'node:fs/promises';
import { MAX_BODY_BYTES, sendJson } from '../http.ts';
import { requireCaller } from './caller.ts';
import { asCaller, mustFindBucket } from './db.ts';
import type { Route } from './env.ts';
import { ERRORS } from './errors.ts';
import { bucketDir, mustBeValidBucketName, parseBucket } from './paths.ts';
import { oneOf, optionalString, readJsonBody, type JsonBody } from './validate.ts';
import { ownerColumns, removeObjects } from './write.ts';

const BUCKET_COLUMNS = `id, name, owner, public, file_size_limit::float8 as file_size_limit,
  allowed_mime_types, created_at, updated_at`;

/** `"20MB"`-style sizes as storage-api parses them (decimal units). */
function parseFileSize(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  let bytes: number;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) bytes = value;
  else if (typeof value === 'string') {
    const match = /^(\d+)\s*(B|KB|MB|GB)$/i.exec(value.trim());
    if (!match) throw ERRORS.invalidFileSizeLimit();
    const unit = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9 }[match[2]!.toUpperCase() as 'B'];
    bytes = Number(match[1]) * unit;
  } else throw ERRORS.invalidFileSizeLimit();
  // A bucket cannot allow more than the project's upload limit.
  if (bytes > MAX_BODY_BYTES) throw ERRORS.entityTooLarge('file_size_limit');
  return bytes;
}

function parseMimeTypes(value: unknown): string[] | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (!Array.isArray(value)) throw ERRORS.badRequest('body/allowed_mime_types must be array');
  for (const mime of value) {
    if (typeof mime !== 'string' || !/^[\w.+-]+\/([\w.+-]+|\*)$/.test(mime.trim())) {
      throw ERRORS.invalidMimeType(String(mime));
    }
  }
  return value as string[];
}

function parsePublic(body: JsonBody): boolean | undefined {
  const value = body.public;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw ERRORS.badRequest('body/public must be boolean');
  return value;
}

/** `GET /bucket`: the buckets the caller's policies on storage.buckets let it see. */
export const listBucketsRoute: Route = async (env, req, res, _rest, url) => {
  const caller = requireCaller(env.ctx, req);
  const q = url.searchParams;
  const column = oneOf(
    q.get('sortColumn'),
    ['id', 'name', 'created_at', 'updated_at'] as const,
    'name',
    'querystring/sortColumn',
  );
  const order = oneOf(q.get('sortOrder'), ['asc', 'desc'] as const, 'asc', 'querystring/sortOrder');
  const limit = q.has('limit') ? Number(q.get('limit')) : null;
  const offset = q.has('offset') ? Number(q.get('offset')) : 0;
  if ((limit !== null && !(Number.isInteger(limit) && limit >= 1)) || !(offset >= 0)) {
    throw ERRORS.badRequest('querystring/limit and offset must be non-negative integers');
  }
  const rows = await asCaller(env.ctx, caller, async (tx) => {
    const result = await tx.query(
      `select ${BUCKET_COLUMNS} from storage.buckets
        where ($1::text is null or name ilike '%' || $1 || '%')
        order by ${column} ${order} limit $2 offset $3`,
      [q.get('search'), limit, offset],
    );
    return result.rows;
  });
  sendJson(res, 200, rows);
};

/** `GET /bucket/:id`. */
export const getBucketRoute: Route = async (env, req, res, rest) => {
  const caller = requireCaller(env.ctx, req);
  const id = parseBucket(rest);
  const row = await asCaller(env.ctx, caller, async (tx) => {
    const result = await tx.query(`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, [
      id,
    ]);
    return result.rows[0] as unknown;
  });
  if (!row) throw ERRORS.noSuchBucket();
  sendJson(res, 200, row);
};

/** `POST /bucket`: created as the caller, so only roles the bucket policies allow (service_role). */
export const createBucketRoute: Route = async (env, req, res) => {
  const caller = requireCaller(env.ctx, req);
  const body = await readJsonBody(req);
  const name = optionalString(body, 'name');
  if (name === undefined) throw ERRORS.badRequest("body must have required property 'name'");
  const id = optionalString(body, 'id') ?? name;
  mustBeValidBucketName(name);
  mustBeValidBucketName(id);
  const [owner, ownerId] = ownerColumns(caller);
  await asCaller(env.ctx, caller, (tx) =>
    tx.query(
      `insert into storage.buckets
         (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        name,
        owner,
        ownerId,
        parsePublic(body) ?? false,
        parseFileSize(body.file_size_limit) ?? null,
        parseMimeTypes(body.allowed_mime_types) ?? null,
      ],
    ),
  );
  sendJson(res, 200, { name });
};

/** `PUT /bucket/:id`: changes only the options the body carries. */
export const updateBucketRoute: Route = async (env, req, res, rest) => {
  const caller = requireCaller(env.ctx, req);
  const id = parseBucket(rest);
  const body = await readJsonBody(req);
  const changes: [string, unknown][] = [
    ['public', parsePublic(body)],
    ['file_size_limit', parseFileSize(body.file_size_limit)],
    ['allowed_mime_types', parseMimeTypes(body.allowed_mime_types)],
  ];
  const set = changes.filter(([, value]) => value !== undefined);
  const updated = await asCaller(env.ctx, caller, async (tx) => {
    const assignments = set.map(([column], i) => `${column} = $${i + 2}`);
    const { rowCount } = await tx.query(
      `update storage.buckets set ${[...assignments, 'updated_at = now()'].join(', ')}
        where id = $1`,
      [id, ...set.map(([, value]) => value)],
    );
    return rowCount ?? 0;
  });
  if (updated === 0) throw ERRORS.noSuchBucket();
  sendJson(res, 200, { message: 'Successfully updated' });
};

/** `DELETE /bucket/:id`: only an empty bucket (counted without RLS, as storage-api does). */
export const deleteBucketRoute: Route = async (env, req, res, rest) => {
  const caller = requireCaller(env.ctx, req);
  const id = parseBucket(rest);
  const { rows } = await env.ctx.pool.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from storage.objects where bucket_id = $1 limit 1) o`,
    [id],
  );
  if ((rows[0]?.n ?? 0) > 0) throw ERRORS.bucketNotEmpty();
  const deleted = await asCaller(env.ctx, caller, async (tx) => {
    const { rowCount } = await tx.query(`delete from storage.buckets where id = $1`, [id]);
    return rowCount ?? 0;
  });
  if (deleted === 0) throw ERRORS.noSuchBucket();
  await rm(bucketDir(env.disk.root, id), { recursive: true, force: true });
  sendJson(res, 200, { message: 'Successfully deleted' });
};

/** `POST /bucket/:id/empty`: deletes every object the caller may delete. */
export const emptyBucketRoute: Route = async (env, req, res, rest) => {
  const caller = requireCaller(env.ctx, req);
  const id = parseBucket(rest);
  await mustFindBucket(env.ctx, id);
  await removeObjects(env, caller, id, 'all');
  sendJson(res, 200, { message: 'Successfully emptied' });
};
