import type { ServiceHandler, StackContext } from '../context.ts';
import { sendJson } from '../http.ts';

/** The Storage API subset that `@supabase/storage-js` uses. */
export interface StorageService {
  /** Mounted at `/storage/v1`. */
  handle: ServiceHandler;
}

export function createStorageService(_ctx: StackContext): StorageService {
  // Placeholder until the Storage subset lands.
  const notYet: ServiceHandler = async (_req, res) =>
    sendJson(res, 501, { statusCode: '501', error: 'Not implemented', message: 'not implemented' });
  return { handle: notYet };
}
