/** The signed-in person, as far as the app's screens need to know. */
export interface SessionUser {
  id: string;
  email: string;
}

/** What the user can be told about a failed auth action. */
export type AuthFailure =
  'invalid-credentials' | 'invalid-code' | 'rate-limited' | 'offline' | 'unknown';

export type AuthOperation = 'password' | 'request-code' | 'verify-code' | 'sign-out';

/** The parts of an auth-js error we look at (it is an `AuthError` subclass at runtime). */
export interface AuthErrorLike {
  name?: string;
  status?: number;
  code?: string;
}

/**
 * Reads the session supabase-js keeps in localStorage (a JSON `Session`). supabase-js removes it
 * on sign-out and when a refresh is definitively rejected, but keeps it when a refresh fails for
 * lack of network; so "still stored" means "this device is signed in, perhaps with a token that
 * needs renewing once online". Checked the same way as supabase-js's own `_isValidSession`.
 */
export function parseStoredSession(raw: string | null): SessionUser | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  if (typeof value.access_token !== 'string' || typeof value.refresh_token !== 'string') {
    return null;
  }
  if (typeof value.expires_at !== 'number') return null;
  const user = value.user;
  if (!isRecord(user) || typeof user.id !== 'string' || !user.id) return null;
  return { id: user.id, email: typeof user.email === 'string' ? user.email : '' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Says what went wrong in terms the login screen can explain. Answers are judged per operation
 * because GoTrue reports a wrong password and a wrong code with the same kind of 400.
 *
 * `null` means "treat as success": asking a code for an address Buurtpeil does not know fails
 * on the server (accounts are made by coordinators, not by signing up), but the screen must not
 * reveal which addresses have an account.
 */
export function classifyAuthError(
  operation: AuthOperation,
  error: AuthErrorLike,
  online: boolean,
): AuthFailure | null {
  // auth-js wraps a failed fetch (no network, server down, CORS) as a retryable error.
  if (error.name === 'AuthRetryableFetchError' || error.status === 0) {
    return online ? 'unknown' : 'offline';
  }
  const code = error.code ?? '';
  if (error.status === 429 || code.startsWith('over_')) return 'rate-limited';
  if (operation === 'request-code') {
    if (['otp_disabled', 'signup_disabled', 'user_not_found'].includes(code)) return null;
    return error.status === 422 ? null : 'unknown';
  }
  const status = error.status ?? 500;
  if (status < 400 || status >= 500) return 'unknown';
  if (operation === 'password') return 'invalid-credentials';
  if (operation === 'verify-code') return 'invalid-code';
  return 'unknown';
}
