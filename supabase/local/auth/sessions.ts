import { randomInt, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { StackContext } from '../context.ts';
import { signJwt } from '../jwt.ts';
import { setUser } from './accounts.ts';
import { at, NIL_INSTANCE, type Tx } from './db.ts';
import { badRequest, CommitWithError, internal, OAuthError } from './errors.ts';
import { findUserById, isBanned, userJson, type Json, type UserRow } from './users.ts';

/** Access-token lifetime (GoTrue's `GOTRUE_JWT_EXP` default). */
export const JWT_EXP_SECONDS = 3600;
/** How long a rotated refresh token may still be exchanged (Supabase's default reuse interval). */
export const REFRESH_TOKEN_REUSE_INTERVAL_SECONDS = 10;

/** How the session was authenticated, as recorded in `amr`. */
export type AuthMethod = 'password' | 'otp';

/** The session response of `/token` and `/verify`. */
export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Json;
  weak_password?: { message: string; reasons: string[] };
}

/** Refresh tokens as GoTrue issues them by default: 12 random lower-case letters and digits. */
function newRefreshToken(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function clientIp(req: IncomingMessage): string | null {
  const forwarded = req.headers['x-forwarded-for']?.toString().split(',')[0]?.trim();
  return forwarded || req.socket.remoteAddress || null;
}

/** The claims Supabase puts in an access token, in GoTrue's order. */
async function accessToken(
  ctx: StackContext,
  tx: Tx,
  user: UserRow,
  sessionId: string,
): Promise<{ token: string; expiresAt: number }> {
  const { rows } = await tx.query<{ authentication_method: string; updated_at: Date }>(
    `select authentication_method, updated_at from auth.mfa_amr_claims
     where session_id = $1 order by updated_at desc`,
    [sessionId],
  );
  const iat = Math.floor(ctx.now());
  const expiresAt = iat + JWT_EXP_SECONDS;
  const claims = {
    iss: `${ctx.apiUrl}/auth/v1`,
    sub: user.id,
    aud: user.aud ?? '',
    exp: expiresAt,
    iat,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data,
    user_metadata: user.raw_user_meta_data,
    role: user.role ?? '',
    aal: 'aal1',
    amr: rows.map((r) => ({
      method: r.authentication_method,
      timestamp: Math.floor(r.updated_at.getTime() / 1000),
    })),
    session_id: sessionId,
    is_anonymous: user.is_anonymous,
  };
  return { token: signJwt(claims, ctx.jwtSecret), expiresAt };
}

async function tokenResponse(
  ctx: StackContext,
  tx: Tx,
  userId: string,
  sessionId: string,
  refreshToken: string,
): Promise<TokenResponse> {
  // Reloaded so triggers' changes and the writes above show, as GoTrue's reload does.
  const user = await findUserById(tx, userId);
  if (!user) throw internal('Database error granting user');
  const { token, expiresAt } = await accessToken(ctx, tx, user, sessionId);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: expiresAt - Math.floor(ctx.now()),
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: userJson(user),
  };
}

