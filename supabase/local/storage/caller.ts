import type { IncomingMessage } from 'node:http';
import type { StackContext } from '../context.ts';
import { bearerToken } from '../http.ts';
import { JwtError, verifyJwt, type JwtClaims } from '../jwt.ts';
import { ERRORS } from './errors.ts';

/** Who is calling: the verified JWT, whose role and claims the database work runs under. */
export interface Caller {
  token: string;
  claims: JwtClaims;
  role: string;
  sub: string | undefined;
}

/**
 * The message storage-api gives for a JWT it refuses: it verifies with `jsonwebtoken` and passes
 * that library's message on, so clients see exactly these strings.
 */
export function jwtErrorMessage(e: JwtError, token: string): string {
  if (token === '') return 'jwt must be provided';
  switch (e.reason) {
    case 'expired':
      return 'jwt expired';
    case 'signature':
      return 'invalid signature';
    case 'algorithm':
      return 'invalid algorithm';
    default:
      return token.split('.').length === 3 ? 'invalid token' : 'jwt malformed';
  }
}

/**
 * The caller of a request. storage-api reads only the bearer token; without one the gateway's
 * API key stands in for it, as the gateway does for PostgREST.
 *
 * `optional` mirrors routes with storage-api's `allowInvalidJwt` (object download, HEAD and info):
 * a missing or invalid token makes the request unauthenticated (undefined) instead of an error.
 */
export function callerOf(
  ctx: StackContext,
  req: IncomingMessage,
  opts: { optional?: boolean } = {},
): Caller | undefined {
  const token = bearerToken(req) ?? req.headers.apikey?.toString() ?? '';
  try {
    if (token === '') throw new JwtError('no token', 'malformed');
    const claims = verifyJwt(token, ctx.jwtSecret, ctx.now());
    const role = typeof claims.role === 'string' && claims.role !== '' ? claims.role : 'anon';
    return { token, claims, role, sub: typeof claims.sub === 'string' ? claims.sub : undefined };
  } catch (e) {
    if (!(e instanceof JwtError)) throw e;
    if (opts.optional) return undefined;
    throw ERRORS.accessDenied(jwtErrorMessage(e, token));
  }
}

/** The caller of a route that requires a valid JWT (every route but downloads). */
export function requireCaller(ctx: StackContext, req: IncomingMessage): Caller {
  return callerOf(ctx, req) as Caller;
}
