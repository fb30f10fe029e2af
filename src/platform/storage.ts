/**
 * Asks the browser to keep this site's storage (IndexedDB with unsent work, the precached app)
 * under storage pressure instead of evicting it. Called after login, when the user has shown they
 * use the app, because browsers grant it more readily then and Firefox shows a prompt.
 * Resolves to whether storage is persistent; never throws.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist || !storage.persisted) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
