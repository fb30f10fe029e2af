/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The Supabase project URL, e.g. https://xyz.supabase.co (or the local stack's). */
  readonly VITE_SUPABASE_URL?: string;
  /** The project's anon (public) key; RLS decides what it can do. */
  readonly VITE_SUPABASE_ANON_KEY?: string;
}
