import { createSignal, onCleanup, type Accessor } from 'solid-js';

/**
 * Whether the browser thinks it is online. `false` is reliable (no network at all); `true` only
 * means "maybe", so callers still handle failed requests.
 */
export function isOnline(): boolean {
  return globalThis.navigator?.onLine ?? true;
}

/** A signal that follows the browser's online/offline events; listeners go with the owner. */
export function createOnlineStatus(): Accessor<boolean> {
  const [online, setOnline] = createSignal(isOnline());
  const update = () => setOnline(isOnline());
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onCleanup(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
  return online;
}
