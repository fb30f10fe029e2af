import { sendJson } from '../http.ts';
import { JwtError, signJwt, verifyJwt } from '../jwt.ts';
import { jwtErrorMessage, requireCaller } from './caller.ts';
import { asCaller, asService, findObject } from './db.ts';
import type { Route, StorageEnv } from './env.ts';
import { ERRORS } from './errors.ts';
import { objectFile, parseBucket, parseObjectPath } from './paths.ts';
import { sendObject } from './send.ts';
import { readJsonBody, requiredInteger, stringArray } from './validate.ts';

/** Claims of a signed URL token, as storage-api signs them with the project's JWT secret. */
interface SignedToken {
  url: string;
  iat: number;
  exp: number;
}

/** The path part of a signed URL; storage-js appends it to its base URL and encodes it. */
function signUrl(env: StorageEnv, bucket: string, key: string, expiresIn: number): string {
  const now = env.ctx.now();
  const url = `${bucket}/${key}`;
  const token = signJwt({ url, iat: now, exp: now + expiresIn }, env.ctx.jwtSecret);
  return `/object/sign/${url}?token=${token}`;
}

/**
 * `POST /object/sign/:bucket/*` with `{ expiresIn }`: a URL anyone can fetch until it expires.
 * Only for an object the caller can see (else "Object not found"). Image transformations are
 * not supported locally, so a `transform` option is ignored.
 */
export const signOneRoute: Route = async (env, req, res, rest) => {
  const caller = requireCaller(env.ctx, req);
  const { bucket, key } = parseObjectPath(rest);
  const expiresIn = requiredInteger(await readJsonBody(req), 'expiresIn', 1);
  const obj = await asCaller(env.ctx, caller, (tx) => findObject(tx, bucket, key));
  if (!obj) throw ERRORS.noSuchKey();
  sendJson(res, 200, { signedURL: signUrl(env, bucket, key, expiresIn) });
};

/**
 * `POST /object/sign/:bucket` with `{ expiresIn, paths }`: one entry per path, with an error for
 * those the caller cannot see.
 */
export const signManyRoute: Route = async (env, req, res, rest) => {
  const caller = requireCaller(env.ctx, req);
  const bucket = parseBucket(rest);
  const body = await readJsonBody(req);
  const expiresIn = requiredInteger(body, 'expiresIn', 1);
  const paths = stringArray(body, 'paths', 1, 1000);
  const visible = await asCaller(env.ctx, caller, async (tx) => {
    const { rows } = await tx.query<{ name: string }>(
      `select name from storage.objects where bucket_id = $1 and name = any($2::text[])`,
      [bucket, paths],
    );
    return new Set(rows.map((r) => r.name));
  });
  sendJson(
    res,
    200,
    paths.map((path) =>
      visible.has(path)
        ? { error: null, path, signedURL: signUrl(env, bucket, path, expiresIn) }
        : {
            error: 'Either the object does not exist or you do not have access to it',
            path,
            signedURL: null,
          },
    ),
  );
};

/**
 * `GET /object/sign/:bucket/*?token=`: serves the object if the token is valid, unexpired and
 * signed for exactly this path. The gateway lets these through without an API key.
 */
export const signedDownloadRoute: Route = async (env, req, res, rest, url) => {
  const token = url.searchParams.get('token');
  if (token === null) throw ERRORS.badRequest("querystring must have required property 'token'");
  let payload: SignedToken;
  try {
    payload = verifyJwt(token, env.ctx.jwtSecret, env.ctx.now()) as unknown as SignedToken;
  } catch (e) {
    if (e instanceof JwtError) throw ERRORS.invalidJwt(jwtErrorMessage(e, token));
    throw e;
  }
  const { bucket, key } = parseObjectPath(rest);
  if (payload.url !== `${bucket}/${key}`) throw ERRORS.invalidSignature();
  // The token is the permission: the object is read without RLS, as storage-api does.
  const obj = await asService(env.ctx, (tx) => findObject(tx, bucket, key));
  if (!obj) throw ERRORS.noSuchKey();
  await sendObject(req, res, objectFile(env.disk.root, bucket, key), obj.metadata, {
    download: url.searchParams.get('download'),
    expires: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : undefined,
  });
};
