import { expect, test } from 'vitest';
import { readSupabaseConfig } from './supabase.ts';

test('reads a complete configuration and drops a trailing slash', () => {
  expect(
    readSupabaseConfig({
      VITE_SUPABASE_URL: 'https://x.supabase.co/',
      VITE_SUPABASE_ANON_KEY: 'k',
    }),
  ).toEqual({ ok: true, config: { url: 'https://x.supabase.co', anonKey: 'k' } });
});

test('names what is missing or malformed', () => {
  expect(readSupabaseConfig({})).toEqual({
    ok: false,
    missing: ['VITE_SUPABASE_URL', 'VITE_SUPABASE_ANON_KEY'],
  });
  expect(
    readSupabaseConfig({ VITE_SUPABASE_URL: 'localhost:54321', VITE_SUPABASE_ANON_KEY: ' ' }),
  ).toEqual({ ok: false, missing: ['VITE_SUPABASE_URL', 'VITE_SUPABASE_ANON_KEY'] });
});
