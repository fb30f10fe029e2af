import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../lib/database.types.ts';
import {
  TransportError,
  type PullPage,
  type PushResult,
  type SyncTransport,
} from '../sync/transport.ts';

/** Network trouble and server errors pass; a refused sign-in does not pass by waiting. */
function toTransportError(error: { message: string }, status: number): TransportError {
  const retryable = status === 0 || status === 408 || status === 429 || status >= 500;
  return new TransportError(error.message, retryable, status);
}

/** The sync protocol over supabase-js: sync_push and sync_pull as RPCs. */
export function createSupabaseTransport(client: SupabaseClient<Database>): SyncTransport {
  return {
    async push(clientId, mutations) {
      const { data, error, status } = await client.rpc('sync_push', {
        client_id: clientId,
        mutations: mutations as never,
      });
      if (error) throw toTransportError(error, status);
      return (data as unknown as { results: PushResult[] }).results;
    },
    async fetch(refs) {
      const { data, error, status } = await client.rpc('sync_fetch', { refs: refs as never });
      if (error) throw toTransportError(error, status);
      return (data as unknown as { rows: { table: string; row: Record<string, unknown> }[] }).rows;
    },
    async pull(cursor, limit) {
      const { data, error, status } = await client.rpc('sync_pull', {
        cursor: cursor as never,
        max_rows: limit,
      });
      if (error) throw toTransportError(error, status);
      return data as unknown as PullPage;
    },
  };
}
