/**
 * The Supabase settings of the build. Deliberately free of supabase-js: the first screen reads
 * these before the client (55 KB gzip) is loaded, see `supabase-client.ts`.
 */

/** Where the app finds its Supabase project. */
export interface SupabaseConfig {
  url: string;
  anonKey: string;
}

export type ConfigResult =
  | { ok: true; config: SupabaseConfig }
  | { ok: false; missing: ('VITE_SUPABASE_URL' | 'VITE_SUPABASE_ANON_KEY')[] };

/**
 * Reads the build-time settings. A missing or malformed value is reported by name so the
 * "cannot start" screen can tell an administrator exactly what to fix.
 */
export function readSupabaseConfig(env: Readonly<Record<string, unknown>>): ConfigResult {
  const url = typeof env.VITE_SUPABASE_URL === 'string' ? env.VITE_SUPABASE_URL.trim() : '';
  const anonKey =
    typeof env.VITE_SUPABASE_ANON_KEY === 'string' ? env.VITE_SUPABASE_ANON_KEY.trim() : '';
  const missing: ('VITE_SUPABASE_URL' | 'VITE_SUPABASE_ANON_KEY')[] = [];
  if (!isHttpUrl(url)) missing.push('VITE_SUPABASE_URL');
  if (!anonKey) missing.push('VITE_SUPABASE_ANON_KEY');
  if (missing.length) return { ok: false, missing };
  return { ok: true, config: { url: url.replace(/\/+$/, ''), anonKey } };
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The localStorage key under which supabase-js keeps the session. Named explicitly (instead of
 * the default derived from the project URL) because `auth.ts` reads it synchronously: to decide
 * the first screen before supabase-js is loaded, and to keep showing the signed-in shell while
 * offline.
 */
export const AUTH_STORAGE_KEY = 'buurtpeil.auth';
