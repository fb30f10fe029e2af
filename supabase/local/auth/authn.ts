import type { IncomingMessage } from 'node:http';
import type { StackContext } from '../context.ts';
import { bearerToken } from '../http.ts';
import { JwtError, verifyJwt, type JwtClaims } from '../jwt.ts';
import { at, type Tx } from './db.ts';
import { badRequest, forbidden, unauthorized } from './errors.ts';
import { findUserById, isBanned, type UserRow } from './users.ts';

/** Roles GoTrue accepts on `/admin` (`GOTRUE_JWT_ADMIN_ROLES` on Supabase). */
const ADMIN_ROLES = ['service_role', 'supabase_admin'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

/** golang-jwt's wording for each way a token can fail, as GoTrue passes it on. */
const JWT_FAILURE: Record<JwtError['reason'], string> = {
  malformed: 'token is malformed: could not JSON decode or base64 decode token',
  signature: 'token signature is invalid: signature is invalid',
  expired: 'token has invalid claims: token is expired',
  algorithm: 'token signature is invalid: signing method is invalid',
};

/** The bearer token's verified claims (GoTrue's `extractBearerToken` + `parseJWTClaims`). */
export function verifiedClaims(ctx: StackContext, req: IncomingMessage): JwtClaims {
  const token = bearerToken(req);
  if (!token) throw unauthorized('no_authorization', 'This endpoint requires a valid Bearer token');
  try {
    return verifyJwt(token, ctx.jwtSecret, ctx.now());
  } catch (e) {
    if (!(e instanceof JwtError)) throw e;
    const detail =
      e.message === 'JWT must have 3 parts'
        ? 'token is malformed: token contains an invalid number of segments'
        : JWT_FAILURE[e.reason];
    throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${detail}`);
  }
}

export interface Authenticated {
  claims: JwtClaims;
  user: UserRow;
  /** The session the token belongs to; absent for tokens without `session_id`. */
  sessionId?: string;
}

/**
 * GoTrue's `requireAuthentication`: a valid user token whose user and session still exist. A
 * signed-out session makes its unexpired access tokens useless here (`session_not_found`).
 */
export async function authenticate(
  ctx: StackContext,
  tx: Tx,
  req: IncomingMessage,
): Promise<Authenticated> {
  const claims = verifiedClaims(ctx, req);
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (sub === '') throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!isUuid(sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(tx, sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');

  let sessionId: string | undefined;
  const sid = typeof claims.session_id === 'string' ? claims.session_id : '';
  if (sid !== '' && sid !== '00000000-0000-0000-0000-000000000000') {
    if (!isUuid(sid)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    const found = await tx.query('select 1 from auth.sessions where id = $1', [sid]);
    if (found.rowCount === 0) {
      throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    sessionId = sid;
  }
  if (isBanned(user, at(ctx))) throw forbidden('user_banned', 'User is banned');
  return { claims, user, sessionId };
}

/** GoTrue's `requireAdminCredentials`: a valid token whose role is an admin role. */
export function requireAdmin(ctx: StackContext, req: IncomingMessage): JwtClaims {
  const claims = verifiedClaims(ctx, req);
  if (typeof claims.role !== 'string' || !ADMIN_ROLES.includes(claims.role)) {
    throw forbidden('not_admin', 'User not allowed');
  }
  return claims;
}
