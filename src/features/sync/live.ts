import { liveQuery } from 'dexie';
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';

/**
 * A signal that follows a Dexie query over `source` (the device data): it re-runs whenever the
 * data it read changes (own writes and pulled changes alike), and starts over when the source
 * changes (signing in, another user). The UI reads the device, never the network.
 */
export function createLiveQuery<S, T>(
  source: Accessor<S | undefined>,
  query: (source: S) => Promise<T>,
): Accessor<T | undefined> {
  const [value, setValue] = createSignal<T>();
  createEffect(
    on(source, (s) => {
      setValue(undefined);
      if (s === undefined) return;
      const sub = liveQuery(() => query(s)).subscribe({
        next: (v) => setValue(() => v),
        error: (e: unknown) => console.error('live query failed', e),
      });
      onCleanup(() => sub.unsubscribe());
    }),
  );
  return value;
}
