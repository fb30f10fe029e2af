import { at, transaction } from './db.ts';
import { badRequest, OAuthError, unprocessable } from './errors.ts';
import { readParams, requestAud, str, type Params } from './params.ts';
import { passwordWeakness, verifyPassword } from './password.ts';
import { json, type AuthRequest, type Reply } from './route.ts';
import { issueSession, refreshTokenGrant, type TokenResponse } from './sessions.ts';
import { findUserByEmail, isBanned } from './users.ts';

const INVALID_LOGIN = 'Invalid login credentials';

/**
 * The password grant (`signInWithPassword`), as GoTrue's `ResourceOwnerPasswordGrant`: one answer
 * for an unknown email and a wrong password, so the endpoint does not reveal who has an account.
 * A correct password that breaks today's rules still signs in, with a `weak_password` note.
 */
async function passwordGrant(r: AuthRequest, p: Params): Promise<TokenResponse> {
  const email = str(p, 'email');
  const phone = str(p, 'phone');
  const password = str(p, 'password');
  if (email !== '' && phone !== '') {
    throw unprocessable(
      'validation_failed',
      'Only an email address or phone number should be provided on login.',
    );
  }
  if (phone !== '') throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  if (email === '') throw badRequest('validation_failed', 'missing email or phone');
  const aud = requestAud(r.req);

  return transaction(r.ctx, async (tx) => {
    const user = await findUserByEmail(tx, email, aud);
    if (!user || !user.encrypted_password) throw badRequest('invalid_credentials', INVALID_LOGIN);
    if (isBanned(user, at(r.ctx))) throw badRequest('user_banned', 'User is banned');
    if (!(await verifyPassword(password, user.encrypted_password))) {
      throw badRequest('invalid_credentials', INVALID_LOGIN);
    }
    if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
    const session = await issueSession(r.ctx, tx, r.req, user, 'password');
    const weak = passwordWeakness(password);
    return weak ? { ...session, weak_password: weak } : session;
  });
}

/** `POST /token?grant_type=password|refresh_token` (the grants auth-js uses without PKCE). */
export async function token(r: AuthRequest): Promise<Reply> {
  const grant = r.url.searchParams.get('grant_type') ?? '';
  if (grant !== 'password' && grant !== 'refresh_token') {
    throw new OAuthError('unsupported_grant_type', '');
  }
  const p = await readParams(r.req);
  if (grant === 'password') return json(await passwordGrant(r, p));
  const refreshToken = str(p, 'refresh_token');
  return json(await transaction(r.ctx, (tx) => refreshTokenGrant(r.ctx, tx, r.req, refreshToken)));
}
