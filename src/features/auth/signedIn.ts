import { requestPersistentStorage } from '../../platform/storage.ts';

/**
 * Runs after a successful login. Navigation away from the login screen follows the session
 * signal (`LeaveWhenSignedIn`), so it also happens when another tab logs in.
 */
export function onSignedIn(): void {
  // The person now works with this app on this device: ask the browser not to evict its data.
  void requestPersistentStorage();
}
