import {
  createClient,
  type SupabaseClient,
  type SupabaseClientOptions,
} from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/lib/database.types.ts';
import { signJwt } from '../../supabase/local/jwt.ts';
import type { TestStack } from './stack-setup.ts';

/** Ids of the demo users that supabase/seed.sql creates. */
export const DEMO = {
  gemeente: '0b000000-0000-4000-8000-000000000001',
  smederij: '0b000000-0000-4000-8000-000000000002',
  woonconcept: '0b000000-0000-4000-8000-000000000003',
  domesta: '0b000000-0000-4000-8000-000000000004',
  actium: '0b000000-0000-4000-8000-000000000005',
  huurder: '0b000000-0000-4000-8000-000000000006',
} as const;

/**
 * Node 20 has no global WebSocket, which supabase-js's realtime client wants at construction.
 * Tests never open a channel, so a transport that refuses to connect will do.
 */
class NoWebSocket {
  constructor() {
    throw new Error('Realtime is not available in tests');
  }
}

/** supabase-js for tests in Node: no session storage, no timers, no realtime. */
export function nodeClient(
  url: string,
  key: string,
  options: SupabaseClientOptions<'public'> = {},
): SupabaseClient<Database> {
  return createClient<Database>(url, key, {
    ...options,
    auth: { persistSession: false, autoRefreshToken: false, ...options.auth },
    realtime: { transport: NoWebSocket as unknown as typeof WebSocket, ...options.realtime },
  });
}

/** A user access token as the Auth server issues it, valid for an hour. */
export function userToken(stack: TestStack, sub: string): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    { sub, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600 },
    stack.jwtSecret,
  );
}

/** A supabase-js client acting as the given user (without going through sign-in). */
export function clientAs(stack: TestStack, sub: string): SupabaseClient<Database> {
  return nodeClient(stack.apiUrl, stack.anonKey, {
    global: { headers: { Authorization: `Bearer ${userToken(stack, sub)}` } },
  });
}

/** A superuser connection to the test stack for one test file: opened before its tests, closed after. */
export function useSuperuser(stack: TestStack): pg.Client {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  beforeAll(() => client.connect());
  afterAll(() => client.end());
  return client;
}
