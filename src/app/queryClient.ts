import { QueryClient } from '@tanstack/solid-query';

/**
 * TanStack Query holds server-only reads (authoritative aggregates); the device's own records
 * live in Dexie. Defaults suit people on phones with patchy reception.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Aggregates change slowly; refetching on every focus would waste a metered connection.
        staleTime: 5 * 60 * 1000,
        refetchOnWindowFocus: false,
        // "online" mode pauses queries while offline and resumes them on reconnect.
        networkMode: 'online',
        retry: 2,
      },
    },
  });
}
