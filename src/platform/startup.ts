/**
 * Runs `fn` once the first screen has been painted: after the next frame, in a task of its own.
 * Startup work that the first screen does not show (loading supabase-js, Dexie, the service
 * worker) waits for this, so it neither delays the first paint nor competes with it.
 */
export function whenPainted(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  // rAF runs just before the frame is painted; the timeout after it lands after the paint.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  // A tab opened in the background gets no frames until shown; start anyway.
  setTimeout(run, 1000);
}

/** `whenPainted` as a promise. */
export function painted(): Promise<void> {
  return new Promise((resolve) => whenPainted(resolve));
}

/** Calls `load` at most once and shares its promise; a failed load may be retried. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
    return pending;
  };
}
