import type { AuthError, SupabaseClient, User } from '@supabase/supabase-js';
import {
  classifyAuthError,
  parseStoredSession,
  type AuthFailure,
  type AuthOperation,
  type SessionUser,
} from './auth-rules.ts';
import { isOnline } from './network.ts';
import { AUTH_STORAGE_KEY } from './supabase.ts';

export type { AuthFailure, SessionUser } from './auth-rules.ts';

export type AuthOutcome = { ok: true } | { ok: false; failure: AuthFailure };

/** The app's view of Supabase Auth; screens depend on this, not on supabase-js. */
export interface AuthPort {
  /** The user this device is signed in as, read synchronously so the first paint is right. */
  currentUser(): SessionUser | null;
  /** Calls `listener` whenever the signed-in user may have changed; returns an unsubscribe. */
  onChange(listener: (user: SessionUser | null) => void): () => void;
  signInWithPassword(email: string, password: string): Promise<AuthOutcome>;
  /** Emails a 6-digit code; succeeds for unknown addresses too (see `classifyAuthError`). */
  requestCode(email: string): Promise<AuthOutcome>;
  verifyCode(email: string, code: string): Promise<AuthOutcome>;
  signOut(): Promise<AuthOutcome>;
}

/** Wraps a supabase-js client as the app's `AuthPort`. */
export function createAuthPort(client: SupabaseClient): AuthPort {
  const storedUser = (): SessionUser | null => {
    try {
      return parseStoredSession(globalThis.localStorage?.getItem(AUTH_STORAGE_KEY) ?? null);
    } catch {
      return null;
    }
  };

  async function run(
    operation: AuthOperation,
    action: () => Promise<{ error: AuthError | null }>,
  ): Promise<AuthOutcome> {
    // Fail fast offline: auth-js would otherwise retry a token refresh for up to ~30 s first.
    if (!isOnline()) return { ok: false, failure: 'offline' };
    try {
      const { error } = await action();
      if (!error) return { ok: true };
      const failure = classifyAuthError(operation, error, isOnline());
      return failure ? { ok: false, failure } : { ok: true };
    } catch (e) {
      console.error(`Auth ${operation} failed`, e);
      return { ok: false, failure: 'unknown' };
    }
  }

  return {
    currentUser: storedUser,
    onChange(listener) {
      const { data } = client.auth.onAuthStateChange((_event, session) => {
        // With no network and an expired access token, auth-js reports no session but keeps
        // it stored for a later refresh. The device is still signed in as that user: keep the
        // shell (and, later, the offline work) available instead of showing the login screen.
        listener(session ? toSessionUser(session.user) : storedUser());
      });
      return () => data.subscription.unsubscribe();
    },
    signInWithPassword: (email, password) =>
      run('password', () => client.auth.signInWithPassword({ email, password })),
    requestCode: (email) =>
      run('request-code', () =>
        client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } }),
      ),
    verifyCode: (email, code) =>
      run('verify-code', () => client.auth.verifyOtp({ email, token: code, type: 'email' })),
    // Only this device's session; other devices of the same person stay signed in.
    signOut: () => run('sign-out', () => client.auth.signOut({ scope: 'local' })),
  };
}

function toSessionUser(user: User): SessionUser {
  return { id: user.id, email: user.email ?? '' };
}
