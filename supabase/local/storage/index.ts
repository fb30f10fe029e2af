import type { ServiceHandler, StackContext } from '../context.ts';
import { HttpError, sendJson } from '../http.ts';
import {
  createBucketRoute,
  deleteBucketRoute,
  emptyBucketRoute,
  getBucketRoute,
  listBucketsRoute,
  updateBucketRoute,
} from './buckets.ts';
import { drainRequest } from './body.ts';
import { createEnv, type Route } from './env.ts';
import { ERRORS } from './errors.ts';
import { downloadRoute, infoRoute, listRoute } from './read.ts';
import { signManyRoute, signOneRoute, signedDownloadRoute } from './signed.ts';
import { copyRoute, moveRoute } from './transfer.ts';
import { removeManyRoute, removeOneRoute, uploadRoute } from './write.ts';

/** The Storage API subset that `@supabase/storage-js` uses. */
export interface StorageService {
  /** Mounted at `/storage/v1`. */
  handle: ServiceHandler;
}

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

/**
 * The routes in storage-api's order of precedence: fixed prefixes (`list`, `sign`, `info`,
 * `public`, `authenticated`) win over a bucket of that name. Patterns match the still-encoded
 * path; the captured rest is decoded and validated by the route.
 */
const ROUTES: [Method[], RegExp, Route][] = [
  [['GET'], /^\/bucket\/?$/, listBucketsRoute],
  [['POST'], /^\/bucket\/?$/, createBucketRoute],
  [['POST'], /^\/bucket\/([^/]+)\/empty\/?$/, emptyBucketRoute],
  [['GET'], /^\/bucket\/([^/]+)\/?$/, getBucketRoute],
  [['PUT'], /^\/bucket\/([^/]+)\/?$/, updateBucketRoute],
  [['DELETE'], /^\/bucket\/([^/]+)\/?$/, deleteBucketRoute],
  [['POST'], /^\/object\/list\/([^/]+)\/?$/, listRoute],
  [['POST'], /^\/object\/move\/?$/, moveRoute],
  [['POST'], /^\/object\/copy\/?$/, copyRoute],
  [['POST'], /^\/object\/sign\/([^/]+)\/?$/, signManyRoute],
  [['POST'], /^\/object\/sign\/(.+)$/, signOneRoute],
  [['GET', 'HEAD'], /^\/object\/sign\/(.+)$/, signedDownloadRoute],
  [['GET'], /^\/object\/info\/public\/(.+)$/, infoRoute('public')],
  [['GET'], /^\/object\/info\/authenticated\/(.+)$/, infoRoute('required')],
  [['GET'], /^\/object\/info\/(.+)$/, infoRoute('optional')],
  [['GET', 'HEAD'], /^\/object\/public\/(.+)$/, downloadRoute('public')],
  [['GET', 'HEAD'], /^\/object\/authenticated\/(.+)$/, downloadRoute('required')],
  [['DELETE'], /^\/object\/([^/]+)\/?$/, removeManyRoute],
  [['GET', 'HEAD'], /^\/object\/(.+)$/, downloadRoute('optional')],
  [['POST'], /^\/object\/(.+)$/, uploadRoute('POST')],
  [['PUT'], /^\/object\/(.+)$/, uploadRoute('PUT')],
  [['DELETE'], /^\/object\/(.+)$/, removeOneRoute],
];

/**
 * Serves storage-js against the local stack: buckets in `storage.buckets`, objects as rows in
 * `storage.objects` (written and read as the caller, so RLS decides) plus files under
 * `<dataDir>/storage/<bucket>/<name>`.
 */
export function createStorageService(ctx: StackContext): StorageService {
  const env = createEnv(ctx);
  const handle: ServiceHandler = async (req, res, path, url) => {
    const method = (req.method ?? 'GET').toUpperCase() as Method;
    for (const [methods, pattern, route] of ROUTES) {
      if (!methods.includes(method)) continue;
      const match = pattern.exec(path);
      if (!match) continue;
      try {
        return await route(env, req, res, match[1] ?? '', url);
      } catch (e) {
        await drainRequest(req);
        if (e instanceof HttpError) throw e;
        // Anything unforeseen still answers in storage-api's shape; the details go to the log.
        ctx.log(`[storage] ${method} ${path}: ${e instanceof Error ? e.stack : String(e)}`);
        throw ERRORS.internal();
      }
    }
    // Fastify's answer for an unknown route.
    sendJson(res, 404, {
      message: `Route ${method}:${path} not found`,
      error: 'Not Found',
      statusCode: 404,
    });
  };
  return { handle };
}