async function insertRefreshToken(
  tx: Tx,
  now: Date,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<string> {
  const token = newRefreshToken();
  await tx.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at,
       parent, session_id)
     values ($1, $2, $3, false, $4, $4, $5, $6)`,
    [NIL_INSTANCE, token, userId, now, parent, sessionId],
  );
  return token;
}

/**
 * Starts a session for a user who just proved who they are (GoTrue's `issueRefreshToken`): a
 * session row with its `amr` claim, a first refresh token, and `last_sign_in_at`.
 */
export async function issueSession(
  ctx: StackContext,
  tx: Tx,
  req: IncomingMessage,
  user: UserRow,
  method: AuthMethod,
): Promise<TokenResponse> {
  const now = at(ctx);
  const sessionId = randomUUID();
  await setUser(tx, now, user.id, { last_sign_in_at: now });
  await tx.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values ($1, $2, $3, $3, 'aal1', $4, $5)`,
    [sessionId, user.id, now, req.headers['user-agent'] ?? null, clientIp(req)],
  );
  await tx.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values ($1, $2, $3, $3, $4)`,
    [randomUUID(), sessionId, now, method],
  );
  const refreshToken = await insertRefreshToken(tx, now, user.id, sessionId, null);
  return tokenResponse(ctx, tx, user.id, sessionId, refreshToken);
}

interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean | null;
  updated_at: Date | null;
  parent: string | null;
  session_id: string | null;
}

const tokenNotFound = () =>
  badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');

/**
 * The refresh-token grant with rotation, as GoTrue does it: each use revokes the token and issues
 * a child. A revoked token still works if it is the parent of the session's current token (the
 * client lost the answer) or was revoked within the reuse interval; any other reuse is treated as
 * theft: the whole token family is revoked and the caller gets `refresh_token_already_used`.
 */
export async function refreshTokenGrant(
  ctx: StackContext,
  tx: Tx,
  req: IncomingMessage,
  token: string,
): Promise<TokenResponse> {
  if (token === '') throw new OAuthError('invalid_request', 'refresh_token required');
  if (token.length < 12) throw tokenNotFound();
  const now = at(ctx);
  // Locking the token row serialises concurrent refreshes of one token.
  const found = await tx.query<RefreshTokenRow>(
    'select * from auth.refresh_tokens where token = $1 for update',
    [token],
  );
  const rt = found.rows[0];
  if (!rt) throw tokenNotFound();
  const user = await findUserById(tx, rt.user_id);
  if (!user) throw tokenNotFound();
  if (isBanned(user, now)) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');

  const session = rt.session_id
    ? (
        await tx.query<{ id: string; not_after: Date | null }>(
          'select id, not_after from auth.sessions where id = $1 for update',
          [rt.session_id],
        )
      ).rows[0]
    : undefined;
  if (!session) {
    await tx.query('delete from auth.refresh_tokens where id = $1', [rt.id]);
    throw new CommitWithError(
      badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found'),
    );
  }
  if (session.not_after && session.not_after.getTime() < now.getTime()) {
    throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');
  }

  let issued: string | undefined;
  if (rt.revoked) {
    const active = await tx.query<{ token: string; parent: string | null }>(
      `select token, parent from auth.refresh_tokens
       where session_id = $1 and revoked is false order by id desc limit 1`,
      [session.id],
    );
    if (active.rows[0]?.parent === rt.token) {
      issued = active.rows[0].token;
    } else {
      const revokedAt = rt.updated_at?.getTime() ?? 0;
      if (now.getTime() > revokedAt + REFRESH_TOKEN_REUSE_INTERVAL_SECONDS * 1000) {
        await revokeTokenFamily(tx, rt.token);
        throw new CommitWithError(
          badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used'),
        );
      }
    }
  }
  if (issued === undefined) {
    await tx.query('update auth.refresh_tokens set revoked = true, updated_at = $2 where id = $1', [
      rt.id,
      now,
    ]);
    issued = await insertRefreshToken(tx, now, user.id, session.id, rt.token);
  }
  await tx.query(
    `update auth.sessions set refreshed_at = $2::timestamptz at time zone 'UTC', updated_at = $2,
       user_agent = $3, ip = $4 where id = $1`,
    [session.id, now, req.headers['user-agent'] ?? null, clientIp(req)],
  );
  return tokenResponse(ctx, tx, user.id, session.id, issued);
}

/** Revokes every descendant of a token (GoTrue's `RevokeTokenFamily`). */
async function revokeTokenFamily(tx: Tx, token: string): Promise<void> {
  await tx.query(
    `with recursive family as (
       select id, token from auth.refresh_tokens where parent = $1
       union
       select r.id, r.token from auth.refresh_tokens r join family f on f.token = r.parent
     )
     update auth.refresh_tokens r set revoked = true from family where family.id = r.id`,
    [token],
  );
}
