import type { AuthError, SupabaseClient, User } from '@supabase/supabase-js';
import {
  classifyAuthError,
  parseStoredSession,
  type AuthFailure,
  type AuthOperation,
  type SessionUser,
} from './auth-rules.ts';
import { isOnline } from './network.ts';
import { painted } from './startup.ts';
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

/**
 * Wraps a supabase-js client as the app's `AuthPort`. The client comes from `loadClient`, which
 * may load supabase-js on first use: only `currentUser` is needed for the first paint, and it
 * reads the stored session directly, so the first screen does not wait for supabase-js.
 */
export function createAuthPort(loadClient: () => Promise<SupabaseClient>): AuthPort {
  const storedUser = (): SessionUser | null => {
    try {
      return parseStoredSession(globalThis.localStorage?.getItem(AUTH_STORAGE_KEY) ?? null);
    } catch {
      return null;
    }
  };

  async function run(
    operation: AuthOperation,
    action: (client: SupabaseClient) => Promise<{ error: AuthError | null }>,
  ): Promise<AuthOutcome> {
    // Fail fast offline: auth-js would otherwise retry a token refresh for up to ~30 s first.
    if (!isOnline()) return { ok: false, failure: 'offline' };
    try {
      const { error } = await action(await loadClient());
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
      let unsubscribe: (() => void) | undefined;
      let stopped = false;
      const subscribe = (client: SupabaseClient) => {
        if (stopped) return;
        const { data } = client.auth.onAuthStateChange((_event, session) => {
          // With no network and an expired access token, auth-js reports no session but keeps
          // it stored for a later refresh. The device is still signed in as that user: keep the
          // shell (and, later, the offline work) available instead of showing the login screen.
          listener(session ? toSessionUser(session.user) : storedUser());
        });
        unsubscribe = () => data.subscription.unsubscribe();
      };
      const load = () =>
        loadClient().then(subscribe, (e: unknown) => {
          // Only without network and without the precache; try again when it comes back.
          console.error('Loading Supabase Auth failed', e);
          globalThis.addEventListener?.('online', () => void load(), { once: true });
        });
      // Not before the first paint: the first screen only needs `currentUser`.
      void painted().then(load);
      return () => {
        stopped = true;
        unsubscribe?.();
      };
    },
    signInWithPassword: (email, password) =>
      run('password', (client) => client.auth.signInWithPassword({ email, password })),
    requestCode: (email) =>
      run('request-code', (client) =>
        client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } }),
      ),
    verifyCode: (email, code) =>
      run('verify-code', (client) => client.auth.verifyOtp({ email, token: code, type: 'email' })),
    // Only this device's session; other devices of the same person stay signed in.
    signOut: () => run('sign-out', (client) => client.auth.signOut({ scope: 'local' })),
  };
}

function toSessionUser(user: User): SessionUser {
  return { id: user.id, email: user.email ?? '' };
}
