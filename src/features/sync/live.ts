import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';

/**
 * A signal that follows a Dexie query over `source` (the device data): it re-runs whenever the
 * data it read changes (own writes and pulled changes alike), and starts over when the source
 * changes (other filters, signing in). The UI reads the device, never the network.
 *
 * While a changed source runs its first query, the previous answer stays (a screen does not
 * flash empty or jump when a filter changes); without a source (signed out, another person's
 * device not open yet) the value is cleared at once, so nobody sees someone else's data.
 */
export function createLiveQuery<S, T>(
  source: Accessor<S | undefined>,
  query: (source: S) => Promise<T>,
): Accessor<T | undefined> {
  const [value, setValue] = createSignal<T>();
  createEffect(
    on(source, (s) => {
      if (s === undefined) {
        setValue(undefined);
        return;
      }
      let sub: { unsubscribe(): void } | undefined;
      let stopped = false;
      // A dynamic import keeps Dexie out of the first screen's JavaScript (this module is part of
      // the sync feature's public surface, which the shell imports). A source exists only once
      // the device database is open, so Dexie is already loaded and this resolves at once.
      void import('dexie').then(({ liveQuery }) => {
        if (stopped) return;
        sub = liveQuery(() => query(s)).subscribe({
          next: (v) => setValue(() => v),
          error: (e: unknown) => console.error('live query failed', e),
        });
      });
      onCleanup(() => {
        stopped = true;
        sub?.unsubscribe();
      });
    }),
  );
  return value;
}
