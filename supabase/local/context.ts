import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';

/** What the in-process Auth and Storage services share with the gateway. */
export interface StackContext {
  /** Pool of superuser connections to the stack's database. */
  pool: pg.Pool;
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Public URL of the gateway, e.g. http://127.0.0.1:54321. */
  apiUrl: string;
  /** Folder for the stack's files (Storage objects live in `<dataDir>/storage`). */
  dataDir: string;
  /** Messages for the developer's terminal. */
  log: (message: string) => void;
  /** Seconds since the epoch; injectable so tests can move the clock. */
  now: () => number;
}

/**
 * A service mounted on the gateway. `path` is the request path below the mount point
 * (`/auth/v1/token` → `/token`), without the query string; the query is in `url`.
 */
export type ServiceHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
) => Promise<void>;
