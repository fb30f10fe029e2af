import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../lib/database.types.ts';
import { AUTH_STORAGE_KEY, type SupabaseConfig } from './supabase.ts';

/**
 * Creates the app's one Supabase client. Imported dynamically (see `main.tsx`), so supabase-js
 * stays out of the first screen's JavaScript; it owns the stored session from then on (refresh,
 * expiry, sign-out).
 */
export function createSupabase(config: SupabaseConfig): SupabaseClient<Database> {
  return createClient<Database>(config.url, config.anonKey, {
    auth: {
      storageKey: AUTH_STORAGE_KEY,
      storage: globalThis.localStorage,
      persistSession: true,
      autoRefreshToken: true,
      // Sign-in is by password or a typed code; no magic links land on our URLs.
      detectSessionInUrl: false,
    },
  });
}
