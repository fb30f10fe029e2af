import { signJwt } from './jwt.ts';

/**
 * The JWT secret `supabase start` uses for every local project. It is public knowledge and only
 * ever used for the local stack; a real project has its own secret.
 */
export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** API keys as `supabase start` issues them: long-lived JWTs for the `anon` and `service_role` roles. */
export function apiKeys(secret: string): { anonKey: string; serviceRoleKey: string } {
  const base = { iss: 'supabase-demo', iat: 1641769200, exp: 1983812996 };
  return {
    anonKey: signJwt({ ...base, role: 'anon' }, secret),
    serviceRoleKey: signJwt({ ...base, role: 'service_role' }, secret),
  };
}
