import type { ServiceHandler, StackContext } from '../context.ts';
import { sendJson } from '../http.ts';

/** The GoTrue (Supabase Auth) HTTP API subset that `@supabase/auth-js` uses. */
export interface AuthService {
  /** Mounted at `/auth/v1`. */
  handle: ServiceHandler;
  /** The local mailbox page (sign-in codes), mounted at `/mailbox`. */
  mailbox: ServiceHandler;
}

export function createAuthService(_ctx: StackContext): AuthService {
  // Placeholder until the GoTrue subset lands.
  const notYet: ServiceHandler = async (_req, res) => sendJson(res, 501, { msg: 'not implemented' });
  return { handle: notYet, mailbox: notYet };
}
