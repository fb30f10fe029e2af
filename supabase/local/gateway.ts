import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceHandler, StackContext } from './context.ts';
import { HttpError, sendJson } from './http.ts';
import { JwtError, verifyJwt } from './jwt.ts';

/** Headers every response carries, as Supabase's API gateway sets them. */
function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS',
    'access-control-allow-headers':
      req.headers['access-control-request-headers']?.toString() ??
      'authorization, x-client-info, apikey, content-type, prefer, range, x-upsert',
    'access-control-expose-headers':
      'content-range, content-location, content-type, content-length, etag, link, location, range-unit, x-total-count, x-supabase-api-version',
    'access-control-max-age': '3600',
  };
}

export interface GatewayRoutes {
  /** PostgREST's base URL; `/rest/v1/*` is proxied there. */
  restUrl: string;
  auth: ServiceHandler;
  storage: ServiceHandler;
  /** Local-only pages outside the API (the mailbox), served without an API key. */
  pages: Record<string, ServiceHandler>;
}

/** Paths under `/auth/v1` that Supabase's gateway serves without an API key. */
const OPEN_AUTH_PATHS = new Set(['/verify', '/callback', '/authorize', '/health', '/settings']);

/**
 * The one port of the stack (like Kong in `supabase start`): checks the `apikey`, answers CORS,
 * and routes `/rest/v1`, `/auth/v1` and `/storage/v1`.
 */
export function createGateway(ctx: StackContext, routes: GatewayRoutes): http.Server {
  const server = http.createServer((req, res) => {
    for (const [k, v] of Object.entries(corsHeaders(req))) res.setHeader(k, v);
    handle(ctx, routes, req, res).catch((e: unknown) => {
      if (e instanceof HttpError) {
        if (!res.headersSent) sendJson(res, e.status, e.body);
        else res.end();
        return;
      }
      ctx.log(`[gateway] ${req.method} ${req.url}: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) {
        sendJson(res, 500, { message: 'An unexpected error occurred' });
      } else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

async function handle(
  ctx: StackContext,
  routes: GatewayRoutes,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', ctx.apiUrl);
  if (req.method === 'OPTIONS') {
    res.writeHead(200, { 'content-length': '0' });
    res.end();
    return;
  }
  const page = routes.pages[url.pathname.replace(/\/$/, '') || '/'];
  if (page) return page(req, res, url.pathname, url);

  const mount = /^\/(rest|auth|storage)\/v1(\/.*)?$/.exec(url.pathname);
  if (!mount) {
    sendJson(res, 404, { message: 'no Route matched with those values' });
    return;
  }
  const service = mount[1] as 'rest' | 'auth' | 'storage';
  const subPath = mount[2] ?? '/';

  const openAuth = service === 'auth' && OPEN_AUTH_PATHS.has(subPath);
  // Signed storage URLs carry their own token, and public buckets are public: as on Supabase,
  // the gateway lets both through without a key.
  const openStorage =
    service === 'storage' &&
    (subPath.startsWith('/object/sign/') || subPath.startsWith('/object/public/'));
  const apikey = req.headers.apikey?.toString() ?? url.searchParams.get('apikey') ?? undefined;
  if (!openAuth && !openStorage) {
    if (!apikey) {
      sendJson(res, 401, { message: 'No API key found in request' });
      return;
    }
    if (!isProjectKey(ctx, apikey)) {
      sendJson(res, 401, { message: 'Invalid API key' });
      return;
    }
  }

  if (service === 'rest')
    return proxy(req, res, `${routes.restUrl}${subPath}${url.search}`, apikey);
  if (service === 'auth') return routes.auth(req, res, subPath, url);
  return routes.storage(req, res, subPath, url);
}

/** An API key is one of the project's keys: a JWT signed with its secret for anon or service_role. */
function isProjectKey(ctx: StackContext, key: string): boolean {
  if (key === ctx.anonKey || key === ctx.serviceRoleKey) return true;
  try {
    const claims = verifyJwt(key, ctx.jwtSecret, ctx.now());
    return claims.role === 'anon' || claims.role === 'service_role';
  } catch (e) {
    if (e instanceof JwtError) return false;
    throw e;
  }
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** Streams a request to PostgREST and its answer back. */
function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  apikey: string | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
    }
    // As on Supabase: without a user token the API key is the JWT PostgREST sees.
    if (!headers.authorization && apikey) headers.authorization = `Bearer ${apikey}`;
    const upstream = http.request(target, { method: req.method, headers }, (up) => {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(up.headers)) {
        if (v !== undefined && !HOP_BY_HOP.has(k) && !k.startsWith('access-control-')) out[k] = v;
      }
      res.writeHead(up.statusCode ?? 502, out);
      up.pipe(res);
      up.on('end', resolve);
      up.on('error', reject);
    });
    upstream.on('error', () => {
      if (!res.headersSent) {
        sendJson(res, 503, {
          code: 'PGRST000',
          details: null,
          hint: null,
          message: 'The REST API is not reachable. Is the local stack still starting?',
        });
      }
      resolve();
    });
    req.pipe(upstream);
  });
}

/** Listens on `port` on the loopback interface (0 = any free port) and returns the port. */
export function listen(server: http.Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
